import Foundation
import RecouvreForms
import RecouvreLaw
import RecouvreModel
import RecouvreTestSupport
import Testing

/// The tests compute with a frozen copy of the rate tables (Tests/Fixtures/forms-pinned/rates), so a
/// half-year added to forms/rates/ changes no test and no golden file. These tests hold the two
/// together: the shipped tables load, and they give the pinned rate on every day the pinned copy
/// covers. Appending rows or moving `checked_through` forward passes; changing a past value fails
/// here, and then the pinned copy and the goldens must follow (Tests/Fixtures/forms-pinned/README.md).
@Suite("Pinned rate tables agree with the shipped ones")
struct PinnedRatesTests {
    static let shipped: RateTables = {
        do { return try LawBook.load(forms: Forms(shipped: TestPaths.forms)).rates } catch { fatalError("\(error)") }
    }()
    static let pinned = shippedTables

    static let ids = ["ecb-mro", "legal-particulier", "legal-autres-cas"]

    static func series(_ id: String, in tables: RateTables) -> RateSeries {
        switch id {
        case "ecb-mro": return tables.ecb
        case "legal-particulier": return tables.legalParticulier
        default: return tables.legalAutresCas
        }
    }

    @Test("the shipped forms/rates/ load and have no gap or overlap")
    func shippedLoads() {
        for id in Self.ids {
            #expect(Self.series(id, in: Self.shipped).continuityProblems() == [], "\(id)")
        }
    }

    @Test(
        "every day the pinned copy covers has the same rate in the shipped tables",
        arguments: ids)
    func sameRates(id: String) throws {
        let pinned = Self.series(id, in: Self.pinned)
        let shipped = Self.series(id, in: Self.shipped)
        let covered = try #require(pinned.covered)
        // The shipped table reaches at least as far as the pinned one (tables only grow).
        #expect(shipped.checkedThrough >= pinned.checkedThrough)
        var day = covered.lowerBound
        while day <= covered.upperBound {
            let expected = try pinned.value(on: day, what: .legal(particulier: false)).rate
            let actual = try shipped.value(on: day, what: .legal(particulier: false)).rate
            #expect(actual == expected, "\(id) on \(day.iso): shipped \(actual), pinned \(expected)")
            if actual != expected { break }
            day = day.adding(days: 1)
        }
    }

    @Test("statutory parameters and prescription periods: the shipped values on every pinned date")
    func sameParameters() throws {
        let pinned = Self.pinned.statutory
        let shipped = Self.shipped.statutory
        #expect(shipped.checkedThrough >= pinned.checkedThrough)
        for name in StatutoryParameters.Name.allCases {
            for value in pinned.values[name] ?? [] {
                for day in [value.from, pinned.checkedThrough] where day >= value.from {
                    let expected = try pinned.value(name, on: day).value
                    #expect(try shipped.value(name, on: day).value == expected, "\(name.rawValue) on \(day.iso)")
                }
            }
        }
        #expect(Self.shipped.prescription == Self.pinned.prescription)
    }

    @Test("no shipped taux légal row before 2026 H2 is marked unverified")
    func noOldUnverifiedRow() {
        for series in [Self.shipped.legalParticulier, Self.shipped.legalAutresCas] {
            #expect(series.values.filter { $0.unverified && $0.from < Day(iso: "2026-07-01")! }.isEmpty, "\(series.id)")
        }
    }
}
