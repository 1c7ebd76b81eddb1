import SurveyData

/// Where a class is in a lesson: the step, the language, and whether the teacher has left the
/// sequence to explore freely (the step is remembered, so `resume` returns to it). A plain value
/// the explorer keeps in its state and changes with its keys; it applies `spec` of the rendered
/// step on every move.
public struct LessonSession: Sendable, Equatable {
    public let stepCount: Int
    /// 1-based.
    public private(set) var step: Int
    public var language: Language
    /// False while the teacher explores freely (the lesson pane is hidden, the spec untouched).
    public private(set) var isActive: Bool

    public init(stepCount: Int, step: Int = 1, language: Language = .en) {
        self.stepCount = max(1, stepCount)
        self.step = min(max(1, step), max(1, stepCount))
        self.language = language
        self.isActive = true
    }

    public var isFirst: Bool { step == 1 }
    public var isLast: Bool { step == stepCount }

    /// Moves on; returns false (and stays) at the last step.
    @discardableResult public mutating func next() -> Bool {
        guard isActive, step < stepCount else { return false }
        step += 1
        return true
    }

    /// Moves back; returns false (and stays) at the first step.
    @discardableResult public mutating func previous() -> Bool {
        guard isActive, step > 1 else { return false }
        step -= 1
        return true
    }

    /// Jumps to a step (1-based); out-of-range numbers are clamped.
    public mutating func go(to number: Int) {
        step = min(max(1, number), stepCount)
        isActive = true
    }

    /// Leaves the sequence for free exploration at the current step.
    public mutating func leave() { isActive = false }

    /// Returns to the step left; the caller re-applies its specification.
    public mutating func resume() { isActive = true }

    /// `l` in the lesson: English ⇄ Chinese.
    public mutating func toggleLanguage() { language = language == .en ? .zh : .en }
}
