// Calibration driver: compiled together with the generator's core files by
// scripts/synth/build_driver.sh, so calibration does not need the whole package to build.
// usage: synth-driver SEED OUT.csv [PARAMS.json]    (writes the CSV)
//        synth-driver --dump PARAMS.json            (writes the calibrated parameters)
import Foundation

let args = CommandLine.arguments
let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
if args.count == 3, args[1] == "--dump" {
    try encoder.encode(DalianParameters.calibrated).write(to: URL(fileURLWithPath: args[2]))
    exit(0)
}
guard args.count >= 3, let seed = UInt64(args[1]) else {
    FileHandle.standardError.write("usage: synth-driver SEED OUT.csv [PARAMS.json]\n".data(using: .utf8)!)
    exit(2)
}
var params = DalianParameters.calibrated
if args.count >= 4 {
    params = try JSONDecoder().decode(DalianParameters.self, from: Data(contentsOf: URL(fileURLWithPath: args[3])))
}
do {
    let records = try DalianGenerator.generate(seed: seed, parameters: params)
    try records.csvText().write(toFile: args[2], atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write("\(error)\n".data(using: .utf8)!)
    exit(1)
}
