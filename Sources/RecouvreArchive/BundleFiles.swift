import Foundation
import ZIPFoundation

/// The files of a bundle, from a folder or from a zip (read in place, never extracted).
struct BundleFiles {
    private enum Source {
        case folder(URL)
        case zip(ZIPFoundation.Archive, prefix: String)
    }

    private let source: Source
    private let path: String

    init(path: String) throws {
        self.path = path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ArchiveError("\(path): no such bundle (give the folder or .zip written by recouvre build)")
        }
        if isFolder.boolValue {
            source = .folder(URL(fileURLWithPath: path, isDirectory: true))
            return
        }
        let archive: ZIPFoundation.Archive
        do {
            archive = try ZIPFoundation.Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw ArchiveError("\(path): not a bundle (neither a folder nor a readable .zip: \(error))")
        }
        // The tree may sit at the root of the zip or inside one top folder.
        if archive["manifest.json"] != nil {
            source = .zip(archive, prefix: "")
        } else if let entry = archive.first(where: {
            $0.path.hasSuffix("/manifest.json") && $0.path.split(separator: "/").count == 2
        }) {
            source = .zip(archive, prefix: String(entry.path.dropLast("manifest.json".count)))
        } else {
            throw ArchiveError("\(path): manifest.json not found in the zip (is it a bundle written by recouvre build?)")
        }
    }

    /// How a file of the bundle is named in messages.
    func label(_ name: String) -> String { "\(path)/\(name)" }

    func data(_ name: String) throws -> Data {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, !name.hasPrefix("/"), !parts.contains(where: { $0 == ".." || $0.isEmpty }) else {
            throw ArchiveError("\(label("manifest.json")): \"\(name)\" is not a path inside the bundle")
        }
        switch source {
        case .folder(let url):
            let file = url.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw ArchiveError("\(label(name)): missing from the bundle (rebuild it with recouvre build)")
            }
            return data
        case .zip(let archive, let prefix):
            guard let entry = archive[prefix + name], entry.type == .file else {
                throw ArchiveError("\(label(name)): missing from the zip (rebuild it with recouvre build)")
            }
            var data = Data()
            do {
                _ = try archive.extract(entry) { data.append($0) }
            } catch {
                throw ArchiveError("\(label(name)): cannot be read from the zip (\(error))")
            }
            return data
        }
    }
}
