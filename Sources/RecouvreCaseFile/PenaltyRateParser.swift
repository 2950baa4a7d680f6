import Foundation
import RecouvreModel

/// Reads `contract.penalty_rate`: a fixed annual rate in percent (`12.0`, `"12,5"` is refused like
/// an amount), `"ECB + 7"` (also `"BCE + 7"`, `"taux BCE + 7 points"`, any case), or `"3 x legal"`
/// (also `"3 × taux légal"`). C. com. L441-10 II allows a contractual rate; the floor of three
/// times the taux légal is the law engine's business, not the reader's.
public enum PenaltyRateParser {
    public static let expected = "attendu un taux en pour cent tel que 12.0, ou « ECB + 7 », ou « 3 x legal »"

    public enum Failure: Error, Equatable, Sendable {
        case notARate
        case tooManyDecimals
        case negative

        func message(for raw: String) -> String {
            let shown = CaseFileDecoder.shortened(raw)
            switch self {
            case .notARate: return "« \(shown) » n'est pas un taux de pénalité"
            case .tooManyDecimals: return "« \(shown) » a plus de 4 décimales"
            case .negative: return "« \(shown) » est négatif"
            }
        }
    }

    public static func parse(_ raw: String) -> Result<PenaltyRateClause, Failure> {
        var text = raw.lowercased().trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("%") { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
        if let number = rate(text) { return number.map { .fixed($0) } }
        let words = tokens(text)
        // "ecb + 7", "bce + 7 points", "taux bce + 7"
        var rest = words[...]
        if rest.first == "taux" { rest = rest.dropFirst() }
        if let first = rest.first, first == "ecb" || first == "bce" {
            rest = rest.dropFirst()
            guard rest.first == "+" else { return .failure(.notARate) }
            rest = rest.dropFirst()
            if let last = rest.last, last == "points" || last == "point" { rest = rest.dropLast() }
            guard rest.count == 1, let points = rate(rest.first!) else { return .failure(.notARate) }
            return points.map { .ecbPlus($0) }
        }
        // "3 x legal", "3 × taux légal", "3 * taux legal"
        rest = words[...]
        if let first = rest.first, let factor = rate(first) {
            rest = rest.dropFirst()
            guard let times = rest.first, ["x", "×", "*"].contains(times) else { return .failure(.notARate) }
            rest = rest.dropFirst()
            if rest.first == "taux" { rest = rest.dropFirst() }
            guard rest.count == 1, let word = rest.first, ["legal", "légal"].contains(word) else {
                return .failure(.notARate)
            }
            return factor.map { .legalTimes($0) }
        }
        return .failure(.notARate)
    }

    /// Splits on blanks, and around `+`, `x`/`×`/`*` written without spaces ("ECB+7", "3x legal").
    static func tokens(_ text: String) -> [String] {
        var spaced = ""
        var previous: Character?
        for character in text {
            if character == "+" || character == "×" || character == "*" {
                spaced += " \(character) "
            } else if character == "x", let previous, previous.isNumber {
                spaced += " x "
            } else {
                spaced.append(character)
            }
            previous = character
        }
        return spaced.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// A non-negative decimal with at most 4 decimals, or `nil` if `text` is not a number at all.
    static func rate(_ text: String) -> Result<Decimal, Failure>? {
        if text.hasPrefix("-"), rate(String(text.dropFirst())) != nil { return .failure(.negative) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 6,
            whole.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            if fraction.count > 4 { return .failure(.tooManyDecimals) }
        }
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        return .success(value)
    }
}
