import Foundation
import RecouvreModel

/// Reads the late-penalty clause an invoice carries (the `PMD` note of an e-invoice, a ledger column)
/// into the case's `penalty_rate`. C. com. L441-10 II requires invoices to state the penalty rate; it
/// may not be below three times the taux d'intérêt légal, and without a stated rate the ECB rate + 10
/// points applies — which is also what a clause citing it says.
///
/// Understood (accents, case and spacing ignored):
/// - "trois fois le taux d'intérêt légal", "3 fois le taux légal", "égal à 3 x le taux de l'intérêt légal" → `3 x legal`
/// - "taux BCE majoré de 10 points", "taux de refinancement de la BCE + 10 points", "taux directeur de la
///   Banque centrale européenne majoré de 10 points de pourcentage", "taux appliqué par la BCE à son
///   opération de refinancement la plus récente majoré de 10 points" → `ECB + 10`
/// - "12 % l'an", "taux annuel de 12 %", "12,5 % par an", "1 % par mois" (× 12) → `12.0`
///
/// Anything else is `unreadable`: the caller warns and keeps the clause text.
public enum PenaltyClauseParser {
    public enum Outcome: Sendable, Hashable {
        case rate(PenaltyRateClause)
        case unreadable
    }

    static let numberWords: [String: Decimal] = [
        "une": 1, "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
        "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
    ]

    public static func parse(_ clause: String) -> Outcome {
        let text = normalised(clause)
        let words = text.split(separator: " ").map(String.init)
        // "N fois le taux (d')intérêt légal"
        if text.contains("legal") {
            for (index, word) in words.enumerated() where word == "fois" || word == "x" || word == "×" {
                guard index > 0, let factor = number(words[index - 1]) else { continue }
                let rest = words[(index + 1)...].prefix(8)
                if rest.contains("legal") || rest.contains("legale") {
                    return .rate(.legalTimes(factor))
                }
            }
        }
        // The ECB rate plus N points.
        let citesECB =
            words.contains("bce") || words.contains("ecb") || text.contains("banque centrale europeenne")
            || text.contains("refinancement")
        if citesECB {
            for (index, word) in words.enumerated() where word == "points" || word == "point" {
                guard index > 0, let points = number(words[index - 1]) else { continue }
                let before = words[..<index].suffix(4)
                if before.contains("majore") || before.contains("majoree") || before.contains("+")
                    || before.contains("plus")
                    || before.contains("de")
                {
                    return .rate(.ecbPlus(points))
                }
            }
            // "BCE + 10"
            if let plus = words.firstIndex(of: "+"), plus + 1 < words.count, let points = number(words[plus + 1]) {
                return .rate(.ecbPlus(points))
            }
        }
        // "12 % l'an", "taux annuel de 12 %", "1 % par mois".
        for (index, word) in words.enumerated() where word == "%" {
            guard index > 0, let rate = number(words[index - 1]) else { continue }
            let after = words[(index + 1)...].prefix(4).joined(separator: " ")
            let around = Set(words[max(0, index - 6)..<min(words.count, index + 5)])
            if after.hasPrefix("par mois") || after.hasPrefix("mensuel") {
                return .rate(.fixed(rate * 12))
            }
            if !around.isDisjoint(with: ["an", "annuel", "annuelle", "annee", "annuellement"]) {
                return .rate(.fixed(rate))
            }
            if text.contains("penalite") || text.contains("interet") || text.contains("retard") {
                return .rate(.fixed(rate))
            }
        }
        return .unreadable
    }

    /// Lower case, accents removed, apostrophes and punctuation as spaces, `%` and `+` as words, the
    /// decimal comma of a number kept as a dot (`12,5` → `12.5`).
    static func normalised(_ clause: String) -> String {
        let folded = clause.folding(
            options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "fr_FR"))
        var out = ""
        var previous: Character = " "
        let characters = Array(folded)
        for (index, c) in characters.enumerated() {
            if c.isLetter || c.isNumber {
                out.append(c)
            } else if c == "," || c == ".", previous.isNumber, index + 1 < characters.count,
                characters[index + 1].isNumber
            {
                out.append(".")
            } else if c == "%" || c == "+" || c == "×" {
                out += " \(c) "
            } else {
                out.append(" ")
            }
            previous = c
        }
        return out.split(separator: " ").joined(separator: " ")
    }

    static func number(_ word: String) -> Decimal? {
        if let value = numberWords[word] { return value }
        guard word.first?.isNumber == true, word.allSatisfy({ $0.isNumber || $0 == "." }),
            word.filter({ $0 == "." }).count <= 1
        else { return nil }
        return Decimal(string: word, locale: Locale(identifier: "en_US_POSIX"))
    }
}
