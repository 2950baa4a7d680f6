/// A JSON value and its one canonical rendering, shared by every JSON output of recouvre
/// (`recouvre.statement/1`, `recouvre.route/1`, `manifest.json`, `recouvre.archive-export/1`).
///
/// Written by hand on purpose: interfaces.md wants each document's keys in a fixed, documented order
/// and the same bytes on every run and platform. Foundation's `JSONSerialization` and `JSONEncoder`
/// only offer dictionary order or `.sortedKeys` (no order of our choosing), and their pretty-printing
/// (`"key" : value`, escaped slashes, indentation) has changed between versions and differs between
/// Linux and macOS.
///
/// The layout: objects keep their keys in the order given, two-space indentation, `"key": value`,
/// `[]` and `{}` when empty; strings escape `"`, `\`, `\n`, `\r`, `\t` and other control characters
/// as `\u00XX` (lowercase hex), and keep every other character, non-ASCII included, as UTF-8.
public indirect enum JSONValue: Sendable {
    case string(String)
    case integer(Int64)
    case null
    case array([JSONValue])
    /// Members in the order they are written out.
    case object([(String, JSONValue)])

    /// `.string(value)`, or `null` when there is no value.
    public static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    /// An object whose keys are sorted by their UTF-8 bytes, for documents whose contract says "sorted keys".
    public static func sortedObject(_ members: [String: JSONValue]) -> JSONValue {
        .object(
            members.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
                .map { ($0.key, $0.value) })
    }

    /// The value as a JSON document: its text followed by a newline.
    public func rendered() -> String {
        var out = ""
        write(to: &out, indent: 0)
        return out + "\n"
    }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .string(let value): Self.quote(value, to: &out)
        case .integer(let value): out += String(value)
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (index, item) in items.enumerated() {
                out += index == 0 ? "\n" : ",\n"
                out += String(repeating: "  ", count: indent + 1)
                item.write(to: &out, indent: indent + 1)
            }
            out += "\n" + String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                out += index == 0 ? "\n" : ",\n"
                out += String(repeating: "  ", count: indent + 1)
                Self.quote(key, to: &out)
                out += ": "
                value.write(to: &out, indent: indent + 1)
            }
            out += "\n" + String(repeating: "  ", count: indent) + "}"
        }
    }

    /// A JSON string literal: the escapes JSON requires, everything else kept as it is.
    private static func quote(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
