import Foundation
import Testing
import Estimation
import SurveyData
@testable import Reports

@Suite struct RegressionTableTests {
    func column(_ table: Table, row label: String) -> [String] {
        table.rows.first { $0.cells.first?.text == label }?.cells.dropFirst().map(\.text) ?? []
    }

    @Test func starsFollowPValues() {
        #expect(NumberFormat.stars(0.0099) == "***")
        #expect(NumberFormat.stars(0.01) == "**")
        #expect(NumberFormat.stars(0.049) == "**")
        #expect(NumberFormat.stars(0.05) == "*")
        #expect(NumberFormat.stars(0.0999) == "*")
        #expect(NumberFormat.stars(0.1) == "")
        #expect(NumberFormat.stars(.nan) == "")
    }

    @Test func standardizedColumnsUseListcoefValuesAndRawStars() {
        let table = RegressionTable.build(
            [RegressionColumn(result: Sample.ologit, scale: .bStdX),
             RegressionColumn(result: Sample.ologit, scale: .bStdXY)],
            codebook: Sample.codebook, options: RegressionTableOptions(paren: .se))
        let union = table.rows.firstIndex { $0.cells.first?.text == "Union member" }!
        #expect(table.rows[union].cells.map(\.text) == ["Union member", "0.090**", "0.050**"])
        // SE rescaled by the same factor as the coefficient: 0.1191 * 0.09 / 0.262 = 0.0409.
        #expect(table.rows[union + 1].cells.map(\.text) == ["", "(0.041)", "(0.023)"])
        // Standardized columns show no cutpoints.
        #expect(column(table, row: "Cutpoint 1") == ["", ""])
    }

    @Test func keepShowsOnlyListedVariablesAndExtraRows() {
        let table = RegressionTable.build(
            [RegressionColumn(result: Sample.ols), RegressionColumn(result: Sample.ologit)],
            codebook: Sample.codebook,
            options: RegressionTableOptions(keep: ["union"], extraRows: [("Controls", ["Yes", "Yes"])]))
        let labels = table.rows.map { $0.cells[0].text }.filter { !$0.isEmpty }
        #expect(labels == ["Union member", "Controls", "Observations", "R2", "Pseudo R2", "Log likelihood"])
    }

    @Test func combinedAndValueOnlyFactorLabels() {
        for (style, label) in [(FactorLabelStyle.combined, "Education: secondary"), (.valueOnly, "secondary")] {
            let table = RegressionTable.build([RegressionColumn(result: Sample.ols)], codebook: Sample.codebook,
                                              options: RegressionTableOptions(factorStyle: style))
            #expect(table.rows.contains { $0.cells[0].text == label && $0.cells[0].indent == 0 })
            #expect(!table.rows.contains { $0.cells[0].text.hasPrefix("Education (ref") })
        }
    }

    @Test func unknownTermsKeepTheirFormulaName() {
        var r = Sample.ols
        r.coefficients.append(Sample.coefficient("tenure", "tenure", nil, 0.5, 0.1, 0.001))
        r.coefficients.append(Sample.coefficient("union#c.age", nil, nil, 0.01, 0.01, 0.3))
        let table = RegressionTable.build([RegressionColumn(result: r)], codebook: Sample.codebook)
        let labels = table.rows.map { $0.cells[0].text }
        #expect(labels.contains("tenure"))
        #expect(labels.contains("Union member # Age"))
        // The constant stays last among the coefficients.
        let cons = labels.firstIndex(of: "Constant")!
        #expect(cons > labels.firstIndex(of: "tenure")!)
    }

    @Test func omissionNotesAreNotRepeated() {
        var r = Sample.ologit
        // Typed, as estimation gives them: the omission note is recognised by its case, not its wording.
        r.diagnostics = [.collinear(term: "educ=3"), .other("convergence achieved")]
        let table = RegressionTable.build([RegressionColumn(result: r)], codebook: Sample.codebook)
        #expect(table.notes.filter { $0.contains("omitted") } == ["Education: tertiary omitted (collinearity)"])
        #expect(table.notes.contains("convergence achieved"))
    }

    @Test func diagnosticFootnotesAreInTheTableLanguage() {
        var r = Sample.ologit
        r.omitted = [OmittedTerm(term: "educ=3", reason: .collinear)]
        r.dropped = [DroppedRows(reason: .missing(variable: "age"), count: 12), DroppedRows(reason: .zeroWeight, count: 2)]
        r.diagnostics = [.collinear(term: "educ=3"), .notConverged]
        let en = RegressionTable.build([RegressionColumn(result: r)], codebook: Sample.codebook).notes
        #expect(en.contains("Education: tertiary omitted (collinear)"))
        #expect(en.contains("12 observations dropped (missing age)"))
        #expect(en.contains("2 observations dropped (zero weight)"))
        #expect(en.contains("estimates did not converge; results are from the last iteration"))
        #expect(!en.contains { $0.contains("because of collinearity") })
        let zh = RegressionTable.build([RegressionColumn(result: r)], codebook: Sample.codebook,
                                       options: RegressionTableOptions(language: .zh)).notes
        #expect(zh.contains { $0.hasSuffix("被省略（共线）") }, "\(zh)")
        #expect(zh.contains("剔除 12 个观测（age 缺失）"), "\(zh)")
        #expect(zh.contains("剔除 2 个观测（权重为零）"), "\(zh)")
        #expect(zh.contains("估计未收敛；结果来自最后一次迭代"), "\(zh)")
    }

    @Test func nonFiniteNumbersPrintAsDot() {
        var r = Sample.ols
        r.coefficients[0].se = .nan
        r.coefficients[0].z = .nan
        let table = RegressionTable.build([RegressionColumn(result: r)], codebook: nil)
        #expect(table.rows[1].cells.map(\.text) == ["", "(.)"])
    }

    @Test func longValueLabelsGiveWayToNamesInHeadings() {
        var codebook = Sample.codebook
        codebook.variables[0].values[1] = ValueLabel(code: 2, name: "junior",
                                                     labelEN: "junior worker (national vocational qualification level 5)")
        codebook.variables[0].values[2] = ValueLabel(code: 3, labelEN: "intermediate worker (level 4) and more")
        let labeler = TermLabeler(codebook: codebook, language: .en)
        #expect(labeler.shortValueLabel("skill", 1) == "none")
        #expect(labeler.shortValueLabel("skill", 2) == "junior")
        #expect(labeler.shortValueLabel("skill", 3) == "intermediate wo...")
        let table = MarginsTable.build(Sample.ologit, codebook: codebook)
        #expect(table.headers[0].map(\.text) == ["", "none", "junior", "intermediate wo..."])
    }

    @Test func marginsTableUsesOutcomeValueLabels() {
        let table = MarginsTable.build(Sample.ologit, codebook: Sample.codebook, percent: true)
        #expect(table.headers[0].map(\.text) == ["", "none", "junior", "intermediate"])
        #expect(table.rows[0].cells.map(\.text) == ["Union member", "-5.04**", "0.81**", "4.23**"])
        #expect(table.rows[1].cells.map(\.text) == ["", "(2.31)", "(0.37)", "(1.95)"])
    }
}

@Suite struct DescriptiveTableTests {
    @Test func crosstabTableShowsCountsPercentagesAndStatistics() {
        let t = CrossTabulation(rowVariable: "skill", columnVariable: "union", rowCodes: [1, 2],
                                columnCodes: [0, 1], counts: [[30, 10], [10, 50]])
        let table = CrosstabTable.build(t, codebook: Sample.codebook, percent: .col)
        #expect(table.title == "Skill grade x Union member")
        #expect(table.headers == [["Skill grade", Cell("no", alignment: .center), Cell("yes", alignment: .center),
                                   Cell("Total", alignment: .center)]])
        #expect(table.rows.map { $0.cells.map(\.text) } == [
            ["none", "30", "10", "40"], ["", "75.00%", "16.67%", "40.00%"],
            ["junior", "10", "50", "60"], ["", "25.00%", "83.33%", "60.00%"],
            ["Total", "40", "60", "100"], ["", "100.00%", "100.00%", "100.00%"],
        ])
        // chi2 = 100 (30·50 − 10·10)² / (40·60·40·60) = 34.03; V signed for 2x2 (= phi).
        #expect(table.notes.contains("Pearson chi2(1) = 34.03, p < 0.001"))
        #expect(table.notes.contains("Cramer's V = 0.583"))
        let rows = CrosstabTable.build(t, codebook: nil, percent: .row)
        #expect(rows.rows[1].cells.map(\.text) == ["", "75.00%", "25.00%", "100.00%"])
        #expect(CrosstabTable.build(t, codebook: nil, percent: .none).rows.count == 3)
    }

    @Test func describeTableListsCategoriesUnderTheirVariable() {
        let descriptions = [
            VariableDescription(variable: "union", type: .binary, n: 4, missing: 1, mean: 0.5, sd: 0.58,
                                min: 0, max: 1, categories: [CategoryCount(code: 0, count: 2, percent: 50),
                                                             CategoryCount(code: 1, count: 2, percent: 50)]),
            VariableDescription(variable: "age", type: .continuous, n: 4, missing: 0, mean: 35.916, sd: 8.4512,
                                min: 19, max: 61, categories: []),
        ]
        let table = DescribeTable.build(descriptions, codebook: Sample.codebook, language: .zh)
        #expect(table.rows.map { table.normalized($0.cells).map(\.text) } == [
            ["加入工会", "4", "", "", "", ""], ["否", "2", "50.00", "", "", ""], ["是", "2", "50.00", "", "", ""],
            ["年龄", "4", "35.92", "8.45", "19", "61"],
        ])
        #expect(table.rows[1].cells[0].indent == 1)
        #expect(table.notes == ["缺失值：加入工会 1"])
    }

    /// Statistic rows carry LaTeX math in both languages (R², χ²); the text form stays plain.
    @Test func statisticRowsHaveLatexLabels() {
        for (language, adjusted, pseudo) in [(Language.en, "Adjusted $R^2$", "Pseudo $R^2$"),
                                             (Language.zh, "调整$R^2$", "伪$R^2$")] {
            let table = RegressionTable.build(
                [RegressionColumn(result: Sample.ols), RegressionColumn(result: Sample.ologit)],
                codebook: Sample.codebook,
                options: RegressionTableOptions(language: language, statistics: [.r2, .adjR2, .pseudoR2, .lrChi2]))
            let latex = table.rows.compactMap { $0.cells.first?.latex }
            #expect(latex == ["$R^2$", adjusted, pseudo, "LR $\\chi^2$"], "\(language)")
            let text = LatexRenderer.render(table)
            #expect(text.contains("LR $\\chi^2$ &"))
        }
    }
}
