import Foundation
import Testing
import Estimation
import Mediation
import SurveyData
import PathLensTestSupport
@testable import Reports

/// The one set of mediation tables, in English and Chinese, from an engine run on the workers
/// fixture (ologit outcome: KHB, causal by outcome category, bootstrap; oprobit: sensitivity).
@Suite struct MediationTablesTests {
    static let workers = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/workers.csv").path

    static func analyze(_ y: ModelKind = .ologit, reps: Int = 40) throws -> (MediationResult, Codebook) {
        let data = try DatasetLoader.load(path: workers)
        let spec = MediationSpec(x: "union", mediators: ["age"], y: "skill", controls: ["i.educ"],
                                 mediatorModel: .ols, outcomeModel: y)
        let r = try Mediation.analyze(spec: spec, data: data, options: MediationOptions(reps: reps, seed: 3))
        return (r, data.codebook)
    }

    /// Decimal numbers with their stars, and bracketed intervals, in reading order.
    static func numbers(_ text: String) -> [String] {
        text.matches(of: try! Regex(#"\[[^\]]*\]|-?\d+\.\d+\**|<0\.0001"#)).map { String(text[$0.range]) }
    }

    static func cellsAgree(_ en: [Table], _ zh: [Table]) {
        #expect(en.count == zh.count)
        for (e, z) in zip(en, zh) {
            #expect(e.alignments == z.alignments, "\(e.title ?? "")")
            #expect(e.rows.count == z.rows.count, "\(e.title ?? "")")
            #expect(e.rows.map(\.kind) == z.rows.map(\.kind), "\(e.title ?? "")")
            for (re, rz) in zip(e.rows, z.rows) {
                // Every number cell is the same in both languages (stars, brackets, % included).
                for (c, (ce, cz)) in zip(re.cells, rz.cells).enumerated() where c > 0 || TableLayout.isNumeric(ce.text) {
                    if TableLayout.isNumeric(ce.text) || TableLayout.isNumeric(cz.text) {
                        #expect(ce.text == cz.text, "\(e.title ?? ""): \(ce.text) vs \(cz.text)")
                    }
                }
            }
        }
    }

    @Test func reportInBothLanguages() throws {
        let (r, codebook) = try Self.analyze()
        let en = MediationTables.report(r)
        let zh = MediationTables.report(r, options: MediationTableOptions(language: .zh))
        Self.cellsAgree(en, zh)
        #expect(en.map(\.title) == [
            "Mediation: union → age → skill", "Baron–Kenny paths (age)", "Indirect effect a·b (age)",
            "Bootstrap (40 replications, seed 3, 0 failed)",
            "Causal mediation (age; effects on E(skill) (expected category code))",
            "Causal mediation by outcome category (age; effects on Pr(y = k))",
            "KHB decomposition of union (ologit; mediators age)", "Notes"])
        #expect(zh.map(\.title) == [
            "中介分析：union → age → skill", "Baron–Kenny 路径（age）", "间接效应 a·b（age）",
            "自助法（40 次重复，种子 3，失败 0 次）",
            "因果中介分析（age；效应尺度：E(skill)（期望等级代码））",
            "因果中介分析：各结果类别（age；效应尺度：Pr(y = k)）",
            "union 的 KHB 分解（有序Logit；中介变量 age）", "注释"])
        let paths = try #require(en.first { $0.title?.hasPrefix("Baron–Kenny") == true })
        #expect(paths.rows.map { $0.cells[0].text }.prefix(4) == ["c   union → skill", "a   union → age",
                                                                   "b   age → skill | union", "c′  union → skill | age"])
        let pathsZH = zh[1]
        #expect(pathsZH.headers[0].map(\.text) == ["路径", "模型", "系数", "标准误", "p值"])
        #expect(pathsZH.rows[4].cells[1].text.hasPrefix(r.mediators[0].paths.verdict.text(.zh)))
        #expect(pathsZH.notes.contains { $0.contains("重标度") })
        #expect(pathsZH.notes.last == ReportText.starsNote(.zh))
        // Every table's notes in Chinese: no engine sentence is left in English.
        for t in zh { for note in t.notes + t.rows.map({ $0.cells[0].text }) where t.title == "注释" || !t.notes.isEmpty {
            #expect(!note.contains("coefficient") && !note.contains("sensitivity analysis"), "\(note)")
        } }
        // With the codebook's labels.
        let labelled = MediationTables.report(r, options: MediationTableOptions(
            language: .zh, labeler: TermLabeler(codebook: codebook, language: .zh)))
        #expect(labelled[0].title == "中介分析：加入工会 → 年龄 → 技能等级")
        #expect(labelled[0].rows.contains { $0.cells[0].text == "剔除的观测（缺失 年龄）" })
        #expect(labelled[1].rows[0].cells[0].text == "c   加入工会 → 技能等级")
        Self.cellsAgree(en, labelled)
    }

    @Test func sensitivityAndLatexCSV() throws {
        let (r, _) = try Self.analyze(.oprobit, reps: 20)
        for language in Language.allCases {
            let tables = MediationTables.report(r, options: MediationTableOptions(language: language))
            let s = try #require(MediationTables.sensitivity(r.mediators[0], options: MediationTableOptions(language: language)))
            #expect(tables.contains(s))
            #expect(s.rows.count == 7)
            for t in tables {
                #expect(LatexRenderer.render(t).contains("\\begin{tabular}"))
                #expect(!CSVRenderer.render(t).isEmpty)
                #expect(MarkdownRenderer.render(t).contains("| "))
            }
        }
        let zh = try #require(MediationTables.sensitivity(r.mediators[0], options: MediationTableOptions(language: .zh)))
        #expect(zh.title?.hasPrefix("序贯可忽略性假设的敏感性分析") == true)
    }

    @Test func summaryNaiveBesideAdjusted() throws {
        let (r, _) = try Self.analyze()
        let en = MediationTables.summary(r)
        let zh = MediationTables.summary(r, options: MediationTableOptions(language: .zh))
        Self.cellsAgree([en], [zh])
        #expect(en.headers[0].map(\.text) == ["", "Naive (Baron–Kenny)", "z", "Adjusted (KHB / causal)", "z / interval"])
        #expect(zh.headers[0].map(\.text) == ["", "朴素估计（Baron–Kenny）", "z值", "调整后（KHB／因果中介）", "z值／区间"])
        let m = r.mediators[0], k = try #require(r.khb), c = try #require(m.causal)
        func row(_ t: Table, _ prefix: String) throws -> [String] {
            try #require(t.rows.first { $0.cells[0].text.hasPrefix(prefix) }).cells.map(\.text)
        }
        let f = { (x: Double) in NumberFormat.fixed(x, 3) }
        #expect(try row(en, "a·b (Sobel z)") == [
            "a·b (Sobel z)", f(m.indirect.estimate) + NumberFormat.stars(m.indirect.sobelP), NumberFormat.fixed(m.indirect.sobelZ, 2),
            f(k.diff.estimate) + NumberFormat.stars(k.diff.p), NumberFormat.fixed(k.diff.estimate / k.diff.se, 2)])
        #expect(try row(en, "c: total")[3] == f(k.reduced.estimate))
        #expect(try row(en, "c′: direct")[3] == f(k.full.estimate))
        #expect(try row(zh, "c：总效应")[1] == f(m.paths.c.estimate) + NumberFormat.stars(m.paths.c.p))
        let acme = try row(en, "ACME")
        #expect(acme[3] == f(c.effects.acmeAverage.estimate))
        #expect(acme[4] == MediationTables.ci(c.effects.acmeAverage.ci, 3))
        #expect(try row(zh, "中介比例")[3] == NumberFormat.fixed(100 * c.effects.propMediatedAverage.estimate, 1) + "%")
        #expect(try row(en, "a·b 95% percentile bootstrap interval")[1] == MediationTables.ci(m.bootstrap?.indirect.percentile, 3))
        let bca = MediationTables.summary(r, options: MediationTableOptions(interval: .bca))
        #expect(try row(bca, "a·b 95% BCa bootstrap interval")[1] == MediationTables.ci(m.bootstrap?.indirect.bca, 3))
        // The prefixes lessons' highlights look for.
        for prefix in ["a: ", "b: ", "c: ", "c′", "a·b (", "a·b/", "KHB", "ACME", "ADE", "total effect", "proportion mediated", "Baron–Kenny"] {
            #expect(en.rows.contains { $0.cells[0].text.hasPrefix(prefix) }, "\(prefix)")
        }
        for prefix in ["a：", "b：", "c：", "a·b（", "总效应", "中介比例"] {
            #expect(zh.rows.contains { $0.cells[0].text.hasPrefix(prefix) }, "\(prefix)")
        }
    }

    /// Display columns of the coefficient's decimal point on each path row (c, a, b, c′): the
    /// same for all, so the coefficients line up after wide Chinese labels.
    static func coefficientColumns(_ text: String, title: String) -> Set<Int> {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: title) else { return [] }
        var columns = Set<Int>()
        for line in lines[(start + 1)...].prefix(8) where line.contains("→") {
            guard let m = line.firstMatch(of: try! Regex(#"-?\d+\.\d+"#)),
                  let dot = line[m.range].firstIndex(of: ".") else { continue }
            columns.insert(TextWidth.width(String(line[..<dot])))
        }
        return columns
    }

    @Test func chineseTextAligns() throws {
        let (r, codebook) = try Self.analyze()
        let options = MediationTableOptions(language: .zh, labeler: TermLabeler(codebook: codebook, language: .zh))
        let text = MediationTables.report(r, options: options).map { TextTableRenderer.render($0) }.joined(separator: "\n")
        #expect(Self.coefficientColumns(text, title: "Baron–Kenny 路径（年龄）").count == 1)
        // Each table's lines fit its rules.
        for t in MediationTables.report(r, options: options) + [MediationTables.summary(r, options: options)] {
            let lines = TableLayout(t).lines()
            let rule = TextWidth.width(lines.first { $0.hasPrefix("=") } ?? "")
            for line in lines where !t.notes.contains(line) && line != t.title {
                #expect(TextWidth.width(line) <= rule, "\(line)")
            }
        }
    }
}

/// `pathlens mediate --lang zh`: Chinese labels and notes, aligned columns, the same numbers.
@Suite(.enabled(if: CLI.binary != nil, "the pathlens binary is not built"))
struct MediateLanguageCLITests {
    static let arguments = ["mediate", "--x", "union", "--m", "age", "--y", "skill", "--data", MediationTablesTests.workers,
                            "--controls", "i.educ", "--y-model", "oprobit", "--reps", "30"]

    @Test func chineseReport() throws {
        let en = try CLI.run(Self.arguments)
        let zh = try CLI.run(Self.arguments + ["--lang", "zh"])
        #expect(en.status == 0 && zh.status == 0, "\(zh.stderr)")
        for label in ["合成测试数据", "中介分析：加入工会 → 年龄 → 技能等级", "Baron–Kenny 路径（年龄）", "间接效应 a·b（年龄）",
                      "自助法（30 次重复", "因果中介分析（年龄", "序贯可忽略性假设的敏感性分析", "加入工会 的 KHB 分解", "注释",
                      "样本量", "控制变量", "受教育程度", "标准误", "结论"] {
            #expect(zh.stdout.contains(label), "\(label)")
        }
        #expect(!zh.stdout.contains("Indirect effect") && !zh.stdout.contains("coefficients"))
        // The same numbers, stars and brackets, in the same order.
        #expect(MediationTablesTests.numbers(en.stdout) == MediationTablesTests.numbers(zh.stdout))
        #expect(MediationTablesTests.coefficientColumns(zh.stdout, title: "Baron–Kenny 路径（年龄）").count == 1)
        // Every line inside a table is no wider than its rules.
        var rule = 0
        for line in zh.stdout.components(separatedBy: "\n") {
            if line.hasPrefix("=") { rule = rule == 0 ? TextWidth.width(line) : 0; continue }
            if rule > 0 && !line.hasPrefix("-") { #expect(TextWidth.width(line) <= rule, "\(line)") }
        }
    }

    @Test func jsonIsTheSameInEitherLanguageAndLatexCSVRender() throws {
        let en = try CLI.run(Self.arguments + ["--format", "json", "--method", "bk,sobel"])
        let zh = try CLI.run(Self.arguments + ["--format", "json", "--method", "bk,sobel", "--lang", "zh"])
        #expect(en.status == 0 && en.stdout == zh.stdout)
        let latex = try CLI.run(Self.arguments + ["--format", "latex", "--method", "bk", "--lang", "zh"])
        #expect(latex.status == 0 && latex.stdout.contains("\\caption{Baron–Kenny 路径（年龄）}"))
        #expect(latex.stdout.contains("合成测试数据"))
        let csv = try CLI.run(Self.arguments + ["--format", "csv", "--method", "bk"])
        #expect(csv.status == 0 && csv.stdout.contains("Path,Model,Coef.,SE,p"))
        #expect(csv.stderr.contains("SYNTHETIC") && !csv.stdout.contains("SYNTHETIC"))
    }
}
