import Foundation
import PathLensTestSupport
import Testing

/// The Models view's sensitivity footer through the headless `explore --print` path: δ and RV
/// under the OLS column only, the same numbers `pathlens sensitivity` computes for that model,
/// and the whole screen as a committed snapshot (`Snapshots/models-sensitivity-132x90.txt`;
/// re-record with PATHLENS_RECORD_SNAPSHOTS=1, refused under CI=true).
@Suite(.requires(HeadlessPrintTests.missing))
struct SensitivityFooterTests {
    static let snapshot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots/models-sensitivity-132x90.txt")

    func run(_ arguments: [String]) throws -> PathLensBinary.Run {
        try PathLensBinary.run(arguments, environment: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "dumb"])
    }

    @Test func footerShowsDeltaAndRVOfTheOLSColumn() throws {
        let screen = try run(["explore", "--keys", "1", "--size", "132x90", "--print"])
        #expect(screen.status == 0, "\(screen.stderr)")
        let lines = screen.stdout.split(separator: "\n").map(String.init)
        let deltaLine = try #require(lines.first { $0.contains("Oster δ (β = 0)") }, "\(screen.stdout)")
        let rvLine = try #require(lines.first { $0.contains("RV (q = 1) %") })
        func numbers(_ line: String) -> [String] {
            let table = line.split(separator: "|", maxSplits: 1).last.map(String.init) ?? line
            return table.split(separator: " ").map(String.init).filter { Double($0) != nil }
        }
        // One number each: the OLS column's (the ordered-logit columns have none).
        let delta = try #require(numbers(deltaLine).first), rv = try #require(numbers(rvLine).first)
        #expect(numbers(deltaLine).count == 1 && numbers(rvLine).count == 1, "\(deltaLine)\n\(rvLine)")

        let cli = try run(["sensitivity", "--x", "union", "--y", "skill", "--format", "json",
                           "--controls", "male + c.age + i.educ + married + party + i.occ + i.industry"])
        #expect(cli.status == 0, "\(cli.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any])
        let d = try #require((json["delta"] as? NSNumber)?.doubleValue), r = try #require((json["rv_q"] as? NSNumber)?.doubleValue)
        #expect(delta == String(format: "%.2f", d), "footer δ \(delta) vs CLI \(d)")
        #expect(rv == String(format: "%.1f", 100 * r), "footer RV \(rv) vs CLI \(r)")

        let text = screen.stdout
        if ProcessInfo.processInfo.environment["PATHLENS_RECORD_SNAPSHOTS"] == "1" {
            if Requirement.isCI { Issue.record("PATHLENS_RECORD_SNAPSHOTS=1 under CI=true: snapshots are recorded locally"); return }
            try Data(text.utf8).write(to: Self.snapshot, options: .atomic)
            return
        }
        let expected = try String(contentsOf: Self.snapshot, encoding: .utf8)
        #expect(text == expected, "the screen differs from \(Self.snapshot.path); re-record with PATHLENS_RECORD_SNAPSHOTS=1 and review the diff")
    }

    @Test func zhFooterAndASCIIFallback() throws {
        let zh = try run(["explore", "--keys", "L 1", "--size", "132x90", "--print"])
        #expect(zh.status == 0, "\(zh.stderr)")
        #expect(zh.stdout.contains("Oster δ（β = 0）"), "\(zh.stdout)")
        let ascii = try PathLensBinary.run(["explore", "--keys", "1", "--size", "132x90", "--print"],
                                           environment: ["LANG": "C", "LC_ALL": "C", "TERM": "dumb"])
        #expect(ascii.status == 0)
        #expect(ascii.stdout.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(ascii.stdout.contains("Oster d (b = 0)"))
    }
}
