import Foundation
import RecouvreDocuments
import RecouvreModel
import Yams

/// The firm profile (docs/firm.md), read at the command line's edge: `--firm FILE`, else
/// `RECOUVRE_FIRM`, else `$XDG_CONFIG_HOME/recouvre/firm.yaml` (`~/.config/recouvre/firm.yaml`).
enum FirmProfile {
    struct ProfileError: RecouvreError {
        var file: String
        var line: Int?
        var message: String
        var exitCode: Int32 { 1 }
        var description: String { "\(file)\(line.map { ":\($0)" } ?? "") : \(message)" }
    }

    /// The profile to use, or nil when none is given nor configured.
    static func locate(
        option: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Firm? {
        if let option { return try load(path: option) }
        if let path = environment["RECOUVRE_FIRM"], !path.isEmpty { return try load(path: path) }
        let config =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"].map { "\($0)/.config" } ?? "")
        let path = "\(config)/recouvre/firm.yaml"
        guard !config.isEmpty, FileManager.default.fileExists(atPath: path) else { return nil }
        return try load(path: path)
    }

    static func load(path: String) throws -> Firm {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw ProfileError(
                file: path, line: nil, message: "profil de mandataire introuvable ou illisible (voir docs/firm.md)")
        }
        return try parse(text, file: path)
    }

    static let keys: Set<String> = [
        "kind", "name", "role", "barreau", "address", "phone", "email", "reference", "signatory",
    ]

    static func parse(_ text: String, file: String) throws -> Firm {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ProfileError(
                    file: file, line: nil,
                    message: "profil vide ; attendu : kind, name, address, signatory (docs/firm.md)")
            }
            root = node
        } catch let error as ProfileError {
            throw error
        } catch {
            throw ProfileError(file: file, line: nil, message: "YAML illisible (\(error))")
        }
        guard let mapping = root.mapping else {
            throw ProfileError(
                file: file, line: root.mark?.line,
                message: "une liste de clés est attendue (kind, name, address, signatory…)")
        }
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard keys.contains(name) else {
                throw ProfileError(
                    file: file, line: key.mark?.line,
                    message: "clé inconnue « \(name) » ; clés possibles : \(keys.sorted().joined(separator: ", "))")
            }
            values[name] = value
        }
        func string(_ key: String, required: Bool) throws -> String? {
            guard let node = values[key] else {
                if required { throw ProfileError(file: file, line: nil, message: "\(key) : clé obligatoire manquante") }
                return nil
            }
            guard let value = node.scalar?.string, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ProfileError(file: file, line: node.mark?.line, message: "\(key) : un texte est attendu")
            }
            return value
        }
        let kindText = try string("kind", required: true)!
        guard let kind = Firm.Kind(rawValue: kindText) else {
            throw ProfileError(
                file: file, line: values["kind"]?.mark?.line,
                message: "kind : « \(kindText) » n'est pas permis ; écrivez avocat, agency, commissaire ou department")
        }
        guard let addressNode = values["address"], let address = addressNode.mapping else {
            throw ProfileError(
                file: file, line: values["address"]?.mark?.line,
                message: "address : attendu { lines: [\"…\"], postcode: \"69002\", city: \"Lyon\" }")
        }
        var lines: [String] = []
        var postcode: String?
        var city: String?
        var country = "FR"
        for (key, value) in address {
            switch key.string ?? "" {
            case "lines": lines = value.sequence?.compactMap { $0.string } ?? (value.string.map { [$0] } ?? [])
            case "postcode": postcode = value.string
            case "city": city = value.string
            case "country": country = value.string ?? "FR"
            default:
                throw ProfileError(
                    file: file, line: key.mark?.line,
                    message:
                        "address.\(key.string ?? "?") : clé inconnue ; clés possibles : lines, postcode, city, country")
            }
        }
        guard let city else {
            throw ProfileError(
                file: file, line: addressNode.mark?.line, message: "address.city : clé obligatoire manquante")
        }
        if kind == .avocat, values["barreau"] == nil, values["role"] == nil {
            throw ProfileError(
                file: file, line: values["kind"]?.mark?.line,
                message: "barreau : un avocat indique son barreau (barreau: \"Lyon\")")
        }
        return Firm(
            kind: kind, name: try string("name", required: true)!, role: try string("role", required: false),
            barreau: try string("barreau", required: false),
            address: Address(lines: lines, postcode: postcode, city: city, country: country),
            phone: try string("phone", required: false), email: try string("email", required: false),
            reference: try string("reference", required: false), signatory: try string("signatory", required: true)!)
    }
}
