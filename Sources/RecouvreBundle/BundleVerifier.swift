import Foundation

/// What `recouvre verify` found wrong with a bundle.
public enum VerifyProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file's bytes no longer match the manifest's SHA-256 or size.
    case altered(String)
    /// A file that the manifest does not list.
    case added(String)
    /// A file the manifest lists that is not there.
    case removed(String)
    /// dossier.xml does not validate against the XSD (libxml2's messages).
    case invalidXML(String)

    public var description: String {
        switch self {
        case .altered(let path): return "altered: \(path) (its SHA-256 differs from the manifest)"
        case .added(let path): return "added: \(path) (not in the manifest)"
        case .removed(let path): return "removed: \(path) (listed in the manifest, missing)"
        case .invalidXML(let errors):
            return "dossier.xml does not validate against forms/schemas/dossier.xsd:\n\(errors)"
        }
    }
}

/// The result of a verification.
public struct VerifyReport: Sendable, Hashable {
    public var path: String
    public var manifest: BundleManifest
    public var problems: [VerifyProblem]

    public var isIntact: Bool { problems.isEmpty }

    /// What `verify` prints: one line per problem, or a one-line confirmation.
    public var text: String {
        if problems.isEmpty {
            return "\(path): intact: \(manifest.files.count) files match manifest.json "
                + "(case \(manifest.caseReference), \(manifest.tool)); dossier.xml is valid\n"
        }
        return problems.map { "\(path): \($0)" }.joined(separator: "\n") + "\n"
    }
}

/// Re-checks a bundle (folder or zip): every checksum and size in `manifest.json`, files added or
/// removed, and `dossier.xml` against the schema.
public struct BundleVerifier: Sendable {
    /// Validates dossier.xml; throws with libxml2's messages.
    let validateXML: @Sendable (Data) throws -> Void

    public init(validateXML: @escaping @Sendable (Data) throws -> Void) {
        self.validateXML = validateXML
    }

    public func verify(path: String) throws -> VerifyReport {
        let url = URL(fileURLWithPath: path)
        var files = try BundleReader.files(at: url)
        guard let manifestData = files.removeValue(forKey: BundleManifest.fileName) else {
            throw BundleError.notABundle(path, "no manifest.json")
        }
        let manifest: BundleManifest
        do { manifest = try BundleManifest.parse(manifestData) } catch {
            throw BundleError.notABundle(path, "manifest.json cannot be read: \(error)")
        }
        var problems: [VerifyProblem] = []
        var listed = Set<String>()
        for entry in manifest.files.sorted(by: { $0.path < $1.path }) {
            listed.insert(entry.path)
            guard let data = files[entry.path] else {
                problems.append(.removed(entry.path))
                continue
            }
            if data.count != entry.bytes || BundleManifest.sha256(data) != entry.sha256 {
                problems.append(.altered(entry.path))
            }
        }
        for extra in files.keys.sorted() where !listed.contains(extra) {
            problems.append(.added(extra))
        }
        if let xml = files["dossier.xml"] {
            do { try validateXML(xml) } catch { problems.append(.invalidXML("\(error)")) }
        }
        return VerifyReport(path: path, manifest: manifest, problems: problems)
    }
}
