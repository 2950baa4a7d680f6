import Foundation
import ZIPFoundation

/// Reads every file of a bundle, folder or zip, as path → bytes.
enum BundleReader {
    static func files(at url: URL) throws -> [String: Data] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw BundleError.notABundle(url.path, "no such file or folder")
        }
        return isDirectory.boolValue ? try folder(url) : try zip(url)
    }

    static func folder(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = root.standardizedFileURL.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        else { throw BundleError.notABundle(root.path, "cannot list the folder") }
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            let relative = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : url.lastPathComponent
            files[relative] = try Data(contentsOf: url)
        }
        return files
    }

    static func zip(_ url: URL) throws -> [String: Data] {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw BundleError.notABundle(url.path, "neither a folder nor a readable zip archive")
        }
        var files: [String: Data] = [:]
        for entry in archive where entry.type == .file {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            files[entry.path] = data
        }
        return files
    }
}
