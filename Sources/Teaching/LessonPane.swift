import Reports
import SurveyData

/// One line of the lesson pane beside the live screen.
public struct LessonPaneLine: Sendable, Equatable {
    public enum Style: Sendable, Equatable { case title, body, lookAt, question, footer }
    public var text: String
    public var style: Style
}

/// Lays a rendered step out for a side pane of `width` terminal cells: title, the explanation
/// wrapped (Chinese at any character, other text at spaces; widths by `TextWidth`, as ncursesw
/// measures), the numbers to look at, the question, and a key hint. Markdown emphasis markers
/// are dropped: the pane styles whole lines.
public enum LessonPane {
    public static func lines(_ step: RenderedStep, width: Int, language: Language,
                             codebook: Codebook?) -> [LessonPaneLine] {
        let width = max(10, width)
        var out: [LessonPaneLine] = []
        let heading = UIText.stepOf.text(language, step.number, step.count) + " " + step.title
        out += wrap(heading, width: width).map { LessonPaneLine(text: $0, style: .title) }
        out.append(LessonPaneLine(text: "", style: .body))
        for line in step.lines {
            let plain = stripMarkdown(line)
            if plain.trimmingCharacters(in: .whitespaces).isEmpty {
                out.append(LessonPaneLine(text: "", style: .body)); continue
            }
            out += wrap(plain, width: width).map { LessonPaneLine(text: $0, style: .body) }
            out.append(LessonPaneLine(text: "", style: .body))
        }
        if !step.highlights.isEmpty {
            let labels = step.highlights.map { item -> String in
                let name = item.split(separator: "=").first.map(String.init) ?? item
                if let words = LessonHandout.mediationNames[item] { return words.text(language) }
                return codebook?.variable(name)?.label(language) ?? item
            }
            let text = UIText.lookAtList.text(language, labels.joined(separator: UIText.enumerationSeparator.text(language)))
            out += wrap(text, width: width).map { LessonPaneLine(text: $0, style: .lookAt) }
            out.append(LessonPaneLine(text: "", style: .body))
        }
        out += wrap(UIText.question.text(language, stripMarkdown(step.question)), width: width)
            .map { LessonPaneLine(text: $0, style: .question) }
        out.append(LessonPaneLine(text: "", style: .body))
        let hint = UIText.lessonPaneHint.text(language)
        out += wrap(hint, width: width).map { LessonPaneLine(text: $0, style: .footer) }
        return out
    }

    /// Drops `**`, `*` and backticks (emphasis and code markers).
    static func stripMarkdown(_ text: String) -> String {
        text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
            .replacingOccurrences(of: "*", with: "")
    }

    /// Greedy wrap to `width` cells with the Chinese line-breaking rule (`Reports.TextWrap`).
    static func wrap(_ text: String, width: Int) -> [String] {
        TextWrap.lines(text, width: width)
    }
}
