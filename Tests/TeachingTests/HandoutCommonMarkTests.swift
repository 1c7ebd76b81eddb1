import Foundation
import PathLensTestSupport
import Reports
import SurveyData
import Testing
@testable import Teaching

/// `pathlens teach --print` is valid CommonMark: parsed by `cmark` (Debian's reference parser,
/// installed by `scripts/ensure-deps`), its rendered text has no literal `**` left — every bold
/// marker became emphasis. The only asterisks left are significance stars (after a number, and
/// in the stars legend), which the Markdown renderer escapes on purpose.
@Suite struct HandoutCommonMarkTests {
    static let cmark: String? = ["/usr/bin/cmark", "/usr/local/bin/cmark"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let missing: String? = cmark == nil ? "cmark is not installed (apt-get install cmark; scripts/ensure-deps installs it)" : nil

    /// The text of the HTML `cmark` renders (tags dropped, entities decoded).
    static func renderedText(_ markdown: String) throws -> (html: String, text: String) {
        let out = try Subprocess.run(try #require(cmark), [], stdin: Data(markdown.utf8), timeout: 60)
        #expect(out.status == 0, "\(out.stderr)")
        var text = out.stdout.replacing(try Regex("<[^>]+>"), with: "")
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return (out.stdout, text)
    }

    @Test(.requires(missing), arguments: [Language.en, .zh])
    func handoutParsesWithNoLiteralBoldMarkers(language: Language) throws {
        let markdown = try LessonHandout.markdown(try shippedRunner(), language: language)
        let (html, text) = try Self.renderedText(markdown)
        // Significance stars are text on purpose: after a number, and the legend.
        var rest = text.replacingOccurrences(of: ReportText.starsNote(language), with: "")
        rest = rest.replacing(try Regex(#"\d\*+"#), with: "")
        let left = rest.matches(of: try Regex(#".{0,30}\*\*.{0,30}"#)).map { String(rest[$0.range]) }
        #expect(left.isEmpty, "literal ** in the rendered handout: \(left.prefix(5))")
        // Each step's question and look-at line is bold.
        let steps = try shippedRunner().stepCount
        #expect(html.components(separatedBy: "<strong>").count - 1 >= 2 * steps)
    }
}
