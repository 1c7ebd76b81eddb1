import ArgumentParser
import Foundation

/// Parses and runs the command, with every message going through `Output` (ArgumentParser's
/// own `main()` prints with `print`, whose errors are lost, and an argument error as four lines:
/// Error, Help, Usage, See …). An error is one `Error:` line (an argument error names the
/// `--help` to read at its end); `--help` prints its text on stdout.
enum CommandLineRun {
    static func main(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try PathLens.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch {
            let code = PathLens.exitCode(for: error)
            if code == .success {
                let text = PathLens.fullMessage(for: error)
                if !text.isEmpty { Output.out(text.hasSuffix("\n") ? text : text + "\n") }
                exit(0)
            }
            for line in errorLines(error) { Output.errorLine(line) }
            exit(code.rawValue)
        }
    }

    /// `Error: <message on one line>`; an argument error ends with ArgumentParser's pointer to the
    /// usage, on the same line: "(see 'pathlens fit --help')".
    static func errorLines(_ error: Error) -> [String] {
        var message = PathLens.message(for: error)
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        let full = PathLens.fullMessage(for: error).split(whereSeparator: \.isNewline)
        if let see = full.first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("See '") }),
           let command = see.split(separator: "'").dropFirst().first {
            message += " (see '\(command)')"
        }
        guard !message.isEmpty else { return [] }
        return [message.hasPrefix("Error:") ? message : "Error: " + message]
    }
}
