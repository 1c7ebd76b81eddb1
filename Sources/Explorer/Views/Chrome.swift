import Estimation
import Reports
import SurveyData

/// The title bar (views and their keys), the specification bar and the status line.
enum Chrome {
    static func titleBar(_ state: AppState, env: ExplorerEnvironment, into grid: inout CellGrid) {
        let w = grid.width
        grid.put(Cells.repeated(" ", w), x: 0, y: 0, style: .reverse)
        let language = env.unicode ? state.spec.language : .en
        var x = grid.put(" " + UIText.appTitle.text(language, env.dataset.name) + " ", x: 0, y: 0, style: [.reverse, .bold])
        // At 80 columns the bar holds six views and `? help`: view 7 (the specification curve) is
        // named there while it is open; `?` and the view menu list it always.
        for v in ViewKind.allCases where v != .multiverse || state.view == .multiverse {
            let label = " \(v.rawValue) \(title(v).text(language)) "
            let style: CellStyle = v == state.view ? [.bold, .accent] : .reverse
            x += grid.put(label, x: x, y: 0, style: style, limit: max(0, w - x))
        }
        let help = " \(KeyTable.label(.help)) \(UIText.help.text(language)) "
        if x + TextWidth.width(help) <= w { grid.put(help, x: w - TextWidth.width(help), y: 0, style: .reverse) }
    }

    /// A view's name in the title bar and menus.
    static func title(_ view: ViewKind) -> Phrase {
        switch view {
        case .models: return UIText.viewModels
        case .mediation: return UIText.viewMediation
        case .margins: return UIText.viewMargins
        case .crosstab: return UIText.viewCrosstab
        case .describe: return UIText.viewDescribe
        case .data: return UIText.viewData
        case .multiverse: return UIText.viewMultiverse
        }
    }

    static func subsampleText(_ state: AppState, env: ExplorerEnvironment) -> String {
        let language = state.spec.language
        let name: String
        if let s = state.spec.subsample {
            if let preset = env.codebook.subsamples.first(where: { $0.condition == s.condition }) {
                name = (language == .zh ? preset.labelZH : preset.labelEN) ?? preset.labelEN ?? preset.name
            } else {
                name = s.condition
            }
        } else {
            name = UIText.sampleAll.text(language)
        }
        // The common sample's N once the results for these choices are in.
        let current = state.results.flatMap { $0.spec.computeKey == state.spec.computeKey ? $0 : nil }
        let n = (current?.commonN ?? current?.sampleN).map { "N=\($0)" } ?? (current?.sampleError != nil ? "N=?" : "N=...")
        let perModel = state.spec.sampling == .perModel ? UIText.samplePerModel.text(language) : ""
        // Under a declared design a subsample is a subpopulation, and the bar says so.
        let shown = state.spec.design != nil && state.spec.subsample != nil ? UIText.specSubpop.text(language, name) : name
        return "\(shown) \(n)\(perModel)"
    }

    /// The specification's items, whole: an item that does not fit before `reserve` cells at
    /// the right (the off-screen columns hint) is left out rather than cut.
    static func specBar(_ state: AppState, env: ExplorerEnvironment, into grid: inout CellGrid, reserve: Int = 0) {
        let spec = state.spec
        let language = env.unicode ? spec.language : .en
        var items = [
            UIText.specEstimators.text(language, spec.estimators.title),
            UIText.specSample.text(language, subsampleText(state, env: env)),
            UIText.specVCE.text(language, spec.varianceLabel),
        ]
        // Interactions change the estimates, the label language does not: at 80 columns the
        // bar keeps what the numbers depend on and drops the labels item first.
        let interactions = spec.effectiveControls.filter { $0.contains("#") }
        if !interactions.isEmpty { items.append(UIText.specInteractions.text(language, interactions.joined(separator: " "))) }
        if spec.mediator != nil, let w = spec.moderator {
            items.append(UIText.specModerator.text(language, w, spec.moderate.rawValue, spec.moderate.processModel))
        }
        items.append(UIText.specLabels.text(language, UIText.languageName.text(language)))
        if let m = spec.mediator {
            items.append((spec.mediatorOn ? UIText.specMediatorOn : UIText.specMediatorOff).text(language, m))
        }
        if state.baseline != nil { items.append(UIText.specBaseline.text(language)) }
        if let lesson = state.lesson {
            let step = "\(lesson.session.step)/\(lesson.session.stepCount)"
            items.append((lesson.isActive ? UIText.specLesson : UIText.specLessonLeft).text(language, step))
        }
        var text = ""
        if !env.unicode { items = items.map(ASCIIFold.fold) }
        for item in items {
            let next = text.isEmpty ? " " + item : text + " | " + item
            if TextWidth.width(next) > grid.width - reserve { break }
            text = next
        }
        grid.put(TextWidth.pad(text, to: grid.width), x: 0, y: 1, style: .underline)
    }

    static func statusLine(_ state: AppState, env: ExplorerEnvironment, into grid: inout CellGrid) {
        let y = grid.height - 1
        var text: String
        var style: CellStyle = .reverse
        let language = env.unicode ? state.spec.language : .en
        if let status = state.status {
            text = status.text
            if status.isError { style = [.reverse, .negative] }
        } else if state.computing {
            // What is being computed, not which generation: the lineup's distinct fits.
            let fits = Set(ModelLineup.plan(state.spec, dataset: env.dataset).map(\.spec)).count
            text = UIText.fittingModels.text(language, fits)
        } else if state.marginsPending {
            text = UIText.fittingMargins.text(language)
        } else if state.spec.sampling == .perModel {
            text = UIText.perModelStatus.text(language)
            style = [.reverse, .negative]
        } else if let notice = env.codebook.notice(env.unicode ? state.spec.language : .en) {
            text = notice
        } else if let r = state.results {
            text = UIText.ready.text(language, NumberFormat.fixed(r.elapsedMilliseconds, 0))
        } else {
            text = ""
        }
        if !env.unicode { text = ASCIIFold.fold(text) }
        grid.put(TextWidth.pad(" " + text, to: grid.width), x: 0, y: y, style: style)
    }
}
