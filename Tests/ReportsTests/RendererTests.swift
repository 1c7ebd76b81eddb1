import Foundation
import Testing
import Estimation
import SurveyData
@testable import Reports

/// Snapshot tests: each expected text was checked by hand (alignment, stars against p, t = b/se
/// rounded, labels from the sample codebook).
@Suite struct RendererTests {
    static func small(_ language: Language = .en, paren: ParenStatistic = .t) -> Table {
        var ols = Sample.ols
        ols.coefficients.removeAll { $0.term == "age" }
        var ologit = Sample.ologit
        ologit.coefficients.removeAll { $0.term == "age" }
        ologit.cutpoints = Array(ologit.cutpoints.prefix(1))
        ologit.notes = []
        return RegressionTable.build(
            [RegressionColumn(result: ols), RegressionColumn(result: ologit)], codebook: Sample.codebook,
            options: RegressionTableOptions(language: language, paren: paren, statistics: [.n, .r2, .pseudoR2]))
    }

    @Test func textSnapshot() {
        let expected = """
        =====================================================
                                       (1)           (2)
                                   Skill grade   Skill grade
                                       OLS      Ordered logit
        -----------------------------------------------------
        Union member                  0.084         0.262**
                                     (1.61)        (2.20)
        Education (ref.: primary)
          secondary                   0.113         0.201
                                     (0.67)        (0.51)
          tertiary                   -0.516***    (omitted)
                                    (-2.79)
        Constant                      0.512**
                                     (2.56)
        -----------------------------------------------------
        Cutpoint 1                                  3.514***
                                                   (7.97)
        -----------------------------------------------------
        Observations               3067          3067
        R2                            0.229
        Pseudo R2                                   0.103
        =====================================================
        * p<0.1, ** p<0.05, *** p<0.01
        t statistics (OLS) or z statistics in parentheses.
        (2): Education: tertiary omitted (collinearity)
        (2): 12 observations dropped (missing values)

        """
        #expect(TextTableRenderer.render(Self.small()) == expected)
    }

    @Test func chineseLabelsAlignByDisplayWidth() {
        let lines = TableLayout(Self.small(.zh)).lines()
        let expected = """
        ==========================================================
                                              (1)          (2)
                                           技能水平     技能水平
                                              OLS       有序Logit
        ----------------------------------------------------------
        加入工会                             0.084        0.262**
                                            (1.61)       (2.20)
        受教育程度（参照组：小学及以下）
          中学                               0.113        0.201
                                            (0.67)       (0.51)
          大学                              -0.516***   （省略）
                                           (-2.79)
        常数项                               0.512**
                                            (2.56)
        ----------------------------------------------------------
        阈值点 1                                          3.514***
                                                         (7.97)
        ----------------------------------------------------------
        样本量                            3067         3067
        R2                                   0.229
        伪R2                                              0.103
        ==========================================================
        ***、**、* 分别表示在 1%、5% 和 10% 的水平上显著。
        括号中数据为t值（OLS）或z值。
        (2)：受教育程度：大学 被省略（collinearity）
        (2)：剔除 12 个观测（missing values）
        """
        #expect(lines.joined(separator: "\n") == expected)
        // Every decimal point of column (1) sits in the same display column.
        let points = lines.filter { $0.contains("0.084") || $0.contains("0.113") || $0.contains("0.512") }
            .map { line in TextWidth.width(line.prefix { $0 != "." }) }
        #expect(points.count == 3 && Set(points).count == 1)
    }

    @Test func markdownSnapshot() {
        let expected = """
        |                           | (1) Skill grade OLS | (2) Skill grade Ordered logit |
        | :------------------------ | ------------------: | ----------------------------: |
        | Union member              |               0.084 |                     0.262\\*\\* |
        |                           |              (1.61) |                        (2.20) |
        | Education (ref.: primary) |                     |                               |
        | &nbsp;&nbsp;secondary     |               0.113 |                         0.201 |
        |                           |              (0.67) |                        (0.51) |
        | &nbsp;&nbsp;tertiary      |        -0.516\\*\\*\\* |                     (omitted) |
        |                           |             (-2.79) |                               |
        | Constant                  |           0.512\\*\\* |                               |
        |                           |              (2.56) |                               |
        | Cutpoint 1                |                     |                   3.514\\*\\*\\* |
        |                           |                     |                        (7.97) |
        | Observations              |                3067 |                          3067 |
        | R2                        |               0.229 |                               |
        | Pseudo R2                 |                     |                         0.103 |

        \\* p<0.1, \\*\\* p<0.05, \\*\\*\\* p<0.01  
        t statistics (OLS) or z statistics in parentheses.  
        (2): Education: tertiary omitted (collinearity)  
        (2): 12 observations dropped (missing values)

        """
        #expect(MarkdownRenderer.render(Self.small()) == expected)
    }

    @Test func latexSnapshot() {
        let expected = #"""
        \begin{table}[htbp]
        \centering
        \begin{tabular}{lrr}
        \toprule
         & (1) & (2) \\
         & Skill grade & Skill grade \\
         & OLS & Ordered logit \\
        \midrule
        Union member & 0.084 & 0.262$^{**}$ \\
         & (0.052) & (0.119) \\
        Education (ref.: primary) &  &  \\
        \quad secondary & 0.113 & 0.201 \\
         & (0.169) & (0.391) \\
        \quad tertiary & $-$0.516$^{***}$ & (omitted) \\
         & (0.185) &  \\
        Constant & 0.512$^{**}$ &  \\
         & (0.200) &  \\
        \midrule
        Cutpoint 1 &  & 3.514$^{***}$ \\
         &  & (0.441) \\
        \midrule
        Observations & 3067 & 3067 \\
        $R^2$ & 0.229 &  \\
        Pseudo $R^2$ &  & 0.103 \\
        \bottomrule
        \end{tabular}
        \par\smallskip
        \begin{minipage}{\linewidth}\footnotesize
        * p\textless{}0.1, ** p\textless{}0.05, *** p\textless{}0.01\\
        Standard errors in parentheses.\\
        (2): Education: tertiary omitted (collinearity)\\
        (2): 12 observations dropped (missing values)
        \end{minipage}
        \end{table}

        """#
        #expect(LatexRenderer.render(Self.small(paren: .se)) == expected)
    }

    @Test func csvSnapshot() {
        let expected = """
        ,(1),(2)
        ,Skill grade,Skill grade
        ,OLS,Ordered logit
        Union member,0.084,0.262**
        ,(1.61),(2.20)
        Education (ref.: primary),,
        secondary,0.113,0.201
        ,(0.67),(0.51)
        tertiary,-0.516***,(omitted)
        ,(-2.79),
        Constant,0.512**,
        ,(2.56),
        Cutpoint 1,,3.514***
        ,,(7.97)
        Observations,3067,3067
        R2,0.229,
        Pseudo R2,,0.103

        """
        #expect(CSVRenderer.render(Self.small()) == expected)
    }

    @Test func tableJSONSnapshot() throws {
        let table = Table(title: "T", alignments: [.left, .right], headers: [["", "n"]],
                          rows: [TableRow(["a \"b\"", "1"])], notes: ["x\ny"])
        let expected = """
        {
          "title": "T",
          "headers": [
            ["", "n"]
          ],
          "rows": [
            ["a \\"b\\"", "1"]
          ],
          "notes": ["x\\ny"]
        }

        """
        let text = OutputFormat.json.render(table)
        #expect(text == expected)
        _ = try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func csvQuotesPerRFC4180() {
        #expect(CSVRenderer.line(["plain", "a,b", "say \"hi\"", "two\nlines", "技能"])
                == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",技能")
    }

    @Test func latexEscapesSpecials() {
        #expect(LatexRenderer.escape(#"a_b & 50% $5 #1 {x} ~ ^ \ <>"#)
                == ##"a\_b \& 50\% \$5 \#1 \{x\} \textasciitilde{} \textasciicircum{} \textbackslash{} \textless{}\textgreater{}"##)
    }

    @Test func markdownEscapesPipes() {
        let table = Table(alignments: [.left], headers: [["a|b"]], rows: [TableRow(["x|y"])])
        #expect(MarkdownRenderer.render(table).contains("x\\|y"))
    }

    @Test func narrowTerminalClipsLabelsNotNumbers() {
        let layout = TableLayout(Self.small(), maxWidth: 40)
        for line in layout.lines().dropLast(4) { #expect(TextWidth.width(line) <= 40) }
        #expect(layout.lines().contains { $0.contains("-0.516***") })
    }
}
