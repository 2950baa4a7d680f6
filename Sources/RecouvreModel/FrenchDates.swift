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

    /// `1er semestre 2026`.
    public func halfYear(_ half: HalfYear) -> String {
        MessageCatalogue.fill(halves[half.half - 1], ["year": String(half.year)])
    }

    /// `23 novembre 2026`; the first day of a month is `1er janvier 2026`.
    public func long(_ day: Day) -> String {
        "\(day.day == 1 ? firstDay : String(day.day)) \(months[day.month - 1]) \(day.year)"
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
