import Foundation
import Testing
import Analysis
import Estimation
import Mediation
import PathLensTestSupport
import StudyReplica
import SurveyData

/// One screen, one sample: on a file whose mediator, outcome and a control are missing on
/// different rows, every model of the Models view, the path diagram (the mediation engine in the
/// analysis layer) and `pathlens mediate` report the same N and the same a, b, c, c′ and verdict.
@Suite struct OneSampleTests {
    /// The embedded replica with holes: training every 37th row, skill every 53rd, age every 71st.
    static let file: Result<URL, any Error> = Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pathlens-one-sample-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: EmbeddedData.csvPath, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        func blank(_ column: String, every k: Int) {
            let j = header.firstIndex(of: column)!
            for i in stride(from: k, to: lines.count, by: k) where !lines[i].isEmpty {
                var cells = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                cells[j] = ""
                lines[i] = cells.joined(separator: ",")
            }
        }
        blank("training", every: 37)
        blank("skill", every: 53)
        blank("age", every: 71)
        let csv = directory.appendingPathComponent("holes.csv")
        try lines.joined(separator: "\n").write(to: csv, atomically: true, encoding: .utf8)
        try FileManager.default.contents(atPath: EmbeddedData.codebookPath)!
            .write(to: directory.appendingPathComponent("holes.codebook.json"))
        return csv
    }

    static func dataset() throws -> Dataset { try DatasetLoader.load(path: try file.get().path) }

    static func spec(_ data: Dataset) -> Specification {
        var spec = Specification.opening(data)
        spec.mediatorOn = true
        return spec
    }

    /// Rows with every variable of the screen present, counted independently of the engine.
    static func completeRows(_ data: Dataset, _ spec: Specification) -> Int {
        let columns = spec.modelVariables.map { data.column($0)!.values }
        return (0..<data.rowCount).filter { i in columns.allSatisfy { !$0[i].isNaN } }.count
    }

    @Test func everyModelAndThePathDiagramShareOneSample() throws {
        let data = try Self.dataset()
        let spec = Self.spec(data)
        let result = AnalysisEngine.run(spec, dataset: data, request: AnalysisRequest(margins: false))
        let n = Self.completeRows(data, spec)
        #expect(n < data.rowCount - 100)
        let sample = try #require(result.sample)
        #expect(sample.n == n)
        #expect(result.commonN == n)
        #expect(Set(sample.dropped.map(\.reason)).isSuperset(of: [DropReason.missing(variable: "skill"), .missing(variable: "training"), .missing(variable: "age")]))
        #expect(sample.dropped.reduce(0) { $0 + $1.count } == data.rowCount - n)
        #expect(result.models.count >= 5)
        for model in result.models {
            let fit = try #require(model.result, "\(model.id): \(model.error ?? "")")
            #expect(fit.n == n, "\(model.id)")
        }
        let mediation = try #require(result.mediation, "\(result.mediationError ?? "")")
        #expect(mediation.n == n)
        let paths = try #require(mediation.mediators.first).paths
        func coefficient(_ id: String, _ term: String) throws -> Double {
            try #require(result.model(id)?.result?.coefficient(term)).estimate
        }
        let yKind = try #require(result.model("ym")).plan.spec.kind
        #expect(abs(paths.c.estimate - (try coefficient("y.\(yKind.rawValue)", "union"))) < 1e-9)
        #expect(abs(paths.a.estimate - (try coefficient("m", "union"))) < 1e-9)
        #expect(abs(paths.b.estimate - (try coefficient("ym", "training"))) < 1e-9)
        #expect(abs(paths.cPrime.estimate - (try coefficient("ym", "union"))) < 1e-9)
        #expect(result.summaries.allSatisfy { $0.n == Double(n) })
    }

    @Test func theCommandLineMediationAgrees() throws {
        let data = try Self.dataset()
        let spec = Self.spec(data)
        let engine = try #require(AnalysisEngine.run(spec, dataset: data, request: AnalysisRequest(margins: false)).mediation)
        let run = try PathLensBinary.run(["mediate", "--data", try Self.file.get().path, "--x", spec.keyRegressor,
                                          "--m", try #require(spec.mediator), "--y", spec.outcome,
                                          "--controls", spec.effectiveControls.joined(separator: " + "),
                                          "--method", "bk,sobel", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["n"] as? Int == engine.n)
        let paths = try #require(json["paths"] as? [String: Any])
        let bk = try #require(engine.mediators.first).paths
        for (key, value) in [("a", bk.a), ("b", bk.b), ("c", bk.c), ("c_prime", bk.cPrime)] {
            let estimate = try #require((paths[key] as? [String: Any])?["estimate"] as? Double)
            #expect(abs(estimate - value.estimate) < 1e-9, "\(key)")
        }
        #expect(json["verdict"] as? String == bk.verdict.rawValue)
    }

    @Test func perModelSamplesAreTheUsersChoice() throws {
        let data = try Self.dataset()
        var spec = Self.spec(data)
        spec.sampling = .perModel
        let result = AnalysisEngine.run(spec, dataset: data, request: AnalysisRequest(margins: false))
        #expect(result.commonN == nil)
        let withoutMediator = try #require(result.model("y.ols")?.result).n
        let withMediator = try #require(result.model("ym")?.result).n
        #expect(withoutMediator > withMediator)
    }

    /// The mediator rule is one function: an ordinal mediator is modelled by OLS in the Models
    /// view's `m` column and in the engine alike.
    @Test func oneModelDefaultForAnOrdinalMediator() throws {
        let data = try Self.dataset()
        var spec = Self.spec(data)
        spec.mediator = "skill"
        spec.outcome = "party"
        #expect(data.info("skill")?.type == .ordinal)
        let result = AnalysisEngine.run(spec, dataset: data, request: AnalysisRequest(margins: false))
        #expect(result.model("m")?.plan.spec.kind == .ols)
        #expect(result.mediation?.mediators.first?.mediatorModel == .ols)
    }
}

/// The headless screen (`explore --keys … --print`) on the same file: the Models view says the
/// common N once and every column's N is it.
@Suite struct HeadlessScreenTests {
    @Test func modelsViewShowsOneN() throws {
        let data = try OneSampleTests.dataset()
        let spec = OneSampleTests.spec(data)
        let n = OneSampleTests.completeRows(data, spec)
        let run = try PathLensBinary.run(["explore", try OneSampleTests.file.get().path, "--keys", "M z", "--size", "160x120", "--print"])
        #expect(run.status == 0, "\(run.stderr)")
        let screen = run.stdout
        #expect(!screen.contains("\u{1B}"))
        #expect(screen.contains("common sample N = \(n)"))
        let observations = try #require(screen.split(separator: "\n").first { $0.hasPrefix("Observations") || $0.contains(" Observations ") })
        let counts = observations.split(separator: " ").compactMap { Int($0) }
        #expect(counts.count == 5)
        #expect(counts.allSatisfy { $0 == n }, "\(observations)")
    }

    @Test func aQuotedTokenTypesAFileName() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pathlens-print-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("spec.json").path
        let run = try PathLensBinary.run(["explore", "--keys", "e w \"\(path)\" enter", "--print"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("specification saved to \(path)"))
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(saved.contains("\"estimators\" : \"ologit\""))
    }

    @Test func anUnknownKeyIsOneLineNamingIt() throws {
        let run = try PathLensBinary.run(["explore", "--keys", "M frobnicate", "--print"])
        #expect(run.status != 0)
        #expect(run.stderrLines.count == 1)
        #expect(run.stderr.contains("'frobnicate'"))
    }
}
