// libFuzzer entry for the model formula parser: any text must parse or give an EstimationError,
// never a crash; a parsed formula's terms must point inside the text.
import Estimation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormula(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let formula = try? Formula.parse(text) else { return 0 }
    let length = text.count
    for term in formula.terms {
        precondition(term.column >= 1 && term.column <= length, "term column \(term.column) outside 1...\(length)")
    }
    return 0
}
