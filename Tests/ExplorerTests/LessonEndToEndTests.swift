import Foundation
import PathLensTestSupport
import Testing

/// `pathlens teach` under tmux: walk the lesson forward and back, leave it to explore, return
/// with T, quit with the terminal restored. The screen is polled, never slept on.
@Suite(.serialized) struct LessonEndToEndTests {
    @Test(.requires(E2E.missing))
    func walkLeaveExploreReturnQuit() throws {
        let t = try TmuxSession("lesson", arguments: ["teach"])
        defer { t.kill() }
        try t.waitFor(text: "Step 1/")
        try t.waitFor(text: "Question:")
        for step in 2...4 {
            try t.send("n")
            try t.waitFor(text: "Step \(step)/")
        }
        try t.send("p")
        try t.waitFor(text: "Step 3/")
        // The step's tables replace the live view once its numbers are in.
        try t.waitFor(text: "This step's tables")
        try t.send("l")
        try t.waitFor(text: "第 3/")
        try t.send("l")
        try t.waitFor(text: "Step 3/")

        // Esc: free exploration with the variables pane and the live views.
        try t.send("Escape")
        try t.waitFor("variables pane") { $0.contains("T returns to step 3") && !$0.contains("Step 3/") }
        try t.send("2")
        try t.waitFor("mediation view") { !$0.contains("This step's tables") && !$0.contains("Step 3/") }

        // T: back at the same step.
        try t.send("T")
        try t.waitFor(text: "Step 3/")

        try t.send("q")
        try t.expectCleanExit(gone: "Step 3/")
    }

    @Test(.requires(E2E.missing))
    func tInThePlainExplorerOpensTheShippedLesson() throws {
        let t = try TmuxSession("lessonT")
        defer { t.kill() }
        try t.waitFor("models computed", E2E.settled)
        try t.send("T")
        try t.waitFor(text: "Step 1/")
        try t.send("Escape")
        try t.waitFor("lesson left") { !$0.contains("Step 1/") }
        try t.send("q")
        try t.expectCleanExit()
    }

    @Test(.requires(E2E.missing))
    func aMalformedLessonFailsWithOneLineBeforeTheScreen() throws {
        let t = try TmuxSession("badlesson", arguments: ["teach", "/nonexistent/lesson.md"])
        defer { t.kill() }
        try t.waitFor("exit status", timeout: 30) { _ in t.exitStatus() != nil }
        #expect(t.exitStatus() != 0)
        #expect(t.stderr.contains("/nonexistent/lesson.md"))
        #expect(t.stderr.split(separator: "\n").count == 1)
    }
}
