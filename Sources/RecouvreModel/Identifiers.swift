/// French company identifiers (INSEE SIRENE): SIREN (9 digits) and SIRET (SIREN + 5 digits).
public enum CompanyIdentifier {
    /// La Poste's SIREN, whose digits do not pass Luhn; INSEE's rule for it is that the sum of the
    /// digits of a SIRET is a multiple of 5 (domain.md §5).
    public static let laPosteSiren = "356000000"

    /// Whether `text` is a valid SIREN: 9 digits passing the Luhn check, or La Poste's.
    public static func isValidSiren(_ text: String) -> Bool {
        guard text.utf8.count == 9, asciiDigits(text) else { return false }
        return text == laPosteSiren || luhn(text)
    }

    /// Whether `text` is a valid SIRET: 14 digits passing Luhn; for La Poste's establishments
    /// (SIRET starting 356000000), the sum of the digits is a multiple of 5.
    public static func isValidSiret(_ text: String) -> Bool {
        guard text.utf8.count == 14, asciiDigits(text) else { return false }
        if text.hasPrefix(laPosteSiren) {
            return text.compactMap(\.wholeNumberValue).reduce(0, +) % 5 == 0
        }
        return luhn(text)
    }

    /// The Luhn (mod 10) check over a string of ASCII digits.
    public static func luhn(_ digits: String) -> Bool {
        if asciiDigits(digits) {
            // The same sum over the bytes (an import checks 100,000 identifiers).
            var sum = 0
            for (index, byte) in digits.utf8.reversed().enumerated() {
                var value = Int(byte &- UInt8(ascii: "0"))
                if index % 2 == 1 {
                    value *= 2
                    if value > 9 { value -= 9 }
                }
                sum += value
            }
            return sum % 10 == 0
        }
        var sum = 0
        for (index, character) in digits.reversed().enumerated() {
            guard var value = character.wholeNumberValue else { return false }
            if index % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }

    /// Only the ASCII digits 0–9.
    static func asciiDigits(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// SIREN and SIRET are often written with spaces (`552 100 554`); the digits alone.
    public static func digits(_ text: String) -> String { text.filter { !$0.isWhitespace } }
}
