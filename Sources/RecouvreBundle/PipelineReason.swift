import RecouvreModel

/// Why the pipeline refuses to copy an exhibit's file into a bundle, worded in
/// `forms/messages/pipeline.yaml` (see `CatalogueReason`). The case validator reports the same
/// problems when the case is read; these catch a file changed between the check and the build, or a
/// case built in memory without being checked.
public enum PipelineReason: CatalogueReason, Hashable {
    public static let section = "pipeline"

    case exhibitFolder(field: String, path: String, number: String, title: String)
    case exhibitSpecial(field: String, path: String, number: String, title: String)
    case exhibitOutside(field: String, path: String, number: String, title: String)
    case exhibitUnreadable(field: String, path: String, number: String, title: String)
    case exhibitTooLarge(field: String, path: String, number: String, title: String, megabytes: String, limit: String)

    // What `build` prints once the bundle is written.
    case built(reference: String, path: String, count: String, amount: String, asOf: String)
    case builtFile(path: String, bytes: String, sha: String)

    /// `1,5` for 1.5 MiB (French decimal comma, one decimal).
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10),\(tenths % 10)"
    }
}
