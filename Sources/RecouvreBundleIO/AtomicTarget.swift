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

    /// Runs `body` on the temporary path, then puts it in place: what `body` returned.
    @discardableResult
    func write<Result>(_ body: (String) throws -> Result) throws -> Result {
        let existing = try check()
        let temporary = try prepare()
        do {
            let result = try body(temporary)
            try place(temporary, over: existing)
            return result
        } catch {
            FileSystem.removeTree(temporary)
            throw wrapped(error)
        }
    }

    /// What is at the target now, once checked that it may be replaced (nothing, or with `--force`
    /// an earlier bundle that holds none of the protected paths): else the refusal.
    func check() throws -> PathKind {
        let path = target.path
        let existing = PathKind.of(path)
        if existing != .missing {
            guard options.force else { throw BundleError.exists(path) }
            if let why = Self.whyNotReplaceable(path, kind: existing, protecting: options.protecting) {
                throw BundleError.notReplaceable(path, why)
            }
        }
        return existing
    }

    /// Creates the target's parent folder (unless `options.debrisRemoved`), removes what an
    /// interrupted build of the same target left there, and returns the temporary path to build at.
    func prepare() throws -> String {
        let parent = target.deletingLastPathComponent().path
        let name = target.lastPathComponent
        if !options.debrisRemoved {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw BundleError.writeFailed(target.path, FileSystemError.reason(of: error))
            }
            Self.removeDebris(of: name, in: parent)
        }
        return parent + "/.\(name).partial-\(Self.uniqueSuffix())"
    }

    /// Puts the finished `temporary` at the target, where `existing` was checked to be (a move, else an
    /// atomic swap with the earlier bundle, which is then removed). Throws leaving `temporary` in place.
    func place(_ temporary: String, over existing: PathKind) throws {
        let path = target.path
        let parent = target.deletingLastPathComponent().path
        if existing == .missing {
            try FileSystem.rename(temporary, to: path)
        } else if FileSystem.exchange(temporary, path) {
            FileSystem.removeTree(temporary)  // now the earlier bundle
        } else {
            let old = parent + "/.\(target.lastPathComponent).old-\(Self.uniqueSuffix())"
            try FileSystem.rename(path, to: old)
            do { try FileSystem.rename(temporary, to: path) } catch {
                try? FileSystem.rename(old, to: path)
                throw error
            }
            FileSystem.removeTree(old)
        }
    }

    /// A failure while writing, as a `BundleError` naming the target.
    func wrapped(_ error: any Error) -> any Error {
        if let error = error as? BundleError { return error }
        return BundleError.writeFailed(target.path, FileSystemError.reason(of: error))
    }

    /// A random UUID's text (version 4), from the system's generator (`getrandom`, one system call;
    /// Foundation's `UUID()` opens and reads `/dev/urandom` each time).
    static func uniqueSuffix() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() & ~0xF000 | 0x4000  // version 4
        let low = generator.next() & ~(0xC000 << 48) | (0x8000 << 48)  // variant 10
        func byte(_ word: UInt64, _ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: word >> (56 - 8 * index)) }
        let uuid = UUID(
            uuid: (
                byte(high, 0), byte(high, 1), byte(high, 2), byte(high, 3), byte(high, 4), byte(high, 5),
                byte(high, 6), byte(high, 7), byte(low, 0), byte(low, 1), byte(low, 2), byte(low, 3),
                byte(low, 4), byte(low, 5), byte(low, 6), byte(low, 7)
            ))
        return uuid.uuidString
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
