/// A strict JSON (RFC 8259) check of a `.json` case file, with the line and column of the first
/// fault: the YAML parser that composes the tree also accepts trailing commas, single quotes,
/// comments and bare words, which are not JSON (and Foundation's JSONSerialization on Linux lets
/// trailing commas through). Recursion is bounded by `CaseLimits.depth`.
enum StrictJSON {
    struct Fault: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    static func firstFault(in text: String) -> Fault? {
        var text = text
        return text.withUTF8 { bytes -> Fault? in
            var checker = Checker(bytes: bytes)
            return checker.document()
        }
    }

    private struct Checker {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var line = 1
        var column = 1
        var depth = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func advance() {
            guard let byte = current else { return }
            index += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }

        func fault(_ message: String) -> Fault { Fault(line: line, column: column, message: message) }

        func found() -> String {
            guard let byte = current else { return "la fin du fichier" }
            switch byte {
            case UInt8(ascii: "'"): return "une apostrophe (les textes JSON sont entre guillemets doubles)"
            case UInt8(ascii: "#"), UInt8(ascii: "/"): return "un commentaire (JSON n'en a pas)"
            default:
                return byte < 0x80 && byte >= 0x20 ? "« \(Character(Unicode.Scalar(byte))) »" : "l'octet 0x\(String(byte, radix: 16, uppercase: true))"
            }
        }

        mutating func whitespace() {
            while let byte = current,
                byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                    || byte == UInt8(ascii: "\r")
            {
                advance()
            }
        }

        mutating func document() -> Fault? {
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
            whitespace()
            if let fault = value() { return fault }
            whitespace()
            if current != nil { return fault("en trop après la fin de la valeur JSON : \(found())") }
            return nil
        }

        mutating func value() -> Fault? {
            whitespace()
            guard let byte = current else { return fault("une valeur manque à la fin du fichier") }
            switch byte {
            case UInt8(ascii: "{"): return container(close: UInt8(ascii: "}"), member: true)
            case UInt8(ascii: "["): return container(close: UInt8(ascii: "]"), member: false)
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return fault("attendu une valeur JSON, trouvé \(found())")
            }
        }

        mutating func container(close: UInt8, member: Bool) -> Fault? {
            depth += 1
            defer { depth -= 1 }
            if depth > CaseLimits.depth { return fault("imbriqué sur plus de \(CaseLimits.depth) niveaux") }
            advance()
            whitespace()
            if current == close {
                advance()
                return nil
            }
            while true {
                whitespace()
                if member {
                    guard current == UInt8(ascii: "\"") else {
                        return fault("attendu une clé entre guillemets doubles, trouvé \(found())")
                    }
                    if let fault = string() { return fault }
                    whitespace()
                    guard current == UInt8(ascii: ":") else { return fault("attendu « : » après la clé, trouvé \(found())") }
                    advance()
                }
                if let fault = value() { return fault }
                whitespace()
                if current == close {
                    advance()
                    return nil
                }
                guard current == UInt8(ascii: ",") else {
                    let closing = Character(Unicode.Scalar(close))
                    return fault("attendu « , » ou « \(closing) », trouvé \(found())")
                }
                advance()
                whitespace()
                if current == close {
                    return fault("une virgule finale avant « \(Character(Unicode.Scalar(close))) » (JSON n'en accepte pas)")
                }
            }
        }

        mutating func string() -> Fault? {
            advance()
            while let byte = current {
                if byte == UInt8(ascii: "\"") {
                    advance()
                    return nil
                }
                if byte < 0x20 { return fault("un caractère de contrôle dans un texte (échappez-le, tel que \\n)") }
                if byte == UInt8(ascii: "\\") {
                    advance()
                    guard let escaped = current else { break }
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                        UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        advance()
                    case UInt8(ascii: "u"):
                        advance()
                        for _ in 0..<4 {
                            guard let hex = current, Self.isHex(hex) else {
                                return fault("\\u est suivi de quatre chiffres hexadécimaux")
                            }
                            advance()
                        }
                    default:
                        return fault("« \\\(Character(Unicode.Scalar(escaped))) » n'est pas un échappement JSON")
                    }
                    continue
                }
                advance()
            }
            return fault("un texte n'est pas fermé (il manque un guillemet double)")
        }

        static func isHex(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }

        mutating func digits() -> Int {
            var count = 0
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                advance()
                count += 1
            }
            return count
        }

        mutating func number() -> Fault? {
            if current == UInt8(ascii: "-") { advance() }
            if current == UInt8(ascii: "0") {
                advance()
                if let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                    return fault("un nombre JSON ne commence pas par 0 (mettez-le entre guillemets)")
                }
            } else if digits() == 0 {
                return fault("attendu des chiffres, trouvé \(found())")
            }
            if current == UInt8(ascii: ".") {
                advance()
                if digits() == 0 { return fault("attendu des chiffres après le point décimal, trouvé \(found())") }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                advance()
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
                if digits() == 0 { return fault("attendu les chiffres de l'exposant, trouvé \(found())") }
            }
            return nil
        }

        mutating func literal(_ word: StaticString) -> Fault? {
            let start = fault("attendu une valeur JSON, trouvé \(found())")
            for expected in UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount) {
                guard current == expected else { return start }
                advance()
            }
            return nil
        }
    }
}
