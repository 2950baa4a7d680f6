/// A calendar day (year, month, day) in the proleptic Gregorian calendar.
///
/// Legal deadlines and interest periods are counted in whole days, never in instants: a `Date` would
/// drag a time zone in and shift a due date by one day around midnight. `Day` has no time and no zone.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid day, or `nil` when the month or the day does not exist (`2025-02-30`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` (ISO 8601 calendar date, four-digit year).
    public init?(iso text: String) {
        let scalars = Array(text.utf8)
        guard let day = scalars.withUnsafeBufferPointer({ Day.iso(utf8: $0) }) else { return nil }
        self = day
    }

    /// Exactly `YYYY-MM-DD` (as `init(iso:)`), read from UTF-8 bytes.
    @inlinable public static func iso(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        guard let y = digits(bytes, 0..<4), let m = digits(bytes, 5..<7), let d = digits(bytes, 8..<10) else {
            return nil
        }
        return Day(year: y, month: m, day: d)
    }

    /// The decimal number written by `bytes[range]`, ASCII digits only (nil on any other byte).
    @inlinable public static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let c = bytes[index]
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(c - UInt8(ascii: "0"))
        }
        return value
    }

    /// The day from its ordinal (days since 1970-01-01, which is 0).
    public init(ordinal: Int) {
        // Civil-from-days conversion (H. Hinnant's algorithm, public domain), exact for all Int days.
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        // Written as bytes for the four-digit years `init?(iso:)` reads: `archive list` prints two
        // dates on each of up to 100,000 lines.
        if (0...9999).contains(year) {
            return String(unsafeUninitializedCapacity: 10) { buffer in
                func put(_ value: Int, from start: Int, width: Int) {
                    var rest = value
                    for index in (start..<start + width).reversed() {
                        buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                        rest /= 10
                    }
                }
                put(year, from: 0, width: 4)
                put(month, from: 5, width: 2)
                put(day, from: 8, width: 2)
                buffer[4] = UInt8(ascii: "-")
                buffer[7] = UInt8(ascii: "-")
                return 10
            }
        }
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// The same day `months` months later, clamped to the last day of a shorter month
    /// (31 January + 1 month = 28 or 29 February), as deadlines "de mois à mois" are counted (CPC 641).
    public func adding(months: Int) -> Day {
        let total = (year * 12 + (month - 1)) + months
        let y = total / 12
        let m = total % 12 + 1
        return Day(year: y, month: m, day: min(day, Day.daysIn(month: m, year: y)))!
    }

    public func adding(years: Int) -> Day { adding(months: 12 * years) }

    /// Number of days from `earlier` to `later` (`later − earlier`): 0 for the same day.
    public static func - (later: Day, earlier: Day) -> Int { later.ordinal - earlier.ordinal }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    public var isLeapYear: Bool { Day.isLeap(year) }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The half-year this day falls in (H1 = January–June, H2 = July–December).
    public var halfYear: HalfYear { HalfYear(year: year, half: month <= 6 ? 1 : 2) }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (ordinal + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    // Codable as the ISO string, so JSON and YAML carry `YYYY-MM-DD`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "\(text) is not a YYYY-MM-DD date"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// A half-year: the unit in which the taux légal and the B2B reference rate are set
/// (C. mon. fin. L313-2; C. com. L441-10 II).
public struct HalfYear: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    /// 1 (January–June) or 2 (July–December).
    public let half: Int

    public init(year: Int, half: Int) {
        precondition(half == 1 || half == 2, "a half-year is 1 or 2")
        self.year = year
        self.half = half
    }

    public var start: Day { Day(year: year, month: half == 1 ? 1 : 7, day: 1)! }
    public var end: Day { Day(year: year, month: half == 1 ? 6 : 12, day: half == 1 ? 30 : 31)! }
    public var next: HalfYear { half == 1 ? HalfYear(year: year, half: 2) : HalfYear(year: year + 1, half: 1) }
    public var previous: HalfYear { half == 2 ? HalfYear(year: year, half: 1) : HalfYear(year: year - 1, half: 2) }

    /// `2025 H1`.
    public var description: String { "\(year) H\(half)" }

    // Written out by the catalogue's calendar (`FrenchDates.halfYear`, forms/messages/calendar.yaml).

    public static func < (lhs: HalfYear, rhs: HalfYear) -> Bool {
        (lhs.year, lhs.half) < (rhs.year, rhs.half)
    }
}
