import Foundation
import ZIPFoundation

/// A file to put in a bundle, at a path relative to its root (`pieces/01-devis.pdf`).
public struct BundleFile: Sendable, Hashable {
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

/// A bundle in memory: path → bytes, plus its manifest. `build` assembles one and hands it to a
/// sink (`FolderSink`, `ZipSink`); a batch or a web page can keep it in memory or zip it to bytes.
/// (Named `DossierBundle`, not `Bundle`, which is Foundation's type for application resources.)
public struct DossierBundle: Sendable, Hashable {
    /// The files, sorted by path, without `manifest.json`.
    public private(set) var files: [BundleFile]
    public var manifest: BundleManifest

    public init(files: [BundleFile], manifest: BundleManifest) {
        self.files = files.sorted { $0.path < $1.path }
        self.manifest = manifest
    }

    /// The files and `manifest.json`, sorted by path: what a sink writes.
    public var allFiles: [BundleFile] {
        (files + [BundleFile(path: BundleManifest.fileName, data: manifest.json())]).sorted { $0.path < $1.path }
    }

    /// The bytes at `path`, `manifest.json` included.
    public subscript(path: String) -> Data? {
        path == BundleManifest.fileName ? manifest.json() : files.first { $0.path == path }?.data
    }
}

/// Where a bundle goes. A sink writes all of it or nothing.
public protocol BundleSink: Sendable {
    func write(_ bundle: DossierBundle) throws
}

/// The sink for a `--out` path: a zip when it ends in `.zip`, else a folder.
public func bundleSink(for target: URL, force: Bool, protecting: [String] = []) -> any BundleSink {
    let options = SinkOptions(force: force, protecting: protecting)
    return target.pathExtension.lowercased() == "zip"
        ? ZipSink(target: target, options: options) : FolderSink(target: target, options: options)
}

/// What both sinks share: whether an existing target may be replaced, and what must never be.
public struct SinkOptions: Sendable {
    /// Replace an earlier recouvre bundle at the target.
    public var force: Bool
    /// Paths (the case file, its exhibits) that no replaced target may contain.
    public var protecting: [String]
    /// Called before each file is written (tests use it to fail midway).
    public var beforeEachFile: (@Sendable (String) throws -> Void)?

    /// The caller (batch) created the output folder and removed the debris of killed builds from it
    /// before writing: skip the per-target scan, which lists the parent folder at every write
    /// (quadratic over a folder of 10,000 bundles), and the parent's creation.
    public var debrisRemoved: Bool

    /// `fsync` each file before the bundle is renamed into place (the default, as `build` always did):
    /// a bundle that appeared survives a power cut. Batch turns it off and syncs the whole output
    /// folder's file system once at the end (docs/batch.md): a process killed at any moment still
    /// leaves only complete bundles (the rename), and after a power cut a bundle renamed since the
    /// last sync may hold short files, which its checksums show and a re-run rebuilds.
    public var syncFiles: Bool

    /// The caller saw that nothing is at the target (batch: a name absent from the output folder's
    /// listing at the start): the target is not looked up before the bundle is written. Its move into
    /// place still refuses a target that appeared meanwhile (`renameat2(RENAME_NOREPLACE)`; where the
    /// system has none, the target is looked at first, as without this option). A lookup of a name
    /// missing from a folder waits on the lock the other workers' creations in it hold.
    public var knownAbsent: Bool

    public init(
        force: Bool, protecting: [String] = [], beforeEachFile: (@Sendable (String) throws -> Void)? = nil,
        debrisRemoved: Bool = false, syncFiles: Bool = true, knownAbsent: Bool = false
    ) {
        self.force = force
        self.protecting = protecting
        self.beforeEachFile = beforeEachFile
        self.debrisRemoved = debrisRemoved
        self.syncFiles = syncFiles
        self.knownAbsent = knownAbsent
    }
}

/// Writes the bundle as a folder: under a temporary name beside the target, swapped into place
/// only when complete (design.md: outputs are evidence).
public struct FolderSink: BundleSink {
    /// The target (standardized), kept as its path strings (`TargetLocation`).
    public var location: TargetLocation
    public var options: SinkOptions

    public var target: URL {
        get { URL(fileURLWithPath: location.path) }
        set { location = TargetLocation(newValue) }
    }

    public init(target: URL, options: SinkOptions) {
        self.init(location: TargetLocation(target), options: options)
    }

    public init(location: TargetLocation, options: SinkOptions) {
        self.location = location
        self.options = options
    }

    /// Each folder is created once, each file with one `open`/`write`/`close` (`FileSystem.writeNewFile`),
    /// with an `fsync` unless `options.syncFiles` is off; the rename of the finished folder is what a
    /// killed run cannot tear.
    public func write(_ bundle: DossierBundle) throws {
        try write(allFiles: bundle.allFiles)
    }

    /// Writes `allFiles`, a bundle's `allFiles` (`manifest.json` included) computed by the caller.
    public func write(allFiles: [BundleFile]) throws {
        _ = try writeOpening(allFiles: allFiles)
    }

    /// Writes `allFiles` (see above) and hands back the bundle's folder, open, now at the target:
    /// the temporary folder is opened once, its files are created relative to it (`openat`), and
    /// the caller reads them back through it (`DirectoryHandle.firstDiffering`).
    public func writeOpening(allFiles: [BundleFile]) throws -> DirectoryHandle {
        try AtomicTarget(location: location, options: options).write { temporary in
            try FileSystem.makeDirectory(temporary)
            let handle = try DirectoryHandle(path: temporary)
            var folders: Set<Substring> = []
            for file in allFiles {
                try options.beforeEachFile?(file.path)
                // `pieces/01-devis.pdf`: `pieces` once for the whole bundle.
                var slash = file.path.startIndex
                while let next = file.path[slash...].firstIndex(of: "/") {
                    let folder = file.path[..<next]
                    if !folder.isEmpty, folders.insert(folder).inserted {
                        try handle.makeDirectory(String(folder))
                    }
                    slash = file.path.index(after: next)
                }
                try handle.writeNewFile(file.path, file.data, sync: options.syncFiles)
            }
            return handle
        }
    }
}

/// Writes the bundle as a zip archive (deterministic: entries sorted, fixed dates and permissions).
public struct ZipSink: BundleSink {
    /// The date of every zip entry: 1980-01-01 00:00 UTC, the first a zip can hold. A real date would
    /// make two builds of the same dossier differ.
    public static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    /// The target (standardized), kept as its path strings (`TargetLocation`).
    public var location: TargetLocation
    public var options: SinkOptions

    public var target: URL {
        get { URL(fileURLWithPath: location.path) }
        set { location = TargetLocation(newValue) }
    }

    public init(target: URL, options: SinkOptions) {
        self.init(location: TargetLocation(target), options: options)
    }

    public init(location: TargetLocation, options: SinkOptions) {
        self.location = location
        self.options = options
    }

    public func write(_ bundle: DossierBundle) throws {
        try AtomicTarget(location: location, options: options).write { temporary in
            let data = try Self.zipData(bundle, beforeEachFile: options.beforeEachFile)
            try data.write(to: URL(fileURLWithPath: temporary))
        }
    }

    /// Writes a zip made by `zipData` (batch `--zip`): one `open`, one `write`, an `fsync` unless
    /// `options.syncFiles` is off, then the rename into place.
    public func write(zipData: Data) throws {
        try AtomicTarget(location: location, options: options).write { temporary in
            try FileSystem.writeNewFile(temporary, zipData, sync: options.syncFiles)
        }
    }

    /// The zip's bytes, in memory (for an upload's answer, or the sink above).
    public static func zipData(
        _ bundle: DossierBundle, beforeEachFile: (@Sendable (String) throws -> Void)? = nil
    )
        throws -> Data
    {
        try zipData(allFiles: bundle.allFiles, beforeEachFile: beforeEachFile)
    }

    /// The zip of a bundle's `allFiles` (`manifest.json` included), in that order (sorted by path).
    public static func zipData(
        allFiles: [BundleFile], beforeEachFile: (@Sendable (String) throws -> Void)? = nil
    )
        throws -> Data
    {
        let archive = try ZIPFoundation.Archive(data: Data(), accessMode: .create)
        for file in allFiles {
            try beforeEachFile?(file.path)
            let data = file.data
            try archive.addEntry(
                with: file.path, type: .file, uncompressedSize: Int64(data.count),
                modificationDate: entryDate, permissions: 0o644, compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return bytes
    }
}
