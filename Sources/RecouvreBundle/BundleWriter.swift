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

/// Writes a bundle as a folder or, when the target ends in `.zip`, a zip archive. Outputs are
/// evidence (design.md): the bundle is written under a temporary name beside the target and moved
/// into place only when complete, so a failure leaves nothing; the same files give the same bytes
/// (entries sorted, fixed entry dates and permissions, the manifest's fixed layout).
public struct BundleWriter: Sendable {
    /// The date of every zip entry: 1980-01-01 00:00 UTC, the first a zip can hold. A real date would
    /// make two builds of the same dossier differ.
    public static let zipEntryDate = Date(timeIntervalSince1970: 315_532_800)

    /// Called before each file is written (tests use it to fail midway).
    let beforeEachFile: (@Sendable (String) throws -> Void)?

    public init(beforeEachFile: (@Sendable (String) throws -> Void)? = nil) {
        self.beforeEachFile = beforeEachFile
    }

    /// Writes `files` and their manifest to `target`. Refuses an existing target unless `force`.
    public func write(files: [BundleFile], manifest: BundleManifest, to target: URL, force: Bool) throws {
        let fm = FileManager.default
        let target = target.standardizedFileURL
        if fm.fileExists(atPath: target.path) && !force { throw BundleError.exists(target.path) }
        let all = (files + [BundleFile(path: BundleManifest.fileName, data: manifest.json())])
            .sorted { $0.path < $1.path }
        let parent = target.deletingLastPathComponent()
        let temporary = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(UUID().uuidString)")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            if target.pathExtension.lowercased() == "zip" {
                try writeZip(all, to: temporary)
            } else {
                try writeFolder(all, to: temporary)
            }
            try replace(target, with: temporary)
        } catch {
            try? fm.removeItem(at: temporary)
            if let error = error as? BundleError { throw error }
            throw BundleError.writeFailed(target.path, "\(error)")
        }
    }

    func writeFolder(_ files: [BundleFile], to folder: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: false)
        for file in files {
            try beforeEachFile?(file.path)
            let url = folder.appendingPathComponent(file.path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
        }
    }

    func writeZip(_ files: [BundleFile], to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for file in files {
            try beforeEachFile?(file.path)
            let data = file.data
            try archive.addEntry(
                with: file.path, type: .file, uncompressedSize: Int64(data.count),
                modificationDate: Self.zipEntryDate, permissions: 0o644, compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// Moves the finished bundle into place; an old bundle (with `--force`) is removed only after.
    func replace(_ target: URL, with finished: URL) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: target.path) else {
            try fm.moveItem(at: finished, to: target)
            return
        }
        let old = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).old-\(UUID().uuidString)")
        try fm.moveItem(at: target, to: old)
        do {
            try fm.moveItem(at: finished, to: target)
        } catch {
            try? fm.moveItem(at: old, to: target)
            throw error
        }
        try? fm.removeItem(at: old)
    }
}
