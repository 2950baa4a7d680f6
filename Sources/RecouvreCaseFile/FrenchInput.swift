import RecouvreModel

/// The value to write instead of a French habit the file format refuses (it must stay unambiguous):
/// `15/09/2025` → `2025-09-15`, `4 860,00` → `4860.00`, `1.234,56` → `1234.56`, `oui` → `true`.
/// `nil` when the text cannot be read with confidence.
enum FrenchInput {
    /// `JJ/MM/AAAA` (also with `.` or `-`, one-digit day or month) as `AAAA-MM-JJ`, if that day exists.
    static func date(_ raw: String) -> String? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        for separator in ["/", ".", "-"] {
            let parts = text.split(separator: Character(separator), omittingEmptySubsequences: false)
            guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
                parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
                let value = Day(year: year, month: month, day: day)
            else { continue }
            return value.iso
        }
        return nil
    }

    /// An amount written with French or English grouping and decimal marks, as digits and a dot with
    /// two decimals. Ambiguous forms (`1,800` or `1.234`: grouping, or three decimals?) give `nil`.
    static func amount(_ raw: String) -> String? {
        var text = raw.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("€") { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
        text.removeAll { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" || $0 == "'" }
        guard !text.isEmpty, text.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "," || $0 == "." }) else { return nil }
        let lastComma = text.lastIndex(of: ",")
        let lastDot = text.lastIndex(of: ".")
        var whole = text
        var fraction = ""
        switch (lastComma, lastDot) {
        case (let comma?, let dot?):
            // The last mark is the decimal one; the other groups thousands.
            let decimal = max(comma, dot)
            whole = String(text[..<decimal]).filter(\.isNumber)
            fraction = String(text[text.index(after: decimal)...])
            let grouping: Character = decimal == comma ? "." : ","
            guard !fraction.contains(","), !fraction.contains("."), groupsThousands(String(text[..<decimal]), by: grouping)
            else { return nil }
        case (let mark?, nil), (nil, let mark?):
            let symbol = text[mark]
            let count = text.filter { $0 == symbol }.count
            let after = text[text.index(after: mark)...]
            if count == 1, (1...2).contains(after.count) {
                whole = String(text[..<mark])
                fraction = String(after)
            } else if count > 1 || after.count == 3 {
                // Several marks, or three digits after one: grouping only when that is the sole reading.
                guard count > 1, groupsThousands(text, by: symbol) else { return nil }
                whole = text.filter(\.isNumber)
            } else {
                return nil
            }
        case (nil, nil):
            // Only blanks were removed: "1 800" is 1800.
            guard raw.contains(where: { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" }) else { return nil }
        }
        guard !whole.isEmpty, whole.allSatisfy(\.isNumber), fraction.count <= 2, fraction.allSatisfy(\.isNumber) else {
            return nil
        }
        return whole + "." + fraction.padding(toLength: 2, withPad: "0", startingAt: 0)
    }

    /// `1.234.567` grouped by `.`: the first group 1–3 digits, the others exactly 3.
    static func groupsThousands(_ text: String, by mark: Character) -> Bool {
        let groups = text.split(separator: mark, omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 } && groups.allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    /// `oui`/`vrai` → `true`, `non`/`faux` → `false`.
    static func boolean(_ raw: String) -> String? {
        switch raw.lowercased().trimmingCharacters(in: .whitespaces) {
        case "oui", "vrai", "yes", "o", "y": return "true"
        case "non", "faux", "no", "n": return "false"
        default: return nil
        }
    }
}
