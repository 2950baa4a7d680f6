import Foundation

/// The `forms/` data (rate tables, courts, templates, CERFA maps, schemas) that a lawyer can update
/// without a compiler. A user folder given with `--forms` overrides the shipped one file by file.
///
/// The shipped folder is found, in order, at: `$RECOUVRE_FORMS`; `<exe>/../share/recouvre/forms`
/// (an installed binary); `forms/` beside the executable or in any parent folder of it (a build in
/// `.build/`); the `forms/` folder of the source checkout this binary was compiled from.
public struct Forms: Sendable {
    /// The shipped folder.
    public let shipped: URL
    /// The user's override folder, if any.
    public let override: URL?

    public init(shipped: URL, override: URL? = nil) {
        self.shipped = shipped
        self.override = override
    }

    /// The shipped forms plus an optional override folder (`--forms DIR`).
    public static func locate(override: String? = nil) throws(FormsError) -> Forms {
        var overrideURL: URL?
        if let override {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: override, isDirectory: &isDirectory), isDirectory.boolValue
            else { throw FormsError.overrideNotAFolder(override) }
            overrideURL = URL(fileURLWithPath: override, isDirectory: true).standardizedFileURL
        }
        guard let shipped = shippedFolder() else { throw FormsError.shippedNotFound }
        return Forms(shipped: shipped, override: overrideURL)
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
        do { return try Data(contentsOf: url) } catch { throw FormsError.unreadable(url.path, "\(error)") }
    }

    /// The file's text (UTF-8).
    public func text(_ relativePath: String) throws(FormsError) -> String {
        let data = try data(relativePath)
        guard let text = String(data: data, encoding: .utf8) else {
            throw FormsError.unreadable((try? url(relativePath).path) ?? relativePath, "not UTF-8 text")
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

    static func shippedFolder() -> URL? {
        let fm = FileManager.default
        func isForms(_ url: URL) -> Bool {
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: url.appendingPathComponent("rates").path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
        if let env = ProcessInfo.processInfo.environment["RECOUVRE_FORMS"], !env.isEmpty {
            let url = URL(fileURLWithPath: env, isDirectory: true)
            if isForms(url) { return url.standardizedFileURL }
        }
        var candidates: [URL] = []
        if let exe = executableURL() {
            var dir = exe.deletingLastPathComponent()
            candidates.append(dir.appendingPathComponent("../share/recouvre/forms"))
            for _ in 0..<6 {
                candidates.append(dir.appendingPathComponent("forms"))
                dir = dir.deletingLastPathComponent()
            }
        }
        // The checkout this binary was built from: Sources/RecouvreForms/Forms.swift → ../../forms.
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("forms"))
        return candidates.first(where: isForms)?.standardizedFileURL
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
    case shippedNotFound
    case overrideNotAFolder(String)
    case missing(String, searched: [String])
    case unreadable(String, String)

    public var description: String {
        switch self {
        case .shippedNotFound:
            return "the shipped forms/ folder was not found (set RECOUVRE_FORMS to the forms/ folder of your recouvre installation)"
        case .overrideNotAFolder(let path):
            return "\(path): --forms must name an existing folder"
        case .missing(let file, let searched):
            return "forms/\(file) not found (looked in \(searched.joined(separator: ", ")))"
        case .unreadable(let path, let why):
            return "\(path): cannot be read (\(why))"
        }
    }
}
