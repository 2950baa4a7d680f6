import Crypto
import Foundation
import RecouvreJSON

/// One file of a bundle in `manifest.json`: its path inside the bundle, SHA-256 and size.
public struct BundleManifestFile: Sendable, Hashable, Codable {
    public var path: String
    public var sha256: String
    public var bytes: Int

    public init(path: String, sha256: String, bytes: Int) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
    }

    /// The entry for `data` at `path`.
    public init(path: String, data: Data) {
        self.init(path: path, sha256: BundleManifest.sha256(data), bytes: data.count)
    }
}

/// A party in the manifest: enough to find the dossier, no more.
public struct ManifestParty: Sendable, Hashable, Codable {
    public var name: String
    public var siren: String?

    public init(name: String, siren: String?) {
        self.name = name
        self.siren = siren
    }
}

/// `manifest.json` (`recouvre.manifest/1`, interfaces.md), with the extra keys the helpers agreed on:
/// `as_of`, `creditor`, `debtor`, `amount_claimed`, `formal_notice`. Written with sorted keys,
/// two-space indentation and a trailing newline, `files` sorted by path: the same bundle always
/// gives the same bytes.
public struct BundleManifest: Sendable, Hashable, Codable {
    public static let schema = "recouvre.manifest/1"
    public static let fileName = "manifest.json"

    public var schema: String
    public var tool: String
    public var caseReference: String
    public var asOf: String?
    public var creditor: ManifestParty?
    public var debtor: ManifestParty?
    /// `"1234.56"`.
    public var amountClaimed: String?
    /// The file name of the mise en demeure, nil when the dossier has none.
    public var formalNotice: String?
    public var files: [BundleManifestFile]

    enum CodingKeys: String, CodingKey {
        case schema, tool, files, creditor, debtor
        case caseReference = "case"
        case asOf = "as_of"
        case amountClaimed = "amount_claimed"
        case formalNotice = "formal_notice"
    }

    public init(
        tool: String, caseReference: String, asOf: String?, creditor: ManifestParty?, debtor: ManifestParty?,
        amountClaimed: String?, formalNotice: String?, files: [BundleManifestFile]
    ) {
        self.schema = Self.schema
        self.tool = tool
        self.caseReference = caseReference
        self.asOf = asOf
        self.creditor = creditor
        self.debtor = debtor
        self.amountClaimed = amountClaimed
        self.formalNotice = formalNotice
        self.files = files.sorted { $0.path < $1.path }
    }

    /// Lowercase hexadecimal SHA-256.
    public static func sha256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// A SHA-256 digest in lowercase hexadecimal.
    static func hex(_ digest: SHA256Digest) -> String {
        // 64 hexadecimal digits written in one buffer (was a String per byte, then joined).
        return String(unsafeUninitializedCapacity: 2 * SHA256.byteCount) { output in
            let digits: StaticString = "0123456789abcdef"
            var at = 0
            digest.withUnsafeBytes { bytes in
                for byte in bytes {
                    output[at] = digits.utf8Start[Int(byte >> 4)]
                    output[at + 1] = digits.utf8Start[Int(byte & 0x0F)]
                    at += 2
                }
            }
            return at
        }
    }

    /// The manifest's bytes: a fixed layout rather than JSONEncoder's, whose pretty-printing
    /// (`"key" : value`, escaped slashes) differs between platforms.
    public func json() -> Data {
        func party(_ party: ManifestParty?) -> JSONValue {
            guard let party else { return .null }
            return .object([("name", .string(party.name)), ("siren", .optional(party.siren))])
        }
        let fileValues: [JSONValue] = files.sorted { $0.path < $1.path }.map {
            .object([("bytes", .integer(Int64($0.bytes))), ("path", .string($0.path)), ("sha256", .string($0.sha256))])
        }
        let root = JSONValue.object([
            ("amount_claimed", .optional(amountClaimed)),
            ("as_of", .optional(asOf)),
            ("case", .string(caseReference)),
            ("creditor", party(creditor)),
            ("debtor", party(debtor)),
            ("files", .array(fileValues)),
            ("formal_notice", .optional(formalNotice)),
            ("schema", .string(schema)),
            ("tool", .string(tool)),
        ])
        return root.renderedData()
    }

    /// Reads a manifest; unknown extra keys are allowed (the contract may be extended). The one
    /// manifest parser of recouvre: `verify`, the sinks (before `--force` replaces a bundle) and the
    /// archive all read `manifest.json` through it. Throws `ManifestProblem` in French.
    public static func parse(_ data: Data) throws(ManifestProblem) -> BundleManifest {
        guard data.count <= BundleLimits.manifestBytes else {
            throw .unreadable("manifest.json dépasse \(BundleLimits.manifestBytes / 1024 / 1024) Mio")
        }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw .unreadable("manifest.json n'est pas du JSON valide")
        }
        guard let root = object as? [String: Any] else { throw .unreadable("manifest.json n'est pas un objet JSON") }
        guard let schema = root["schema"] as? String else { throw .unknownSchema("absent") }
        guard schema == Self.schema else { throw .unknownSchema("\"\(schema)\"") }
        func string(_ key: String, required: Bool) throws(ManifestProblem) -> String? {
            guard let value = root[key], !(value is NSNull) else {
                if required { throw .unreadable("manifest.json : la clé \(key) manque") }
                return nil
            }
            guard let text = value as? String else { throw .unreadable("manifest.json : \(key) n'est pas un texte") }
            return text
        }
        func party(_ key: String) throws(ManifestProblem) -> ManifestParty? {
            guard let value = root[key], !(value is NSNull) else { return nil }
            guard let object = value as? [String: Any], let name = object["name"] as? String else {
                throw .unreadable("manifest.json : \(key) doit être un objet avec name et siren")
            }
            return ManifestParty(name: name, siren: object["siren"] as? String)
        }
        guard let list = root["files"] as? [Any] else {
            throw .unreadable("manifest.json : files[] manque ou n'est pas une liste")
        }
        guard list.count <= BundleLimits.entries else {
            throw .unreadable("manifest.json : files[] liste plus de \(BundleLimits.entries) fichiers")
        }
        var files: [BundleManifestFile] = []
        for (index, item) in list.enumerated() {
            guard let item = item as? [String: Any], let path = item["path"] as? String,
                let sha = item["sha256"] as? String, let bytes = item["bytes"] as? Int,
                bytes >= 0
            else {
                throw .unreadable("manifest.json : files[\(index)] doit donner path, sha256 et bytes")
            }
            files.append(BundleManifestFile(path: path, sha256: sha.lowercased(), bytes: bytes))
        }
        var manifest = BundleManifest(
            tool: try string("tool", required: true) ?? "", caseReference: try string("case", required: true) ?? "",
            asOf: try string("as_of", required: false), creditor: try party("creditor"), debtor: try party("debtor"),
            amountClaimed: try string("amount_claimed", required: false),
            formalNotice: try string("formal_notice", required: false), files: [])
        manifest.files = files
        return manifest
    }
}

/// Why `manifest.json` cannot be used.
public enum ManifestProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not JSON, not an object, a key missing or of the wrong type, too large.
    case unreadable(String)
    /// `schema` is absent or is not `recouvre.manifest/1` (the value found, quoted).
    case unknownSchema(String)

    public var description: String {
        switch self {
        case .unreadable(let why): return why
        case .unknownSchema(let found):
            return "schéma du manifeste inconnu (\(found), attendu \"\(BundleManifest.schema)\")"
        }
    }
}
