import Foundation
import Testing
@testable import SurveyData
#if canImport(Glibc)
import Glibc
#endif

/// `AtomicFile`, the one writer of user files: old file untouched on failure, symlinks followed,
/// anything but a regular file refused with one line, the mode kept, no temporary left behind.
@Suite struct AtomicFileTests {
    let dir: String = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }()

    func leftovers() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.contains(".tmp-") }
    }

    @Test func replacesAndKeepsTheMode() throws {
        let path = dir + "/a.csv"
        try AtomicFile.write("old\n", to: path)
        chmod(path, 0o640)
        try AtomicFile.write("new\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o7777 == 0o640)
        #expect(leftovers().isEmpty)
    }

    @Test func aNewFileGetsTheUmaskMode() throws {
        let path = dir + "/new.csv"
        let mask = umask(0o022); umask(mask)
        try AtomicFile.write("x", to: path)
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o666 & ~mask)
    }

    @Test func aFailingWriteLeavesTheOldFile() throws {
        let path = dir + "/keep.csv"
        try AtomicFile.write("precious\n", to: path)
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try AtomicFile.write(to: path) { fd in
                try AtomicFile.writeAll(fd, UnsafeRawBufferPointer(start: "partial", count: 7), path: path)
                throw Boom()
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "precious\n")
        #expect(leftovers().isEmpty)
    }

    @Test func followsASymlinkToItsTarget() throws {
        try FileManager.default.createDirectory(atPath: dir + "/real", withIntermediateDirectories: true)
        try AtomicFile.write("old", to: dir + "/real/t.md")
        chmod(dir + "/real/t.md", 0o600)
        symlink("real/t.md", dir + "/link.md")
        symlink("link.md", dir + "/link2.md")
        try AtomicFile.write("new", to: dir + "/link2.md")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link2.md") == "link.md")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.md") == "real/t.md")
        #expect(try String(contentsOfFile: dir + "/real/t.md", encoding: .utf8) == "new")
        var info = stat()
        stat(dir + "/real/t.md", &info)
        #expect(info.st_mode & 0o777 == 0o600)
    }

    @Test func aDanglingSymlinkCreatesItsTarget() throws {
        symlink("made.md", dir + "/dangling.md")
        try AtomicFile.write("x", to: dir + "/dangling.md")
        #expect(FileManager.default.contents(atPath: dir + "/made.md") == Data("x".utf8))
    }

    @Test(arguments: [("dir", "a directory"), ("/dev/null", "a character device")])
    func refusesWhatIsNotARegularFile(target: String, kind: String) throws {
        let path = target.hasPrefix("/") ? target : dir + "/" + target
        if !target.hasPrefix("/") { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        let error = #expect(throws: SurveyDataError.self) { try AtomicFile.write("x", to: path) }
        #expect(error?.description == "\(path): cannot write: not a regular file (\(kind))")
        #expect(leftovers().isEmpty)
    }

    @Test func aSymlinkLoopIsOneLine() throws {
        symlink("loop2", dir + "/loop1")
        symlink("loop1", dir + "/loop2")
        let error = #expect(throws: SurveyDataError.self) { try AtomicFile.write("x", to: dir + "/loop1") }
        #expect(error?.description.contains("too many levels of symbolic links") == true)
    }

    @Test func aMissingDirectoryIsOneLine() throws {
        let error = #expect(throws: SurveyDataError.self) { try AtomicFile.write("x", to: dir + "/no/such/f.csv") }
        #expect(error?.description == "\(dir)/no/such/f.csv: cannot write: No such file or directory")
    }
}

/// `TerminalText`, the one sanitizer of printed text.
@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("a\u{1B}[31mb", "a\\x1b[31mb"),
        ("t\u{1B}]0;x\u{07}", "t\\x1b]0;x\\x07"),
        ("cr\rbs\u{08}del\u{7F}", "cr\\x0dbs\\x08del\\x7f"),
        ("c1\u{9B}2J", "c1\\u009b2J"),
        ("rtl\u{202E}x\u{2066}y\u{2069}", "rtl\\u202ex\\u2066y\\u2069"),
        ("keep\ttab\nline", "keep\ttab\nline"),
        ("中文 ± é", "中文 ± é"),
    ])
    func escapes(input: String, shown: String) {
        #expect(TerminalText.sanitize(input) == shown)
    }

    @Test func oneLineAndASCIIOnly() {
        #expect(TerminalText.sanitize("a\nb\tc", keepLayout: false) == "a\\x0ab\\x09c")
        #expect(TerminalText.sanitize("中x", asciiOnly: true) == "\\u4e2dx")
        #expect(TerminalText.sanitize("😀", asciiOnly: true) == "\\u{1f600}")
    }

    @Test func messageQuotesAreSanitized() {
        #expect(MessageText.quote("x\u{1B}[2J") == "'x\\x1b[2J'")
        #expect(MessageText.quote("a\nb") == "'a\\nb'")
    }
}
