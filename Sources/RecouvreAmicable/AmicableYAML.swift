import Foundation
import RecouvreModel
import Yams

/// Typed access to the fields of a YAML mapping, with French errors naming the file and the key: for
/// the journal (read here) and the ladders (read by the law-book loader, RecouvreForms).
package struct AmicableYAML {
    package init(node: Node, file: String, path: String) {
        self.node = node
        self.file = file
        self.path = path
    }

    package let node: Node
    package let file: String
    package let path: String

    package static func root(_ text: String, file: String) throws(AmicableError) -> Node {
        let parsed: Node?
        do { parsed = try Yams.compose(yaml: text) } catch {
            throw AmicableError(file: file, "YAML illisible (\(error))")
        }
        guard let node = parsed, node.mapping != nil else {
            throw AmicableError(file: file, "un dictionnaire YAML est attendu")
        }
        return node
    }

    package func key(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    package func optionalString(_ name: String) throws(AmicableError) -> String? {
        guard let value = node[name] else { return nil }
        guard let text = value.scalar?.string else {
            throw AmicableError(file: file, "\(key(name)) : un texte est attendu")
        }
        return text
    }

    package func string(_ name: String) throws(AmicableError) -> String {
        guard let text = try optionalString(name), !text.isEmpty else {
            throw AmicableError(file: file, "\(key(name)) : manquant")
        }
        return text
    }

    package func optionalInt(_ name: String) throws(AmicableError) -> Int? {
        guard let text = try optionalString(name) else { return nil }
        guard let value = Int(text) else {
            throw AmicableError(file: file, "\(key(name)) : « \(text) » n'est pas un nombre entier de jours")
        }
        return value
    }

    package func int(_ name: String) throws(AmicableError) -> Int {
        guard let value = try optionalInt(name) else { throw AmicableError(file: file, "\(key(name)) : manquant") }
        return value
    }

    package func bool(_ name: String) throws(AmicableError) -> Bool? {
        guard let text = try optionalString(name) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw AmicableError(file: file, "\(key(name)) : « \(text) » ; true ou false attendu")
        }
    }

    package func optionalChannel(_ name: String) throws(AmicableError) -> Channel? {
        guard let text = try optionalString(name) else { return nil }
        guard let channel = Channel(rawValue: text), channel != .bailiff else {
            throw AmicableError(file: file, "\(key(name)) : « \(text) » ; email, letter ou registered_letter attendu")
        }
        return channel
    }

    package func channel(_ name: String) throws(AmicableError) -> Channel {
        guard let value = try optionalChannel(name) else { throw AmicableError(file: file, "\(key(name)) : manquant") }
        return value
    }
}
