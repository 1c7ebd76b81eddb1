import Estimation
import Reports
import SurveyData

/// The title bar (views and their keys), the specification bar and the status line.
enum Chrome {
    static func titleBar(_ state: AppState, env: ExplorerEnvironment, into grid: inout CellGrid) {
        let w = grid.width
        grid.put(Cells.repeated(" ", w), x: 0, y: 0, style: .reverse)
        var x = grid.put(" PathLens: \(env.dataset.name) ", x: 0, y: 0, style: [.reverse, .bold])
        for v in ViewKind.allCases {
            let label = " \(v.rawValue) \(v.title) "
            let style: CellStyle = v == state.view ? [.bold, .accent] : .reverse
            x += grid.put(label, x: x, y: 0, style: style, limit: max(0, w - x))
        }
        let help = " \(KeyTable.label(.help)) help "
        if x + TextWidth.width(help) <= w { grid.put(help, x: w - TextWidth.width(help), y: 0, style: .reverse) }
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
            name = language == .zh ? "全部" : "all"
        }
        // The common sample's N once the results for these choices are in.
        let current = state.results.flatMap { $0.spec.computeKey == state.spec.computeKey ? $0 : nil }
        let n = (current?.commonN ?? current?.sampleN).map { "N=\($0)" } ?? (current?.sampleError != nil ? "N=?" : "N=...")
        let perModel = state.spec.sampling == .perModel ? (language == .zh ? " 各模型样本" : " per model") : ""
        return "\(name) \(n)\(perModel)"
    }

    static func specBar(_ state: AppState, env: ExplorerEnvironment, into grid: inout CellGrid) {
        let spec = state.spec
        var items = [
            "Est: \(spec.estimators.title)",
            "Sample: \(subsampleText(state, env: env))",
            "VCE: \(spec.effectiveVCE)" + (spec.weight.map { " [\($0.description)]" } ?? ""),
            "Labels: \(spec.language == .zh ? "中文" : "EN")",
        ]
        if let m = spec.mediator { items.append("Med: \(m) \(spec.mediatorOn ? "on" : "off")") }
        if state.baseline != nil { items.append("baseline") }
        if let lesson = state.lesson {
            let step = "\(lesson.session.step)/\(lesson.session.stepCount)"
            items.append(lesson.isActive ? "Lesson \(step)" : "T: lesson \(step)")
        }
        if !env.unicode { items[3] = "Labels: EN" }
        grid.put(TextWidth.pad(" " + items.joined(separator: " | "), to: grid.width), x: 0, y: 1, style: .underline)
    }

    static func statusLine(_ state: AppState, env: ExplorerEnvironment, into grid: inout CellGrid) {
        let y = grid.height - 1
        var text: String
        var style: CellStyle = .reverse
        if let status = state.status {
            text = status.text
            if status.isError { style = [.reverse, .negative] }
        } else if state.computing {
            text = "computing generation \(state.generation)..."
        } else if state.marginsPending {
            text = "computing marginal effects..."
        } else if state.spec.sampling == .perModel {
            text = state.spec.language == .zh && env.unicode
                ? "各列在各自的样本上估计，不可直接比较（按 S 使用共同样本）"
                : "columns are estimated on their own samples and are not comparable (S: one common sample)"
            style = [.reverse, .negative]
        } else if let notice = env.codebook.notice(env.unicode ? state.spec.language : .en) {
            text = notice
        } else if let r = state.results {
            text = "ready (\(NumberFormat.fixed(r.elapsedMilliseconds, 0)) ms)"
        } else {
            text = ""
        }
        grid.put(TextWidth.pad(" " + text, to: grid.width), x: 0, y: y, style: style)
    }
}
