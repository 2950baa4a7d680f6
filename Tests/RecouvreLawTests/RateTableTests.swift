import Foundation
import RecouvreForms
import RecouvreLaw
import RecouvreModel
import RecouvreTestSupport
import Testing

@Suite("Rate tables")
struct RateTableTests {
    @Test(
        "every taux légal series covers each half-year from 2006 to 2026 H2 exactly once",
        arguments: [shippedTables.legalParticulier, shippedTables.legalAutresCas])
    func legalSeriesHasNoGap(series: RateSeries) throws {
        #expect(series.continuityProblems() == [])
        var halfYear = HalfYear(year: 2006, half: 1)
        while halfYear <= HalfYear(year: 2026, half: 2) {
            // Both the first and the last day of every half-year must find a value.
            #expect(throws: Never.self) { _ = try series.value(on: halfYear.start, what: "taux") }
            #expect(throws: Never.self) { _ = try series.value(on: halfYear.end, what: "taux") }
            halfYear = halfYear.next
        }
        #expect(series.values.allSatisfy { !$0.source.isEmpty })
    }

    @Test("the ECB series is sorted, sourced and covers every day from 2008-12-10 to its check date")
    func ecbSeries() throws {
        let ecb = shippedTables.ecb
        #expect(ecb.continuityProblems() == [])
        #expect(ecb.covered == day("2008-12-10")...day("2026-11-23"))
        var halfYear = HalfYear(year: 2009, half: 1)
        while halfYear.start <= ecb.checkedThrough {
            #expect(throws: Never.self) { _ = try ecb.value(on: halfYear.start, what: "ECB") }
            halfYear = halfYear.next
        }
    }

    @Test(
        "ECB cross-checks of domain.md",
        arguments: [
            ("2025-01-01", "3.15"), ("2025-07-01", "2.15"), ("2024-07-01", "4.25"), ("2024-01-01", "4.50"),
            ("2026-07-01", "2.40"), ("2016-03-16", "0.00"), ("2016-03-15", "0.05"),
        ])
    func ecbCrossChecks(on: String, rate: String) throws {
        #expect(try Money.plain(shippedTables.ecb.value(on: day(on), what: "ECB").rate) == rate)
    }

    @Test(
        "taux légal values of domain.md",
        arguments: [
            ("2015-01-01", "4.06", "0.93"), ("2015-07-01", "4.29", "0.99"), ("2016-01-01", "4.54", "1.01"),
            ("2016-07-01", "4.35", "0.93"), ("2017-01-01", "4.16", "0.90"), ("2017-07-01", "3.94", "0.90"),
            ("2018-01-01", "3.73", "0.89"), ("2018-07-01", "3.60", "0.88"), ("2019-01-01", "3.40", "0.86"),
            ("2019-07-01", "3.26", "0.87"), ("2020-01-01", "3.15", "0.87"), ("2020-07-01", "3.11", "0.84"),
            ("2021-01-01", "3.14", "0.79"), ("2021-07-01", "3.12", "0.76"), ("2022-01-01", "3.13", "0.76"),
            ("2022-07-01", "3.15", "0.77"), ("2023-01-01", "4.47", "2.06"), ("2023-07-01", "6.82", "4.22"),
            ("2024-01-01", "8.01", "5.07"), ("2024-07-01", "8.16", "4.92"), ("2025-01-01", "7.21", "3.71"),
            ("2025-07-01", "6.65", "2.76"), ("2026-01-01", "6.67", "2.62"), ("2026-07-01", "6.84", "2.75"),
            ("2006-06-30", "2.11", "2.11"), ("2010-01-01", "0.65", "0.65"), ("2014-12-31", "0.04", "0.04"),
        ])
    func legalValues(on: String, particulier: String, autresCas: String) throws {
        #expect(try Money.plain(shippedTables.legalParticulier.value(on: day(on), what: "").rate) == particulier)
        #expect(try Money.plain(shippedTables.legalAutresCas.value(on: day(on), what: "").rate) == autresCas)
    }

    @Test("only 2026 H2 is marked unverified")
    func unverified() {
        for series in [shippedTables.legalParticulier, shippedTables.legalAutresCas] {
            #expect(series.values.filter(\.unverified).map(\.from) == [day("2026-07-01")])
        }
    }

    @Test("a gap or an overlap is found")
    func continuityDetectsProblems() {
        let gap = RateSeries(
            id: "x", name: "x", file: "rates/x.yaml", source: "s", checkedThrough: day("2025-12-31"),
            values: [
                DatedRate(from: day("2025-01-01"), to: day("2025-06-29"), rate: 1, source: "a"),
                DatedRate(from: day("2025-07-01"), to: day("2025-12-31"), rate: 1, source: "b"),
            ])
        #expect(gap.continuityProblems() == ["gap from 2025-06-30 to 2025-06-30"])
        let overlap = RateSeries(
            id: "x", name: "x", file: "rates/x.yaml", source: "s", checkedThrough: day("2025-12-31"),
            values: [
                DatedRate(from: day("2025-01-01"), to: day("2025-07-01"), rate: 1, source: "a"),
                DatedRate(from: day("2025-07-01"), to: day("2025-12-31"), rate: 1, source: "b"),
            ])
        #expect(overlap.continuityProblems().count == 1)
    }

    @Test("past the last table the statement is refused, naming the half-year and the file")
    func refusalPastTheTables() throws {
        let claim = makeCase(invoices: [invoice("F1", due: "2026-12-15", "1000")])
        do {
            _ = try StatementEngine(tables: shippedTables, messages: shippedMessages).statement(
                for: claim, asOf: day("2027-01-15"))
            Issue.record("a day after the ECB table's check date must be refused")
        } catch let error as RateTableError {
            #expect(error.exitCode == 3)
            #expect(error.description.contains("2027 H1"))
            #expect(error.description.contains("forms/rates/ecb-mro.yaml"))
        }
        let civil = makeCase(
            creditor: person, debtor: personDebtor, invoices: [invoice("F1", due: "2026-11-30", "1000")],
            events: [notice(sent: "2026-11-30", received: "2026-12-01")])
        #expect(throws: RateTableError.self) {
            _ = try StatementEngine(tables: shippedTables, messages: shippedMessages).statement(
                for: civil, asOf: day("2027-01-05"))
        }
    }

    @Test("a --forms folder overrides a table file by file")
    func overrideFileByFile() throws {
        let folder = try TestPaths.temporaryFolder("law-forms")
        defer { try? FileManager.default.removeItem(at: folder) }
        let rates = folder.appendingPathComponent("rates")
        try FileManager.default.createDirectory(at: rates, withIntermediateDirectories: true)
        var text = try String(contentsOf: TestPaths.pinnedRates.appendingPathComponent("ecb-mro.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "checked_through: 2026-11-23", with: "checked_through: 2027-03-31")
        try text.write(to: rates.appendingPathComponent("ecb-mro.yaml"), atomically: true, encoding: .utf8)
        // The statutory parameters are bounded by their own checked_through, like the rate series.
        var statutory = try String(
            contentsOf: TestPaths.pinnedRates.appendingPathComponent("statutory.yaml"), encoding: .utf8)
        statutory = statutory.replacingOccurrences(
            of: "checked_through: 2026-11-23", with: "checked_through: 2027-03-31")
        try statutory.write(to: rates.appendingPathComponent("statutory.yaml"), atomically: true, encoding: .utf8)
        let tables = try LawBook.load(forms: Forms(shipped: TestPaths.pinnedForms, override: folder)).rates
        // 2027 H1 default: ECB 2.65 (from 2026-09-16, still in force on 2027-01-01) + 10 = 12.65:
        // 1000 × 12.65 % × 31 / 365 = 10.7438 → 10.74 (2026-12-16 to 12-31 at 12.40: 1000 × 12.40 % × 16 / 365 = 5.4356 → 5.44)
        let claim = makeCase(invoices: [invoice("F1", due: "2026-12-15", "1000")])
        let statement = try StatementEngine(tables: tables, messages: shippedMessages).statement(
            for: claim, asOf: day("2027-01-31"))
        #expect(statement.invoices[0].periods.map { Money.plain($0.amount) } == ["5.44", "10.74"])
        #expect(tables.legalAutresCas.file == "rates/legal-autres-cas.yaml")
    }

    @Test("a malformed table is an exit-3 error naming the file and the key")
    func malformed() {
        let text =
            "id: x\nname: x\nsource: s\nchecked_through: 2026-01-01\nvalues:\n  - { from: 2025-13-01, rate: \"1.00\", source: s }\n"
        #expect(
            throws: RateTableError.malformed(
                file: "rates/x.yaml", problem: "values[0].from: « 2025-13-01 » n'est pas une date AAAA-MM-JJ")
        ) {
            _ = try RateTableParser.series(text, file: "rates/x.yaml", periods: false)
        }
    }
}

/// `recouvre rates` and the 30-day warning of `check` and `build` (RateExpiry).
@Suite("Rate tables that expire")
struct RateExpiryTests {
    @Test("the first refused day is the day after the earliest table's last covered day; warned 30 days ahead")
    func expiry() {
        let expiry = RateExpiry(shippedTables)
        // Pinned ECB and statutory tables are checked through 2026-11-23: the 24th is refused.
        #expect(expiry.firstRefusedDay == day("2026-11-24"))
        #expect(expiry.warning(today: day("2026-10-24"), messages: shippedMessages) == nil)  // 31 days ahead
        #expect(
            expiry.warning(today: day("2026-10-25"), messages: shippedMessages)?.contains("dans 30 jour(s)") == true)
        #expect(expiry.warning(today: day("2026-12-01"), messages: shippedMessages)?.contains("dépassées") == true)
        let text = expiry.text(messages: shippedMessages)
        #expect(
            text.contains(
                "forms/rates/ecb-mro.yaml) : vérifiée jusqu'au 23 novembre 2026 ; aucun calcul possible à partir du 24 novembre 2026"
            ))
        #expect(text.contains("valeur non vérifiée du 1er juillet 2026 au 31 décembre 2026 : 6,84"))
    }
}
