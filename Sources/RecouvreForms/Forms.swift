import Foundation

/// The `forms/` data (rate tables, courts, templates, CERFA maps, schemas) that a lawyer can update
/// without a compiler. A user folder given with `--forms` overrides the shipped one file by file.
///
/// The shipped folder is found, in order, at: `$RECOUVRE_FORMS`; `<exe>/../share/recouvre/forms`
/// (an installed binary); `forms/` beside the executable or in any parent folder of it (a build in
/// `.build/`). Only the law-book loader (`LawBook.load`) reads through it.
public struct Forms: Sendable {
    /// The shipped folder.
    public let shipped: URL
    /// The user's override folder, if any.
    public let override: URL?
    /// Counts every file read, when given (a test holds the loader to reading each file once).
    public let log: FormsReadLog?

    public init(shipped: URL, override: URL? = nil, log: FormsReadLog? = nil) {
        self.shipped = shipped
        self.override = override
        self.log = log
    }

    /// The shipped forms plus an optional override folder (`--forms DIR`).
    public static func locate(override: String? = nil, log: FormsReadLog? = nil) throws(FormsError) -> Forms {
        var overrideURL: URL?
        if let override {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: override, isDirectory: &isDirectory), isDirectory.boolValue
            else { throw FormsError.overrideNotAFolder(override) }
            overrideURL = URL(fileURLWithPath: override, isDirectory: true).standardizedFileURL
        }
        let searched = shippedCandidates()
        guard let shipped = searched.first(where: isForms)?.standardizedFileURL else {
            throw FormsError.shippedNotFound(searched: searched.map { $0.standardizedFileURL.path })
        }
        return Forms(shipped: shipped, override: overrideURL, log: log)
    }

    /// The file at `relativePath` (`rates/ecb-mro.yaml`): the override's copy when it has one.
    public func url(_ relativePath: String) throws(FormsError) -> URL {
        if let override {
            let candidate = override.appendingPathComponent(relativePath)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        let candidate = shipped.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: candidate.path) else {
            throw FormsError.missing(relativePath, searched: [override, shipped].compactMap { $0?.path })
        }
        return candidate
    }

    /// The file's bytes.
    public func data(_ relativePath: String) throws(FormsError) -> Data {
        let url = try url(relativePath)
        log?.record(relativePath)
        // `lstat`, as `FileManager.attributesOfItem` (a link is not a regular file), without the owner's
        // and group's names that Foundation looks up in /etc/passwd and /etc/group for each file.
        var status = stat()
        if lstat(url.path, &status) == 0 {
            if status.st_mode & S_IFMT != S_IFREG {
                throw FormsError.unreadable(url.path, "n'est pas un fichier ordinaire")
            }
            let size = Int(status.st_size)
            if size > Self.maximumFileBytes {
                throw FormsError.unreadable(
                    url.path,
                    "fait \(size) octets, au-delà de la limite de \(Self.maximumFileBytes) octets d'un fichier de forms/"
                )
            }
        }
        do { return try Data(contentsOf: url) } catch {
            throw FormsError.unreadable(url.path, "illisible (\(error.localizedDescription))")
        }
    }

    /// The largest `forms/` file read (the commune table is about 1.5 MB).
    public static let maximumFileBytes = 16 * 1024 * 1024

    /// The file's text (UTF-8).
    public func text(_ relativePath: String) throws(FormsError) -> String {
        let data = try data(relativePath)
        guard let text = String(data: data, encoding: .utf8) else {
            throw FormsError.unreadable((try? url(relativePath).path) ?? relativePath, "n'est pas du texte UTF-8")
        }
        return text
    }

    /// The names of the files in a subfolder (`templates`), shipped and overridden, sorted.
    public func files(in folder: String) -> [String] {
        var names = Set<String>()
        for base in [shipped, override].compactMap({ $0 }) {
            let dir = base.appendingPathComponent(folder)
            if let items = try? FileManager.default.contentsOfDirectory(atPath: dir.path) {
                names.formUnion(items.filter { !$0.hasPrefix(".") })
            }
        }
        return names.sorted()
    }

    static func isForms(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(
            atPath: url.appendingPathComponent("rates").path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// Where the shipped folder may be, in order: `$RECOUVRE_FORMS`; `<exe>/../share/recouvre/forms`
    /// (an installed binary, `make install`); `forms/` beside the executable or in one of its parent
    /// folders (a build in `.build/` of a checkout). A binary copied elsewhere does not fall back to the
    /// checkout it was compiled in: it says where it looked.
    static func shippedCandidates() -> [URL] {
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["RECOUVRE_FORMS"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env, isDirectory: true))
        }
        if let exe = executableURL() {
            var dir = exe.deletingLastPathComponent()
            candidates.append(dir.appendingPathComponent("../share/recouvre/forms"))
            for _ in 0..<6 {
                candidates.append(dir.appendingPathComponent("forms"))
                dir = dir.deletingLastPathComponent()
            }
        }
        return candidates
    }

    /// The shipped folder, if found (see `shippedCandidates`).
    static func shippedFolder() -> URL? {
        shippedCandidates().first(where: isForms)?.standardizedFileURL
    }

    static func executableURL() -> URL? {
        #if os(Linux)
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
                return URL(fileURLWithPath: path)
            }
        #endif
        return Bundle.main.executableURL?.resolvingSymlinksInPath()
    }
}

/// A problem finding or reading a `forms/` file.
public enum FormsError: Error, CustomStringConvertible, Sendable {
    case shippedNotFound(searched: [String])
    case overrideNotAFolder(String)
    case missing(String, searched: [String])
    case unreadable(String, String)

    public var description: String {
        switch self {
        case .shippedNotFound(let searched):
            return
                "le dossier forms/ de recouvre est introuvable (cherché dans : \(searched.joined(separator: ", "))) ; "
                + "installez recouvre avec `make install PREFIX=…` ou donnez son emplacement dans RECOUVRE_FORMS"
        case .overrideNotAFolder(let path):
            return "\(path) : --forms doit désigner un dossier existant"
        case .missing(let file, let searched):
            return "forms/\(file) introuvable (cherché dans \(searched.joined(separator: ", ")))"
        case .unreadable(let path, let why):
            return "\(path) : \(why)"
        }
    }
}

/// Every `forms/` file read, with how many times (the law book reads each once).
public final class FormsReadLog: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    public init() {}

    func record(_ relativePath: String) {
        lock.lock()
        counts[relativePath, default: 0] += 1
        lock.unlock()
    }

    /// Reads by file (relative to `forms/`).
    public var reads: [String: Int] {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }
}
