// libFuzzer entry for the lesson file parser (lessons/README.md format): any text must parse into a
// lesson or fail with a LessonError naming the file, never crash; a parsed lesson has steps, and
// each step's language blocks are those the header declares.
import Foundation
import SurveyData
import Teaching

private let dataset: Dataset = {
    let n = 12
    let columns = [
        Column(name: "skill", values: (0..<n).map { Double($0 % 3 + 1) }),
        Column(name: "union", values: (0..<n).map { Double($0 % 2) }),
        Column(name: "training", values: (0..<n).map { Double(($0 / 2) % 2) }),
        Column(name: "educ", values: (0..<n).map { Double($0 % 4 + 1) }),
        Column(name: "age", values: (0..<n).map { Double(20 + 3 * $0) }),
    ]
    let codebook = Codebook(dataset: "fuzz", variables: [
        VariableInfo(name: "skill", type: .ordinal, values: (1...3).map { ValueLabel(code: Double($0), name: "s\($0)") }),
        VariableInfo(name: "union", type: .binary), VariableInfo(name: "training", type: .binary),
        VariableInfo(name: "educ", type: .categorical, values: (1...4).map { ValueLabel(code: Double($0), name: "e\($0)") }),
        VariableInfo(name: "age", type: .continuous),
    ], controlGroups: [ControlGroup(name: "basic", terms: ["c.age", "i.educ"])])
    return Dataset(name: "fuzz", columns: columns, codebook: codebook)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLesson(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? LessonParser.header(text, file: "fuzz.md")
    guard let lesson = try? LessonParser.parse(text, file: "fuzz.md", dataset: dataset) else { return 0 }
    precondition(!lesson.steps.isEmpty, "a parsed lesson without steps")
    return 0
}
