import PropertyBased
import Testing

@testable import RecouvreModel

@Suite("Day: calendar days without time zones")
struct DayTests {
    @Test(
        "parses and prints YYYY-MM-DD",
        arguments: [
            "2025-01-01", "2024-02-29", "2000-02-29", "1999-12-31", "2026-11-23",
            "0001-01-01", "0987-06-05", "9999-12-31",
        ])
    func roundTrip(text: String) throws {
        let day = try #require(Day(iso: text))
        #expect(day.iso == text)
        #expect(Day(ordinal: day.ordinal) == day)
    }

    @Test(
        "refuses what is not a calendar date",
        arguments: [
            "2025-02-30", "2023-02-29", "1900-02-29", "2025-13-01", "2025-00-10", "2025-1-1",
            "25-01-01", "2025/01/01", "", "2025-01-01T00:00", "２０２５-01-01", "2025-04-31",
        ])
    func refuses(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test("day arithmetic across month, year and leap day")
    func arithmetic() throws {
        let d = try #require(Day(iso: "2024-02-28"))
        #expect(d.adding(days: 1).iso == "2024-02-29")
        #expect(d.adding(days: 2).iso == "2024-03-01")
        #expect(try #require(Day(iso: "2025-01-01")) - (try #require(Day(iso: "2024-01-01"))) == 366)
        #expect(try #require(Day(iso: "2026-01-01")) - (try #require(Day(iso: "2025-01-01"))) == 365)
        #expect(Day(iso: "1970-01-01")?.ordinal == 0)
        #expect(Day(iso: "2025-01-31")?.adding(months: 1).iso == "2025-02-28")
        #expect(Day(iso: "2024-01-31")?.adding(months: 1).iso == "2024-02-29")
        #expect(Day(iso: "2025-11-30")?.adding(months: 2).iso == "2026-01-30")
        #expect(Day(iso: "2026-11-23")?.weekday == 1)  // a Monday
    }

    @Test("half-years start on 1 January and 1 July")
    func halfYears() throws {
        #expect(Day(iso: "2025-06-30")?.halfYear == HalfYear(year: 2025, half: 1))
        #expect(Day(iso: "2025-07-01")?.halfYear == HalfYear(year: 2025, half: 2))
        #expect(HalfYear(year: 2025, half: 2).next == HalfYear(year: 2026, half: 1))
        #expect(HalfYear(year: 2025, half: 2).end.iso == "2025-12-31")
        #expect(HalfYear(year: 2026, half: 1).previous.start.iso == "2025-07-01")
        #expect(Day.isLeap(2000) && !Day.isLeap(1900) && Day.isLeap(2024) && !Day.isLeap(2025))
    }

    @Test("ordinal and day agree over generated days")
    func ordinalProperty() async {
        await propertyCheck(input: Gen.int(in: -719_162...2_900_000)) { n in
            let day = Day(ordinal: n)
            #expect(day.ordinal == n)
            #expect(Day(iso: day.iso) == day)
            #expect(day.adding(days: 1) > day)
        }
    }
}
