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
        let zh = language == .zh
        var out: [LessonPaneLine] = []
        let heading = (zh ? "第 \(step.number)/\(step.count) 步 " : "Step \(step.number)/\(step.count) ") + step.title
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
                if let words = LessonHandout.mediationNames[item] { return zh ? words.zh : words.en }
                return codebook?.variable(name)?.label(language) ?? item
            }
            let text = (zh ? "请看：" : "Look at: ") + labels.joined(separator: zh ? "、" : ", ")
            out += wrap(text, width: width).map { LessonPaneLine(text: $0, style: .lookAt) }
            out.append(LessonPaneLine(text: "", style: .body))
        }
        out += wrap((zh ? "问题：" : "Question: ") + stripMarkdown(step.question), width: width)
            .map { LessonPaneLine(text: $0, style: .question) }
        out.append(LessonPaneLine(text: "", style: .body))
        let hint = zh ? "n 下一步 · p 上一步 · l English · Esc 自由探索" : "n next · p previous · l 中文 · Esc explore freely"
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
