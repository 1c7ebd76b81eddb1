import Testing
import SurveyData
@testable import Estimation

/// A small in-memory dataset: y, x, cat (categorical, codebook base 2), grp, w.
func smallDataset() -> Dataset {
    let nan = Double.nan
    let y: [Double] =   [1, 0, 1, 1, 0, 0, 1, 0, 1, 1, nan, 0]
    let x: [Double] =   [1, 2, 3, 4, 5, 6, 7, 8, nan, 10, 11, 12]
    let cat: [Double] = [1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 4]
    let grp: [Double] = [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]
    let w: [Double] =   [1, 2, 1, 3, 1, 1, 2, 1, 1, 1, 1, 0]
    let codebook = Codebook(dataset: "small", variables: [
        VariableInfo(name: "y", type: .binary),
        VariableInfo(name: "x", type: .continuous),
        VariableInfo(name: "cat", type: .categorical, base: 2),
        VariableInfo(name: "grp", type: .binary),
        VariableInfo(name: "w", type: .continuous),
    ])
    return Dataset(name: "small", columns: [
        Column(name: "y", values: y), Column(name: "x", values: x), Column(name: "cat", values: cat),
        Column(name: "grp", values: grp), Column(name: "w", values: w),
    ], codebook: codebook)
}

struct DesignMatrixTests {
    @Test func categoricalExpandsAgainstTheCodebookBase() throws {
        let d = try DesignMatrix(spec: ModelSpec(kind: .ols, formula: "y ~ x + cat"), data: smallDataset())
        // Rows 9 (x missing) and 11 (y missing) go; level 4 is only in row 12 → kept (row 12 has y, x).
        #expect(d.rowCount == 10)
        #expect(d.terms.map(\.name) == ["x", "cat=1", "cat=3", "cat=4", "_cons"])
        #expect(d.dropped == [DroppedRows(reason: "missing y", count: 1), DroppedRows(reason: "missing x", count: 1)])
        #expect(Array(d.column(1)) == [1, 0, 0, 1, 0, 0, 1, 0, 1, 0])
        #expect(d.terms[1].isBinary && d.terms[1].formulaTerm == 1)
        #expect(d.rows == [0, 1, 2, 3, 4, 5, 6, 7, 9, 11])
    }

    @Test func explicitBaseAndContinuousOverride() throws {
        let d = try DesignMatrix(spec: ModelSpec(kind: .ols, formula: "y ~ ib3.cat + c.grp"), data: smallDataset())
        #expect(d.terms.map(\.name) == ["cat=1", "cat=2", "cat=4", "grp", "_cons"])
        #expect(!d.terms[3].isBinary)   // c. forces a derivative, not a discrete change
        let i = try DesignMatrix(spec: ModelSpec(kind: .ols, formula: "y ~ i.cat"), data: smallDataset())
        #expect(i.terms.map(\.name) == ["cat=1", "cat=3", "cat=4", "_cons"])   // i. uses the codebook base too
    }

    @Test func levelsEmptyInTheSampleAreOmitted() throws {
        // Zero weight drops row 12, the only row with cat = 4.
        let spec = ModelSpec(kind: .ols, formula: "y ~ x + i.cat", weights: .frequency("w"))
        let d = try DesignMatrix(spec: spec, data: smallDataset())
        #expect(d.omitted == [OmittedTerm(term: "cat=4", reason: "empty")])
        #expect(d.dropped.last == DroppedRows(reason: "zero weight", count: 1))
        #expect(d.terms.map(\.name) == ["x", "cat=1", "cat=3", "_cons"])
    }

    @Test func unknownBaseAndVariablesAreErrors() {
        #expect(throws: EstimationError.unknownVariable("nope")) {
            try DesignMatrix(spec: ModelSpec(kind: .ols, formula: "y ~ x + nope"), data: smallDataset())
        }
        #expect(throws: EstimationError.unknownVariable("cl")) {
            try DesignMatrix(spec: ModelSpec(kind: .ols, formula: "y ~ x", vce: .cluster("cl")), data: smallDataset())
        }
        #expect(throws: EstimationError.self) {
            try DesignMatrix(spec: ModelSpec(kind: .ols, formula: "y ~ ib9.cat"), data: smallDataset())
        }
    }

    @Test func badWeightsAreErrors() {
        var data = smallDataset()
        data.setColumn(Column(name: "w", values: [1, 2, 1.5, 3, 1, 1, 2, 1, 1, 1, 1, 1]))
        #expect(throws: EstimationError.self) {
            try DesignMatrix(spec: ModelSpec(kind: .ols, formula: "y ~ x", weights: .frequency("w")), data: data)
        }
        data.setColumn(Column(name: "w", values: [1, 2, -1, 3, 1, 1, 2, 1, 1, 1, 1, 1]))
        #expect(throws: EstimationError.self) {
            try DesignMatrix(spec: ModelSpec(kind: .ols, formula: "y ~ x", weights: .sampling("w")), data: data)
        }
    }

    @Test func emptySampleIsAClearError() {
        var data = smallDataset()
        data.setColumn(Column(name: "x", values: [Double](repeating: .nan, count: 12)))
        do {
            _ = try DesignMatrix(spec: ModelSpec(kind: .ols, formula: "y ~ x"), data: data)
            Issue.record("no error")
        } catch let EstimationError.invalidModel(message) {
            #expect(message.contains("no observations"))
        } catch { Issue.record("\(error)") }
    }

    @Test func resamplingKeepsTheDesign() throws {
        let d = try DesignMatrix(spec: ModelSpec(kind: .ols, formula: "y ~ x + grp", vce: .cluster("grp")), data: smallDataset())
        let s = d.subset(rows: [0, 0, 5, 9, 42, -1])
        #expect(s.rowCount == 4)
        #expect(Array(s.column(0)) == [1, 1, 6, 12])
        #expect(s.clusters == [0, 0, 1, 1] && s.clusterCount == 2)
        #expect(s.rows == [0, 0, 5, 11])
    }
}
