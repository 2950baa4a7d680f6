import Foundation

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
        String(decoding: renderedBytes(), as: UTF8.self)
    }

    /// `rendered()` as UTF-8 bytes, without making the `String` (`manifest.json`, once per bundle).
    public func renderedData() -> Data {
        Data(renderedBytes())
    }

    private func renderedBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(to: &out, indent: 0)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// Appends the value's text as it stands at nesting level `indent` of a document (its inner lines
    /// indented by `indent + 1` levels, no newline after it): how a document that is written piece by
    /// piece (`batch-report.json`, one debtor at a time) puts each piece where `rendered()` would.
    public func append(to out: inout [UInt8], indent: Int) {
        write(to: &out, indent: indent)
    }

    /// Appends an ASCII literal's bytes (no array made for them).
    private static func append(_ literal: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// The same layout written as UTF-8 bytes into one buffer: a string with nothing to escape (most)
    /// is copied as its bytes, indentation from a constant. The first writer, over `String` appends
    /// and Unicode scalars (`referenceRendered`), took ≈ 4,000 instructions per manifest entry.
    private func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .string(let value): Self.quote(value, to: &out)
        case .integer(let value):
            value.withUTF8Digits { out.append(contentsOf: $0) }
        case .null:
            Self.append("null", to: &out)
        case .array(let items):
            if items.isEmpty {
                Self.append("[]", to: &out)
                return
            }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(indent + 1, to: &out)
                item.write(to: &out, indent: indent + 1)
            }
            Self.newline(indent, to: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                Self.append("{}", to: &out)
                return
            }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(indent + 1, to: &out)
                Self.quote(key, to: &out)
                Self.append(": ", to: &out)
                value.write(to: &out, indent: indent + 1)
            }
            Self.newline(indent, to: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A newline then two spaces per level.
    private static func newline(_ indent: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<indent { append("  ", to: &out) }
    }

    /// A JSON string literal: the escapes JSON requires (bytes below 0x20, `"` and `\\`), every other
    /// byte — UTF-8 of non-ASCII characters included — copied as it is.
    private static func quote(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var copied = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                copied = index + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case 0x22: out.append(UInt8(ascii: "\""))
                case 0x5C: out.append(UInt8(ascii: "\\"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [
                        UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)],
                        hex[Int(byte & 15)],
                    ])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The first writer (String appends, one Unicode scalar at a time): the reference the tests
    /// compare `rendered()` with.
    public func referenceRendered() -> String {
        var out = ""
        referenceWrite(to: &out, indent: 0)
        return out + "\n"
    }

    private func referenceWrite(to out: inout String, indent: Int) {
        switch self {
        case .string(let value): Self.referenceQuote(value, to: &out)
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
                item.referenceWrite(to: &out, indent: indent + 1)
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
                Self.referenceQuote(key, to: &out)
                out += ": "
                value.referenceWrite(to: &out, indent: indent + 1)
            }
            out += "\n" + String(repeating: "  ", count: indent) + "}"
        }
    }

    private static func referenceQuote(_ text: String, to out: inout String) {
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

extension Int64 {
    /// The decimal digits (and sign) as UTF-8, without building a String.
    fileprivate func withUTF8Digits(_ body: (UnsafeRawBufferPointer) -> Void) {
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes ≥ 20 digits and a sign
        withUnsafeMutableBytes(of: &buffer) { raw in
            var at = raw.count
            var magnitude = self.magnitude
            repeat {
                at -= 1
                raw[at] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if self < 0 {
                at -= 1
                raw[at] = UInt8(ascii: "-")
            }
            body(UnsafeRawBufferPointer(rebasing: raw[at...]))
        }
    }
}
