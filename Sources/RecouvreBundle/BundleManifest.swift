import Crypto
import Foundation

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
        SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The manifest's bytes: a fixed layout rather than JSONEncoder's, whose pretty-printing
    /// (`"key" : value`, escaped slashes) differs between platforms.
    public func json() -> Data {
        func party(_ party: ManifestParty?) -> JSONValue {
            guard let party else { return .null }
            return .object([("name", .string(party.name)), ("siren", party.siren.map(JSONValue.string) ?? .null)])
        }
        let fileValues: [JSONValue] = files.sorted { $0.path < $1.path }.map {
            .object([("bytes", .number($0.bytes)), ("path", .string($0.path)), ("sha256", .string($0.sha256))])
        }
        let root = JSONValue.object([
            ("amount_claimed", amountClaimed.map(JSONValue.string) ?? .null),
            ("as_of", asOf.map(JSONValue.string) ?? .null),
            ("case", .string(caseReference)),
            ("creditor", party(creditor)),
            ("debtor", party(debtor)),
            ("files", .array(fileValues)),
            ("formal_notice", formalNotice.map(JSONValue.string) ?? .null),
            ("schema", .string(schema)),
            ("tool", .string(tool)),
        ])
        return Data((root.render(indent: 0) + "\n").utf8)
    }

    /// Reads a manifest; unknown extra keys are allowed (the contract may be extended).
    public static func parse(_ data: Data) throws -> BundleManifest {
        try JSONDecoder().decode(BundleManifest.self, from: data)
    }
}

/// A minimal JSON value with a deterministic rendering (keys in the order given, two-space indent).
enum JSONValue {
    case string(String)
    case number(Int)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    func render(indent: Int) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch self {
        case .string(let text): return Self.quote(text)
        case .number(let value): return String(value)
        case .null: return "null"
        case .array(let values):
            if values.isEmpty { return "[]" }
            return "[\n" + values.map { pad + $0.render(indent: indent + 1) }.joined(separator: ",\n") + "\n\(close)]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            return "{\n"
                + pairs.map { pad + Self.quote($0.0) + ": " + $0.1.render(indent: indent + 1) }
                .joined(separator: ",\n") + "\n\(close)}"
        }
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
