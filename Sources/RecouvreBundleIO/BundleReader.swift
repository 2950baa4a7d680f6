import Foundation
import ZIPFoundation

/// An entry found in a bundle, before anything is read from it.
public struct BundleEntry: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case file(bytes: Int)
        case directory
        /// A symbolic link (never followed), a FIFO, a device…: never read, reported as an alteration.
        case other(String)
    }

    /// Relative to the bundle's root, `/`-separated (`pieces/01-devis.pdf`).
    public var path: String
    public var kind: Kind
}

/// The one reader of bundles (folder or zip) that `verify`, `archive add` and the `--force` check
/// share. It reads nothing from outside the bundle: links are listed, never followed; FIFOs and
/// devices are never opened; a zip entry named `../x` or `/etc/x` is never read; limits on entries,
/// depth and sizes (`BundleLimits`) are checked before any content is read, and every byte inflated
/// from a zip is counted as it comes (a zip bomb stops at the limit).
public final class BundleReader {
    private enum Source {
        case folder(String)
        case zip(ZIPFoundation.Archive, prefix: String, entries: [String: ZIPFoundation.Entry])
    }

    /// The path given.
    public let path: String
    /// Every entry found, in path order (for a zip: in the archive's order, duplicates included).
    public private(set) var entries: [BundleEntry] = []
    /// What is wrong with the bundle's structure itself (links, special files, unsafe or duplicate
    /// zip entries): each an alteration `verify` reports.
    public private(set) var problems: [VerifyProblem] = []
    private let source: Source
    private var bytesRead = 0

    public var isZip: Bool {
        if case .zip = source { return true }
        return false
    }

    /// The regular files, by path.
    public var files: [String: Int] {
        var result: [String: Int] = [:]
        for entry in entries { if case .file(let bytes) = entry.kind { result[entry.path] = bytes } }
        return result
    }

    /// Opens the bundle at `path`: lists it and checks its limits without reading any content.
    /// Throws `BundleError.notABundle` (no manifest.json at the top, neither folder nor zip, a FIFO,
    /// a damaged zip) or `BundleError.tooLarge`.
    public init(path: String) throws {
        self.path = path
        switch PathKind.of(path, follow: true) {
        case .missing:
            throw BundleError.notABundle(path, "aucun fichier ni dossier à cet endroit")
        case .special(let what):
            throw BundleError.notABundle(path, "c'est \(what), ni un dossier ni un fichier zip ; il n'a pas été ouvert")
        case .symlink:
            throw BundleError.notABundle(path, "lien symbolique qui ne mène nulle part")
        case .directory:
            // A foreign folder (`verify /usr`) is refused before it is walked.
            guard case .regular = PathKind.of(path + "/" + BundleManifest.fileName) else {
                throw BundleError.notABundle(path, "pas de manifest.json à la racine du dossier")
            }
            source = .folder(path)
            entries = try Self.walk(path)
            problems = entries.compactMap { entry in
                if case .other(let what) = entry.kind { return .tampered(entry.path, what) }
                return nil
            }
        case .regular(let size):
            guard size <= BundleLimits.zipBytes else {
                throw BundleError.tooLarge(
                    path, "le fichier fait plus de \(BundleLimits.mebibytes(BundleLimits.zipBytes))")
            }
            let archive: ZIPFoundation.Archive
            do { archive = try ZIPFoundation.Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
                throw BundleError.notABundle(
                    path, "ni un dossier ni un fichier zip lisible (zip endommagé ou autre format)")
            }
            let (found, byPath, prefix, problems) = try Self.list(archive, path: path)
            source = .zip(archive, prefix: prefix, entries: byPath)
            entries = found
            self.problems = problems
        }
    }

    /// The bytes of the regular file at `relative` (a path of `files`), within the limits.
    public func data(_ relative: String) throws -> Data {
        guard Self.unsafeReason(relative) == nil, case .file = entries.first(where: { $0.path == relative })?.kind
        else {
            throw BundleError.notABundle(path, "\(relative) n'est pas un fichier ordinaire du dossier")
        }
        let limit = relative == BundleManifest.fileName ? BundleLimits.manifestBytes : BundleLimits.fileBytes
        let data: Data
        switch source {
        case .folder(let root):
            do { data = try FileSystem.readRegularFile(root + "/" + relative, limit: limit) } catch {
                throw BundleError.notABundle(path, "\(relative) ne peut pas être lu (\(error.reason))")
            }
        case .zip(let archive, _, let byPath):
            guard let entry = byPath[relative] else {
                throw BundleError.notABundle(path, "\(relative) n'est pas dans le zip")
            }
            data = try inflate(entry, archive: archive, name: relative, limit: limit)
        }
        bytesRead += data.count
        guard bytesRead <= BundleLimits.totalBytes else {
            throw BundleError.tooLarge(
                path, "plus de \(BundleLimits.mebibytes(BundleLimits.totalBytes)) une fois décompressé")
        }
        return data
    }

    private func inflate(
        _ entry: ZIPFoundation.Entry, archive: ZIPFoundation.Archive, name: String, limit: Int
    ) throws
        -> Data
    {
        let declared = Int(clamping: entry.uncompressedSize)
        var data = Data()
        var overflow = false
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                if data.count + chunk.count > min(limit, declared) {
                    overflow = true
                    throw CocoaError(.fileReadTooLarge)
                }
                data.append(chunk)
            }
        } catch {
            if overflow {
                throw BundleError.tooLarge(
                    path,
                    "\(name) se décompresse au-delà de sa taille déclarée ou de \(BundleLimits.mebibytes(limit)) "
                        + "(bombe zip ?)")
            }
            throw BundleError.notABundle(path, "zip endommagé : \(name) ne peut pas être décompressé")
        }
        guard data.count == declared, checksum == entry.checksum else {
            throw BundleError.notABundle(path, "zip endommagé : \(name) ne correspond pas à sa somme CRC-32")
        }
        return data
    }

    // MARK: listing

    /// Lists a folder with `lstat`, breadth first, stopping at the limits.
    private static func walk(_ root: String) throws -> [BundleEntry] {
        var found: [BundleEntry] = []
        var total = 0
        var pending: [(relative: String, depth: Int)] = [("", 0)]
        while let (relative, depth) = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
                throw BundleError.notABundle(
                    root, "le dossier \(relative.isEmpty ? "racine" : relative) ne peut pas être lu")
            }
            for name in names.sorted() {
                let path = relative.isEmpty ? name : relative + "/" + name
                let kind: BundleEntry.Kind
                switch PathKind.of(root + "/" + path) {
                case .regular(let size):
                    total += size
                    kind = .file(bytes: size)
                case .directory:
                    guard depth + 1 < BundleLimits.depth else {
                        throw BundleError.tooLarge(root, "plus de \(BundleLimits.depth) niveaux de dossiers")
                    }
                    pending.append((path, depth + 1))
                    kind = .directory
                case .symlink: kind = .other("lien symbolique, jamais suivi")
                case .special(let what): kind = .other("\(what), jamais ouvert")
                case .missing: continue
                }
                found.append(BundleEntry(path: path, kind: kind))
                guard found.count <= BundleLimits.entries else {
                    throw BundleError.tooLarge(root, "plus de \(BundleLimits.entries) fichiers et dossiers")
                }
                guard total <= BundleLimits.totalBytes else {
                    throw BundleError.tooLarge(
                        root, "plus de \(BundleLimits.mebibytes(BundleLimits.totalBytes)) de fichiers")
                }
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    /// Lists a zip's central directory: entries, declared sizes, unsafe names, duplicates.
    private static func list(
        _ archive: ZIPFoundation.Archive, path: String
    ) throws
        -> ([BundleEntry], [String: ZIPFoundation.Entry], String, [VerifyProblem])
    {
        var all: [ZIPFoundation.Entry] = []
        for entry in archive {
            all.append(entry)
            guard all.count <= BundleLimits.entries else {
                throw BundleError.tooLarge(path, "le zip a plus de \(BundleLimits.entries) entrées")
            }
        }
        // The tree may sit at the root of the zip or inside one top folder (`zip -r dossier.zip dossier`).
        var prefix = ""
        if !all.contains(where: { $0.path == BundleManifest.fileName }) {
            let nested = all.filter {
                $0.type == .file && $0.path.hasSuffix("/" + BundleManifest.fileName)
                    && $0.path.split(separator: "/", omittingEmptySubsequences: false).count == 2
            }
            guard nested.count == 1, let only = nested.first else {
                throw BundleError.notABundle(path, "pas de manifest.json à la racine du zip")
            }
            prefix = String(only.path.dropLast(BundleManifest.fileName.count))
        }
        var found: [BundleEntry] = []
        var byPath: [String: ZIPFoundation.Entry] = [:]
        var problems: [VerifyProblem] = []
        var declared = 0
        for entry in all {
            var name = entry.path
            if !prefix.isEmpty {
                guard name.hasPrefix(prefix) else {
                    if name != prefix && name + "/" != prefix {
                        problems.append(.tampered(name, "entrée hors du dossier \(prefix) du zip"))
                    }
                    continue
                }
                name = String(name.dropFirst(prefix.count))
                if name.isEmpty { continue }
            }
            if let why = unsafeReason(entry.type == .directory && name.hasSuffix("/") ? String(name.dropLast()) : name)
            {
                problems.append(.tampered(name, why))
                continue
            }
            let kind: BundleEntry.Kind
            switch entry.type {
            case .file:
                let size = Int(clamping: entry.uncompressedSize)
                guard size <= BundleLimits.fileBytes else {
                    throw BundleError.tooLarge(
                        path,
                        "\(name) annonce plus de \(BundleLimits.mebibytes(BundleLimits.fileBytes)) une fois décompressé"
                    )
                }
                declared = declared > Int.max - size ? Int.max : declared + size
                kind = .file(bytes: size)
            case .directory:
                name = name.hasSuffix("/") ? String(name.dropLast()) : name
                kind = .directory
            case .symlink:
                kind = .other("lien symbolique dans le zip, jamais suivi")
                problems.append(.tampered(name, "lien symbolique dans le zip, jamais suivi"))
            }
            if byPath[name] != nil
                || found.contains(where: { $0.path == name && $0.kind != .directory && kind != .directory })
            {
                problems.append(.tampered(name, "entrée en double dans le zip"))
                continue
            }
            if case .file = kind { byPath[name] = entry }
            found.append(BundleEntry(path: name, kind: kind))
        }
        guard declared <= BundleLimits.totalBytes else {
            throw BundleError.tooLarge(
                path, "le zip annonce plus de \(BundleLimits.mebibytes(BundleLimits.totalBytes)) une fois décompressé")
        }
        return (found, byPath, prefix, problems)
    }

    /// Why `relative` is not a path inside a bundle (`../x`, `/etc/x`, empty parts, control
    /// characters, a backslash), or nil when it is one.
    public static func unsafeReason(_ relative: String) -> String? {
        if relative.isEmpty { return "nom vide" }
        if relative.utf8.count > BundleLimits.pathBytes { return "chemin de plus de \(BundleLimits.pathBytes) octets" }
        if relative.hasPrefix("/") { return "chemin absolu, hors du dossier" }
        if relative.contains("\\") { return "chemin contenant une barre oblique inversée" }
        if relative.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "chemin contenant un caractère de contrôle"
        }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        if parts.contains(where: { $0 == ".." }) { return "chemin remontant hors du dossier (..)" }
        if parts.contains(where: { $0.isEmpty || $0 == "." }) { return "chemin mal formé" }
        return nil
    }
}
