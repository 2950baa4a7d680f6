/// The words of a date written out (`1er janvier 2026`, `23 novembre 2026`), worded in
/// `forms/messages/calendar.yaml`: the months and the ordinal of the first day (French typography
/// writes `1er`). A firm's `--forms` override of that file changes every date the documents, the
/// statement, the route and `check` print.
public enum CalendarWord: CatalogueReason, Hashable {
    public static let section = "calendar"

    case january, february, march, april
    case may, june, july, august
    case september, october, november, december
    /// The first day of a month (`1er`).
    case firstDay
    /// `1er semestre 2026`, `2d semestre 2026`.
    case firstHalf(year: String)
    case secondHalf(year: String)
}

/// A date written out with the catalogue's month names, resolved once (when a stage is made from the
/// law book), not at each date printed.
public struct FrenchDates: Sendable, Hashable {
    /// The twelve months, January first.
    public let months: [String]
    /// `1er`.
    public let firstDay: String
    /// `1er semestre {year}`, `2d semestre {year}`.
    let halves: [String]

    public init(messages: MessageCatalogue) { self = messages.dates }

    init(entries: [String: String]) {
        let words: [CalendarWord] = [
            .january, .february, .march, .april, .may, .june, .july, .august, .september, .october, .november,
            .december,
        ]
        func word(_ key: String) -> String {
            entries["\(CalendarWord.section).\(key)"] ?? "[\(CalendarWord.section).\(key)]"
        }
        months = words.map { word($0.catalogueName) }
        firstDay = word("firstDay")
        halves = [word("firstHalf"), word("secondHalf")]
    }

    /// `1er semestre 2026`. (No dictionary per call: the one value is `year`, matched as the
    /// dictionary `["year": …]` matched a placeholder's name, by `String` equality.)
    public func halfYear(_ half: HalfYear) -> String {
        let year = String(half.year)
        return MessageCatalogue.fill(halves[half.half - 1]) { $0 == "year" ? year : nil }
    }

    /// `23 novembre 2026`; the first day of a month is `1er janvier 2026`.
    public func long(_ day: Day) -> String {
        let month = months[day.month - 1]
        // Fast path: the same bytes as the interpolation (`longInterpolated`), written into one string
        // of the exact length: the day (or `firstDay`), a space, the month, a space, the year's digits.
        let dayCount = day.day == 1 ? firstDay.utf8.count : Self.digitCount(day.day)
        let total = dayCount + 1 + month.utf8.count + 1 + Self.digitCount(day.year)
        return String(unsafeUninitializedCapacity: total) { output in
            var at = 0
            func copy(_ text: String) {
                var text = text
                text.withUTF8 { bytes in
                    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
                    (output.baseAddress! + at).update(from: base, count: bytes.count)
                    at += bytes.count
                }
            }
            func digits(_ value: Int) {
                let count = Self.digitCount(value)
                var magnitude = value.magnitude
                if value < 0 { output[at] = UInt8(ascii: "-") }
                var index = at + count - 1
                repeat {
                    output[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                    magnitude /= 10
                    index -= 1
                } while magnitude > 0
                at += count
            }
            if day.day == 1 { copy(firstDay) } else { digits(day.day) }
            output[at] = UInt8(ascii: " ")
            at += 1
            copy(month)
            output[at] = UInt8(ascii: " ")
            at += 1
            digits(day.year)
            return at
        }
    }

    /// The reference `long` (the interpolation the fast path replaces), for the test.
    func longInterpolated(_ day: Day) -> String {
        "\(day.day == 1 ? firstDay : String(day.day)) \(months[day.month - 1]) \(day.year)"
    }

    /// The length of `String(value)`: its decimal digits, and a minus sign below zero.
    static func digitCount(_ value: Int) -> Int {
        var magnitude = value.magnitude
        var count = value < 0 ? 2 : 1
        while magnitude >= 10 {
            magnitude /= 10
            count += 1
        }
        return count
    }
}

/// The small numbers a letter writes in words before the figures (`huit (8)` days to pay), worded in
/// `forms/messages/calendar.yaml`.
public enum NumberWord: CatalogueReason, Hashable {
    public static let section = "calendar"

    case one, two, three, four, five
    case six, seven, eight, nine, ten
    case fifteen, twenty, thirty

    /// The word for `count`, if a letter writes it in words.
    public init?(_ count: Int) {
        let words: [Int: NumberWord] = [
            1: .one, 2: .two, 3: .three, 4: .four, 5: .five, 6: .six, 7: .seven, 8: .eight, 9: .nine, 10: .ten,
            15: .fifteen, 20: .twenty, 30: .thirty,
        ]
        guard let word = words[count] else { return nil }
        self = word
    }
}
