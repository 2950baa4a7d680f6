/// What recouvre reads of a bundle at most (`verify`, `archive add`, the check before `--force`).
/// A bundle written by `build` is far below every limit; anything above is refused with exit 1
/// before its content is read (a folder is measured from its directory entries, a zip from its
/// central directory, and every byte inflated is counted as it comes). Documented in docs/bundle.md.
public enum BundleLimits {
    /// Files, folders and other entries, all counted.
    public static let entries = 2_000
    /// Folder depth below the bundle's root (`pieces/sous-dossier/x.pdf` is depth 3).
    public static let depth = 8
    /// One file, once decompressed: 64 MiB.
    public static let fileBytes = 64 * 1024 * 1024
    /// All files together, once decompressed: 256 MiB.
    public static let totalBytes = 256 * 1024 * 1024
    /// A zip file itself, on disk: 256 MiB.
    public static let zipBytes = 256 * 1024 * 1024
    /// `manifest.json`: 4 MiB.
    public static let manifestBytes = 4 * 1024 * 1024
    /// `dossier.xml`: 32 MiB.
    public static let dossierXMLBytes = 32 * 1024 * 1024
    /// The longest path inside a bundle, in bytes.
    public static let pathBytes = 1_024

    static func mebibytes(_ bytes: Int) -> String { "\(bytes / 1024 / 1024) Mio" }
}
