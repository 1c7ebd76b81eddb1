import Foundation
import PathLensTestSupport
import Testing

/// The shared helpers themselves: requirements skip locally and fail under CI, and the spawn
/// helper neither deadlocks on a chatty child nor waits forever on a stuck one.
@Suite struct RequirementTests {
    @Test func metRequirementRuns() async throws {
        #expect(try await ConditionTrait.requires(nil, ci: true).evaluate())
        #expect(try await ConditionTrait.requires(true, "never shown").evaluate())
    }

    @Test func unmetRequirementSkipsLocally() async throws {
        #expect(try await ConditionTrait.requires("tmux is not installed", ci: false).evaluate() == false)
    }

    @Test func unmetRequirementFailsUnderCI() async throws {
        do {
            _ = try await ConditionTrait.requires("tmux is not installed", ci: true).evaluate()
            Issue.record("an unmet requirement under CI must throw")
        } catch let error as Requirement.Unmet {
            #expect(error.description.contains("CI=true") && error.description.contains("tmux is not installed"))
        }
    }

    @Test func requireOrSkipCarriesOnWhenMet() throws {
        try Requirement.requireOrSkip(true, "never shown")
        try Requirement.require(nil)
    }

    @Test func ciIsReadFromTheEnvironment() {
        let value = ProcessInfo.processInfo.environment["CI"]?.lowercased()
        #expect(Requirement.isCI == (value == "true" || value == "1"))
    }
}

@Suite struct SubprocessTests {
    @Test func argumentsEnvironmentAndStdin() throws {
        let run = try Subprocess.run("/bin/sh", ["-c", "echo \"$0 $GREETING\"; cat; echo oops >&2; exit 3", "arg"],
                                     environment: ["GREETING": "hello"], stdin: Data("from stdin\n".utf8))
        #expect(run.status == 3)
        #expect(run.stdout == "arg hello\nfrom stdin\n")
        #expect(run.stderr == "oops\n")
    }

    /// Megabytes on stderr before anything on stdout: a reader that drained stdout first (to its
    /// end) and stderr after would wait forever on a child blocked writing stderr.
    @Test func aLotOnStderrDoesNotDeadlock() throws {
        let run = try Subprocess.run("/bin/sh", ["-c", "head -c 4000000 /dev/zero | tr '\\0' e >&2; echo done"], timeout: 60)
        #expect(run.status == 0)
        #expect(run.stderrData.count == 4_000_000)
        #expect(run.stdout == "done\n")
    }

    @Test func aLotOnBothStreams() throws {
        let run = try Subprocess.run("/bin/sh", ["-c", "seq 1 200000; seq 1 200000 >&2"], timeout: 60)
        #expect(run.stdout.split(separator: "\n").count == 200_000)
        #expect(run.stderrLines.count == 200_000)
    }

    @Test func aStuckChildIsKilledAndFailsTheTest() throws {
        let start = Date()
        withKnownIssue("the timeout records an issue") {
            _ = try Subprocess.run("/bin/sleep", ["30"], timeout: 0.5)
        }
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func aSignalGivesOneHundredTwentyEightPlusIt() throws {
        let run = try Subprocess.run("/bin/sh", ["-c", "kill -TERM $$"])
        #expect(run.status == 128 + SIGTERM)
    }

    /// A child that leaves a background process holding its stdout: the run ends with the child.
    @Test func anInheritedPipeDoesNotHoldTheRun() throws {
        let start = Date()
        let run = try Subprocess.run("/bin/sh", ["-c", "echo started; sleep 20 & exit 0"], timeout: 60)
        #expect(run.stdout == "started\n")
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func aMissingExecutableThrows() {
        #expect(throws: Subprocess.Failure.self) { try Subprocess.run("/nonexistent/program") }
    }
}
