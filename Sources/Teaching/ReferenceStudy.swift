/// What a lesson may quote of a reference study and where its data lives. The caller passes it
/// in (the CLI and the explorer pass the embedded Dalian 2022 study's), so the teaching module
/// does not depend on the replica.
public struct ReferenceStudy: Sendable, Equatable {
    /// The dataset name a lesson header may give (besides `embedded`), and its file.
    public var datasetName: String
    public var dataPath: String
    /// The paper's indirect share a·b/(a·b + c′), a fraction: what `{paper}` quotes.
    public var publishedIndirectShare: Double

    public init(datasetName: String, dataPath: String, publishedIndirectShare: Double) {
        self.datasetName = datasetName; self.dataPath = dataPath
        self.publishedIndirectShare = publishedIndirectShare
    }
}
