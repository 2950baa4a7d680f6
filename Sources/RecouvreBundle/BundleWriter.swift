import Foundation
@_exported import RecouvreBundleIO

/// Writes a bundle to a `--out` path: a folder, or a zip when the target ends in `.zip`. Kept for
/// the callers of the first API; it builds a `DossierBundle` and hands it to `bundleSink(for:…)`.
public struct BundleWriter: Sendable {
    /// The date of every zip entry (see `ZipSink.entryDate`).
    public static let zipEntryDate = ZipSink.entryDate

    /// Called before each file is written (tests use it to fail midway).
    let beforeEachFile: (@Sendable (String) throws -> Void)?

    public init(beforeEachFile: (@Sendable (String) throws -> Void)? = nil) {
        self.beforeEachFile = beforeEachFile
    }

    /// Writes `files` and their manifest to `target`. Refuses an existing target unless `force`, and
    /// even then replaces only an earlier recouvre bundle that contains none of `protecting` (the
    /// case file and its exhibits).
    public func write(
        files: [BundleFile], manifest: BundleManifest, to target: URL, force: Bool, protecting: [String] = []
    ) throws {
        let options = SinkOptions(force: force, protecting: protecting, beforeEachFile: beforeEachFile)
        let bundle = DossierBundle(files: files, manifest: manifest)
        if target.pathExtension.lowercased() == "zip" {
            try ZipSink(target: target, options: options).write(bundle)
        } else {
            try FolderSink(target: target, options: options).write(bundle)
        }
    }
}
