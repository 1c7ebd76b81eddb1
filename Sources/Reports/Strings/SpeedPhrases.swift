/// Strings of the explorer's streamed results (issue 18): columns still being estimated while
/// the first ones are shown.
extension UIText {
    /// Note under the Models view for a column whose fit is still running.
    public static let modelComputing = Phrase("estimating…", "正在估计…")
}
