import Foundation

/// Puts a finished bundle at its target: built under `.NAME.partial-UUID` beside it, then moved
/// (or, over an earlier bundle with `--force`, swapped with `renameat2(RENAME_EXCHANGE)` so the
/// target never disappears, then the old one removed). What an interrupted build left of the same
/// target (`.NAME.partial-*`, `.NAME.old-*`) is removed first.
///
/// `--force` replaces only an earlier recouvre bundle: a folder or zip whose manifest has the
/// schema `recouvre.manifest/1` and that holds nothing its manifest does not list, never a target
/// that contains one of the protected paths (the case file, its exhibits), a regular file that is
/// not such a zip, a device, a FIFO, a link or a folder of other files.
struct AtomicTarget {
    let target: URL
    let options: SinkOptions

    func write(_ body: (String) throws -> Void) throws {
        let path = target.path
        let parent = target.deletingLastPathComponent().path
        let name = target.lastPathComponent
        let existing = PathKind.of(path)
        if existing != .missing {
            guard options.force else { throw BundleError.exists(path) }
            if let why = Self.whyNotReplaceable(path, kind: existing, protecting: options.protecting) {
                throw BundleError.notReplaceable(path, why)
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw BundleError.writeFailed(path, FileSystemError.reason(of: error))
        }
        if !options.debrisRemoved { Self.removeDebris(of: name, in: parent) }
        let temporary = parent + "/.\(name).partial-\(UUID().uuidString)"
        do {
            try body(temporary)
            if existing == .missing {
                try FileSystem.rename(temporary, to: path)
            } else if FileSystem.exchange(temporary, path) {
                FileSystem.removeTree(temporary)  // now the earlier bundle
            } else {
                let old = parent + "/.\(name).old-\(UUID().uuidString)"
                try FileSystem.rename(path, to: old)
                do { try FileSystem.rename(temporary, to: path) } catch {
                    try? FileSystem.rename(old, to: path)
                    throw error
                }
                FileSystem.removeTree(old)
            }
        } catch {
            FileSystem.removeTree(temporary)
            if let error = error as? BundleError { throw error }
            throw BundleError.writeFailed(path, FileSystemError.reason(of: error))
        }
    }

    /// Removes `.NAME.partial-*` and `.NAME.old-*` left in `parent` by a build that was killed.
    static func removeDebris(of name: String, in parent: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in names where entry.hasPrefix(".\(name).partial-") || entry.hasPrefix(".\(name).old-") {
            FileSystem.removeTree(parent + "/" + entry)
        }
    }

    /// Why `--force` may not replace what is at `path`, or nil when it is an earlier bundle.
    static func whyNotReplaceable(_ path: String, kind: PathKind, protecting: [String]) -> String? {
        switch kind {
        case .missing: return nil
        case .symlink: return "c'est un lien symbolique, pas un dossier écrit par recouvre"
        case .special(let what): return "c'est \(what), pas un dossier écrit par recouvre"
        case .regular, .directory: break
        }
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        for protected in protecting {
            let other = URL(fileURLWithPath: protected).standardizedFileURL.resolvingSymlinksInPath().path
            if other == real || other.hasPrefix(real + "/") || real == "/" {
                return "il contient \(protected), qui appartient au dossier du client (fichier du dossier ou pièce)"
            }
        }
        let reader: BundleReader
        do { reader = try BundleReader(path: path) } catch {
            if case .directory = kind {
                return "ce dossier n'est pas un dossier écrit par recouvre (pas de manifest.json)"
            }
            return "ce fichier n'est pas un dossier zip écrit par recouvre"
        }
        if let problem = reader.problems.first { return "il contient ce que recouvre n'écrit pas (\(problem))" }
        let manifest: BundleManifest
        do { manifest = try BundleManifest.parse(try reader.data(BundleManifest.fileName)) } catch {
            return "son manifest.json n'est pas celui d'un dossier recouvre (\(error))"
        }
        let listed = Set(manifest.files.map(\.path) + [BundleManifest.fileName])
        let foreign = reader.files.keys.filter { !listed.contains($0) }.sorted()
        if let first = foreign.first {
            return "il contient \(foreign.count == 1 ? "un fichier" : "\(foreign.count) fichiers") que son manifeste "
                + "ne liste pas (\(first)) : ajoutés à la main ?"
        }
        return nil
    }
}
