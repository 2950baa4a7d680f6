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
    let location: TargetLocation
    let options: SinkOptions

    init(target: URL, options: SinkOptions) {
        self.init(location: TargetLocation(target), options: options)
    }

    init(location: TargetLocation, options: SinkOptions) {
        self.location = location
        self.options = options
    }

    /// The target as a file URL (for the rare callers that walk up from it).
    var target: URL { URL(fileURLWithPath: location.path) }

    /// Runs `body` on the temporary path, then puts it in place: what `body` returned.
    @discardableResult
    func write<Result>(_ body: (String) throws -> Result) throws -> Result {
        let existing = options.knownAbsent ? .missing : try check()
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
        let path = location.path
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
        let parent = location.parent
        let name = location.name
        if !options.debrisRemoved {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw BundleError.writeFailed(location.path, FileSystemError.reason(of: error))
            }
            Self.removeDebris(of: name, in: parent)
        }
        return parent + "/.\(name).partial-\(Self.uniqueSuffix())"
    }

    /// Puts the finished `temporary` at the target, where `existing` was checked to be (a move, else an
    /// atomic swap with the earlier bundle, which is then removed). Throws leaving `temporary` in place.
    func place(_ temporary: String, over existing: PathKind) throws {
        let path = location.path
        let parent = location.parent
        if existing == .missing {
            // Never over something that appeared since it was checked (or, `knownAbsent`, seen absent).
            let moved: Bool
            do { moved = try FileSystem.renameNoReplace(temporary, to: path) } catch {
                // (A `catch … where` over this typed throw crashes the Swift 6.3.1 compiler.)
                if error.code == EEXIST { throw BundleError.exists(path) }
                throw error
            }
            if moved { return }
            if options.knownAbsent {
                let found = try check()
                if found != .missing { return try place(temporary, over: found) }
            }
            try FileSystem.rename(temporary, to: path)
        } else if FileSystem.exchange(temporary, path) {
            FileSystem.removeTree(temporary)  // now the earlier bundle
        } else {
            let old = parent + "/.\(location.name).old-\(Self.uniqueSuffix())"
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
        return BundleError.writeFailed(location.path, FileSystemError.reason(of: error))
    }

    /// A random UUID's text (version 4), from the system's generator (`getrandom`, one system call;
    /// Foundation's `UUID()` opens and reads `/dev/urandom` each time).
    static func uniqueSuffix() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() & ~0xF000 | 0x4000  // version 4
        let low = generator.next() & ~(0xC000 << 48) | (0x8000 << 48)  // variant 10
        // `UUID.uuidString`'s form (8-4-4-4-12 uppercase hexadecimal digits), written directly:
        // Foundation's formatting of it cost as much as the rest of the target's handling.
        return String(unsafeUninitializedCapacity: 36) { output in
            let digits: StaticString = "0123456789ABCDEF"
            var at = 0
            for nibble in 0..<32 {
                if nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20 {
                    output[at] = UInt8(ascii: "-")
                    at += 1
                }
                let word = nibble < 16 ? high : low
                output[at] = digits.utf8Start[Int((word >> UInt64(60 - 4 * (nibble % 16))) & 0xF)]
                at += 1
            }
            return at
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

/// Where a bundle goes: its path, its folder's path and its name, as a standardized file URL's
/// `path`, `deletingLastPathComponent().path` and `lastPathComponent` give them, worked out once.
/// Foundation's URL takes microseconds for each of those, and a batch asked for them a dozen times per
/// debtor (3 % of its CPU, lead, session 7).
public struct TargetLocation: Sendable, Equatable {
    public let path: String
    public let parent: String
    public let name: String

    /// The location of `url` (standardized first, as the sinks always did).
    public init(_ url: URL) {
        let standardized = url.standardizedFileURL
        path = standardized.path
        parent = standardized.deletingLastPathComponent().path
        name = standardized.lastPathComponent
    }

    /// `name` in the folder `folder`, without a URL: `folder` must be a standardized absolute path
    /// (`URL.standardizedFileURL.path`: no `.` or `..` component, no trailing `/`, not `/` itself) and
    /// `name` a plain file name (not empty, no `/`, not `.` or `..`, no NUL); else nil, and the caller
    /// takes the URL. For those the three strings are exactly what `init(_:)` gives for
    /// `URL(fileURLWithPath: folder).appendingPathComponent(name)` (`TargetLocationTests`).
    public init?(folder: String, name: String) {
        guard folder.utf8.count > 1, folder.utf8.first == UInt8(ascii: "/"), folder.utf8.last != UInt8(ascii: "/"),
            !name.isEmpty, name != ".", name != "..",
            !name.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == 0 }),
            !folder.utf8.contains(0),
            !folder.contains("/./"), !folder.contains("/../"), !folder.hasSuffix("/."), !folder.hasSuffix("/.."),
            !folder.contains("//")
        else { return nil }
        path = folder + "/" + name
        parent = folder
        self.name = name
    }
}
