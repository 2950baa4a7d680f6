import Foundation
import RecouvreLaw
import RecouvreModel
import Yams

/// Typed, strict access to the fields of a YAML mapping of `forms/`, with errors naming the file and
/// the key. A firm edits these files by hand: a misspelt key or flag must be an error, never a silent
/// default (`unverfied: true` would otherwise drop the warning a statement owes its reader).
struct YAMLFields {
    let node: Node
    let file: String
    let path: String

    /// The top mapping of a `forms/` YAML file. Anchors, aliases and explicit tags are refused: the
    /// law's data is written out in full, and a tag (`!!binary`, `!python/object`) has no meaning here.
    static func root(_ text: String, file: String) throws(RateTableError) -> Node {
        let parsed: Node?
        do { parsed = try Yams.compose(yaml: text) } catch {
            throw .malformed(file: file, problem: "n'est pas un YAML valide : \(error)")
        }
        guard let node = parsed, node.mapping != nil else {
            throw .malformed(file: file, problem: "une table (mapping) est attendue au premier niveau")
        }
        try checkPlain(node, file: file, path: "", depth: 0)
        return node
    }

    /// Refuses explicit tags and bounds the depth: the files of `forms/` are flat tables.
    private static func checkPlain(_ node: Node, file: String, path: String, depth: Int) throws(RateTableError) {
        guard depth < 16 else { throw .malformed(file: file, problem: "\(path): imbrication trop profonde") }
        // The tag as written, not resolved: `Node.tag` resolves a plain scalar's implicit tag through
        // Yams's regular expressions (≈ 30 k instructions a scalar, a fifth of loading forms/); an
        // implicit (`""`) or non-specific (`!`) tag always resolves to one of the core schema's.
        let written: Tag
        switch node {
        case .scalar(let scalar): written = scalar.tag
        case .mapping(let mapping): written = mapping.tag
        case .sequence(let sequence): written = sequence.tag
        case .alias(let alias): written = alias.tag
        }
        let tag = written.description  // the name as it stands: `description` does not resolve it
        let standard = tag.isEmpty || tag == "!" || tag.hasPrefix("tag:yaml.org,2002:")
        if !standard || tag.hasSuffix(":binary") {
            throw .malformed(
                file: file, problem: "\(path.isEmpty ? "racine" : path): étiquette YAML « \(tag) » refusée")
        }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                let name = key.scalar?.string ?? "?"
                try checkPlain(value, file: file, path: path.isEmpty ? name : "\(path).\(name)", depth: depth + 1)
            }
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                try checkPlain(item, file: file, path: "\(path)[\(index)]", depth: depth + 1)
            }
        case .alias:
            throw .malformed(
                file: file,
                problem: "\(path.isEmpty ? "racine" : path): alias YAML refusé (écrivez la valeur en entier)")
        case .scalar:
            break
        }
    }

    func key(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    /// Refuses any key not in `allowed`.
    func allowOnly(_ allowed: Set<String>) throws(RateTableError) {
        guard let mapping = node.mapping else {
            throw .malformed(file: file, problem: "\(path.isEmpty ? "racine" : path): une table est attendue")
        }
        for key in mapping.keys {
            let name = key.scalar?.string ?? "?"
            if !allowed.contains(name) {
                throw .malformed(
                    file: file,
                    problem: "\(self.key(name)): clé inconnue (attendu : \(allowed.sorted().joined(separator: ", ")))")
            }
        }
    }

    func string(_ name: String) throws(RateTableError) -> String {
        guard let value = node[name]?.scalar?.string, !value.isEmpty else {
            throw .malformed(file: file, problem: "\(key(name)): manquant")
        }
        return value
    }

    func day(_ name: String) throws(RateTableError) -> Day {
        let text = try string(name)
        guard let day = Day(iso: text) else {
            throw .malformed(file: file, problem: "\(key(name)): « \(text) » n'est pas une date AAAA-MM-JJ")
        }
        return day
    }

    func decimal(_ name: String) throws(RateTableError) -> Decimal {
        let text = try string(name)
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
        else {
            throw .malformed(file: file, problem: "\(key(name)): « \(text) » n'est pas un nombre décimal simple")
        }
        return value
    }

    func int(_ name: String) throws(RateTableError) -> Int {
        let text = try string(name)
        guard let value = Int(text) else {
            throw .malformed(file: file, problem: "\(key(name)): « \(text) » n'est pas un nombre entier")
        }
        return value
    }

    /// `true` or `false` when present; anything else is an error.
    func bool(_ name: String) throws(RateTableError) -> Bool? {
        guard let node = node[name] else { return nil }
        guard let text = node.scalar?.string else {
            throw .malformed(file: file, problem: "\(key(name)): true ou false attendu")
        }
        switch text {
        case "true": return true
        case "false": return false
        default: throw .malformed(file: file, problem: "\(key(name)): « \(text) » n'est pas true ou false")
        }
    }
}
