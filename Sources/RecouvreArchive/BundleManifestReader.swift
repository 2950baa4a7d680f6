import Foundation

/// The keys of `manifest.json` that the archive needs (interfaces.md + the bundle's extra keys),
/// with messages that name the key that is missing or wrong.
struct BundleManifestReader {
    struct File {
        var path: String
        var sha256: String
        var bytes: Int
    }

    let label: String
    private let object: [String: Any]
    let files: [File]

    init(data: Data, label: String) throws {
        self.label = label
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw ArchiveError("\(label): not a JSON object (is this a bundle written by recouvre build?)")
        }
        self.object = object
        guard let schema = object["schema"] as? String, schema == "recouvre.manifest/1" else {
            throw ArchiveError("\(label): schema is \(String(describing: object["schema"] ?? "missing")), "
                + "expected \"recouvre.manifest/1\"")
        }
        guard let list = object["files"] as? [[String: Any]] else {
            throw ArchiveError("\(label): files[] is missing or not a list")
        }
        var files = [File]()
        for (index, item) in list.enumerated() {
            guard let path = item["path"] as? String, let sha = item["sha256"] as? String,
                  let bytes = (item["bytes"] as? NSNumber)?.intValue
            else {
                throw ArchiveError("\(label): files[\(index)] needs path, sha256 and bytes")
            }
            files.append(File(path: path, sha256: sha, bytes: bytes))
        }
        self.files = files
    }

    func optionalString(_ key: String) throws -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw ArchiveError("\(label): \(key) is not a string") }
        return text
    }

    func string(_ key: String) throws -> String {
        guard let text = try optionalString(key), !text.isEmpty else {
            throw ArchiveError("\(label): \(key) is missing (rebuild the bundle with a recouvre that writes it)")
        }
        return text
    }

    func party(_ key: String) throws -> ArchivedParty {
        guard let party = object[key] as? [String: Any] else {
            throw ArchiveError("\(label): \(key) is missing or not an object with name and siren")
        }
        guard let name = party["name"] as? String, !name.isEmpty else {
            throw ArchiveError("\(label): \(key).name is missing")
        }
        let siren = party["siren"] as? String
        return ArchivedParty(name: name, siren: siren?.filter { !$0.isWhitespace })
    }
}
