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
            #expect(throws: Never.self) { _ = try series.value(on: halfYear.start, what: .legal(particulier: false)) }
            #expect(throws: Never.self) { _ = try series.value(on: halfYear.end, what: .legal(particulier: false)) }
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
            #expect(throws: Never.self) { _ = try ecb.value(on: halfYear.start, what: .legal(particulier: false)) }
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
        #expect(try Money.plain(shippedTables.ecb.value(on: day(on), what: .legal(particulier: false)).rate) == rate)
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
        #expect(
            try Money.plain(shippedTables.legalParticulier.value(on: day(on), what: .legal(particulier: false)).rate)
                == particulier)
        #expect(
            try Money.plain(shippedTables.legalAutresCas.value(on: day(on), what: .legal(particulier: false)).rate)
                == autresCas)
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
            #expect(error.description.contains("1er semestre 2027"))
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
    @Test("half-year tables stop at the next 1 January or 1 July; the statutory parameters' fee the next day")
    func expiry() throws {
        let expiry = RateExpiry(shippedTables)
        // The pinned ECB table is checked through 2026-11-23, in the second half of 2026: the ECB rate is
        // read on 1 July for that half-year (C. com. L441-10 II), so every day up to 2026-12-31 is still
        // computed; the first refused day is 2027-01-01, the first day of a half-year it does not cover.
        let ecb = try #require(expiry.tables.first { $0.file == "rates/ecb-mro.yaml" })
        #expect(ecb.firstRefusedDay == day("2027-01-01") && ecb.statementsRefusedFrom == day("2027-01-01"))
        // The statutory parameters are checked through 2026-11-23 too, but the flat fee is read on the
        // first day of delay (D441-5): a fee arising on 2026-11-24 is refused; the margins answer to 2026-12-31.
        let statutory = try #require(expiry.tables.first { $0.readOnAnyDay })
        #expect(statutory.firstRefusedDay == day("2026-11-24"))
        #expect(statutory.statementsRefusedFrom == day("2027-01-01"))
        #expect(expiry.firstRefusedDay == day("2027-01-01"))

        // 2026-10-24 is 31 days before the fee stops: no warning; 2026-10-25 is 30 days before.
        #expect(expiry.warnings(today: day("2026-10-24"), messages: shippedMessages).isEmpty)
        let dayBefore = expiry.warnings(today: day("2026-10-25"), messages: shippedMessages)
        #expect(
            dayBefore.count == 1 && dayBefore[0].contains("paramètres légaux")
                && dayBefore[0].contains("dans 30 jour(s)"))
        // 2026-12-01: the fee is past, the ECB table is 31 days away (no warning yet); on 2026-12-02 both.
        let today = expiry.warnings(today: day("2026-12-01"), messages: shippedMessages)
        #expect(today.count == 1 && today[0].contains("sont refusées"))
        let tomorrow = expiry.warnings(today: day("2026-12-02"), messages: shippedMessages)
        // The ECB table and both taux légal tables stop on 2027-01-01: one warning names the three.
        #expect(tomorrow.count == 2, "\(tomorrow)")
        #expect(
            tomorrow.last
                == "Les tables de taux s'arrêtent : forms/rates/ecb-mro.yaml, forms/rates/legal-autres-cas.yaml, "
                + "forms/rates/legal-particulier.yaml : aucune valeur pour le semestre qui commence le 1er janvier 2027 "
                + "(dans 30 jour(s)) ; tout relevé atteignant ce jour sera refusé : mettez ces tables à jour.")
        let text = expiry.text(messages: shippedMessages)
        #expect(
            text.contains(
                "forms/rates/ecb-mro.yaml) : vérifiée jusqu'au 23 novembre 2026 ; lue au 1er janvier et au 1er juillet, "
                    + "elle ne permet plus aucun calcul à partir du 1er janvier 2027"))
        #expect(text.contains("refusées quand elles naissent à partir du 24 novembre 2026"))
        #expect(text.contains("valeur non vérifiée du 1er juillet 2026 au 31 décembre 2026 : 6,84"))
    }

    @Test("a statement after the ECB table's checked day but in the same half-year is computed")
    func sameHalfYearAfterCheckedDay() throws {
        // 2026-12-15 is after the ECB table's checked_through (2026-11-23) but in the same half-year: the
        // B2B default rate is the ECB rate in force on 1 July 2026 (2,40 %, row of 2026-06-17) + 10 = 12,40 %.
        let rate = try LatePaymentRules.defaultB2BRate(for: day("2026-12-15").halfYear, tables: shippedTables)
        #expect(rate.rate == Decimal(string: "12.40"))
    }

}
