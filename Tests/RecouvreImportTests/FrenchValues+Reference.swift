import Foundation

@testable import RecouvreImport

extension FrenchValues {
    /// `FrenchValues.amount` as first written (arrays of digits and separators): the reference the
    /// one-pass version is compared with.
    static func generalAmount(_ raw: Substring) -> Decimal? {
        var negative = false
        var digits: [UInt8] = []
        digits.reserveCapacity(raw.utf8.count)
        var separators: [(index: Int, byte: UInt8)] = []
        var sawDigit = false
        var sawSign = false
        var parenthesis = false
        var trailingSign = false
        let utf8 = raw.utf8
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if trailingSign { return nil }
                digits.append(byte)
                sawDigit = true
            case UInt8(ascii: ","), UInt8(ascii: "."):
                guard sawDigit || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") else { return nil }
                if trailingSign { return nil }
                separators.append((digits.count, byte))
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                if sawDigit {
                    guard !sawSign else { return nil }
                    trailingSign = true
                } else if sawSign {
                    return nil
                }
                sawSign = true
                if byte == UInt8(ascii: "-") { negative = true }
            case UInt8(ascii: "("):
                guard !sawDigit, !parenthesis else { return nil }
                parenthesis = true
                negative = true
            case UInt8(ascii: ")"):
                guard parenthesis, sawDigit else { return nil }
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "'"):
                continue
            case 0xC2, 0xA0, 0xE2, 0x80, 0xAF, 0x82, 0xAC:
                // U+00A0, U+202F (no-break spaces) and the euro sign U+20AC, byte by byte.
                continue
            case UInt8(ascii: "E"), UInt8(ascii: "U"), UInt8(ascii: "R"):
                continue
            default:
                return nil
            }
        }
        guard sawDigit else { return nil }
        // The decimal separator: the last comma, else a lone dot followed by 1 or 2 digits.
        var decimalAt: Int?
        let commas = separators.filter { $0.byte == UInt8(ascii: ",") }
        let dots = separators.filter { $0.byte == UInt8(ascii: ".") }
        if let last = commas.last {
            guard commas.count == 1, dots.allSatisfy({ $0.index < last.index }) else { return nil }
            decimalAt = last.index
        } else if dots.count == 1, let dot = dots.first, digits.count - dot.index <= 2 || digits.count - dot.index > 3 {
            decimalAt = dot.index
        } else if dots.count == 1, let dot = dots.first, digits.count - dot.index == 3 {
            // `1.234`: thousands in the French way; `12.345` could be three decimals. Refused as ambiguous.
            _ = dot
            return nil
        }
        let fractionCount = decimalAt.map { digits.count - $0 } ?? 0
        guard fractionCount <= 4, digits.count <= 19 else { return nil }
        var units: UInt64 = 0
        for byte in digits { units = units * 10 + UInt64(byte - UInt8(ascii: "0")) }
        let value = Decimal(sign: negative ? .minus : .plus, exponent: -fractionCount, significand: Decimal(units))
        return value
    }
}
