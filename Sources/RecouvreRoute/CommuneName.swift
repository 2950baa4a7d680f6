import Foundation

/// Turns a commune name as users write it into a comparison key, so that "ST-ETIENNE CEDEX 2",
/// "Saint Étienne" and "Saint-Étienne" meet, "Paris 15e" meets "Paris 15e Arrondissement" and
/// "Le Havre" meets the official "Havre" (the postal data drops leading articles).
public enum CommuneName {
    /// The key: ASCII lower-case letters and digits, `st`/`ste` expanded, a `CEDEX` suffix, leading
    /// articles and arrondissement words removed.
    public static func key(_ name: String) -> String {
        var text = name.folding(
            options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "fr_FR")
        )
        .lowercased()
        text = text.replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
        // Words: split on anything that is not a letter or a digit.
        var words = text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }).map(String.init)
        if let cedex = words.firstIndex(of: "cedex") { words.removeSubrange(cedex...) }
        if let first = words.first, ["le", "la", "les", "l"].contains(first), words.count > 1 { words.removeFirst() }
        words = words.compactMap { word -> String? in
            switch word {
            case "st": return "saint"
            case "ste": return "sainte"
            case "arrondissement", "arr", "arrdt": return nil
            default: return ordinal(word) ?? word
            }
        }
        return words.joined()
    }

    /// "15e", "15eme", "1er", "2nd" → "15", "1", "2" (arrondissement numbers).
    static func ordinal(_ word: String) -> String? {
        guard let first = word.first, first.isNumber else { return nil }
        let digits = word.prefix(while: { $0.isNumber })
        let suffix = word.dropFirst(digits.count)
        return ["", "e", "eme", "er", "ere", "nd", "nde"].contains(String(suffix)) ? String(digits) : nil
    }
}
