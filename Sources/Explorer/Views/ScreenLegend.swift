import Reports
import SurveyData

/// The part of `?` that explains what the screen shows: every marker, abbreviation and symbol
/// of the panes and views, in the label language (entries in `UIText`, each symbol with its
/// meaning).
enum ScreenLegend {
    static var entries: [(symbol: Phrase, meaning: Phrase)] { UIText.legend + ParallelLinesPhrases.helpLegend }

    /// The legend as help lines: a heading, then `symbol  meaning` rows, meanings wrapped to
    /// `width` cells (ASCII forms first under a non-UTF-8 locale).
    static func lines(_ language: Language, width: Int = 72, ascii: Bool = false) -> [String] {
        let fold: (String) -> String = ascii ? ASCIIFold.fold : { $0 }
        let symbols = entries.map { fold($0.symbol.text(language)) }
        let column = symbols.map { TextWidth.width($0) }.max() ?? 0
        var out = [fold(UIText.legendHeading.text(language))]
        for (symbol, entry) in zip(symbols, entries) {
            let meaning = TextWrap.lines(fold(entry.meaning.text(language)), width: max(10, width - column - 3))
            for (k, piece) in meaning.enumerated() {
                out.append(" " + TextWidth.pad(k == 0 ? symbol : "", to: column) + "  " + piece)
            }
        }
        return out
    }
}
