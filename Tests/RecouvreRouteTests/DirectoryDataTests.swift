import Foundation
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreRoute

/// Checks over the whole directory, against the rules and, when the source files are present,
/// against competences.json itself (the shipped TSV stores the source's own indices).
@Suite("Court directory data")
struct DirectoryDataTests {
    /// `../shared/data/courts/competences.json` beside the checkout, where the project keeps its sources.
    static let sourceFile = TestPaths.root.deletingLastPathComponent()
        .appendingPathComponent("shared/data/courts/competences.json")

    @Test(
        "every commune of the directory matches competences.json (cour d'appel, TJ, proximité, commerce)",
        .enabled(if: FileManager.default.fileExists(atPath: sourceFile.path)))
    func matchesSource() throws {
        let directory = try #require(Shipped.directory)
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: Self.sourceFile)) as? [String: Any])
        let table = try #require(json["c"] as? [String: [Int]])
        var checked = 0
        for commune in directory.allCommunes() where commune.kind != .commune || !commune.flags.contains("ARMS") {
            let row = try #require(table[commune.insee], "\(commune.insee) not in competences.json")
            #expect(commune.courDAppel == "ca\(row[0])", "\(commune.insee)")
            #expect(commune.tribunalJudiciaire == "tj\(row[1])", "\(commune.insee)")
            #expect(commune.tribunalDeProximite == (row[2] >= 0 ? "tp\(row[2])" : nil), "\(commune.insee)")
            if row[4] >= 0 { #expect(commune.commercialCourt == "tc\(row[4])", "\(commune.insee)") }
            checked += 1
        }
        #expect(checked > 34_900)
    }

    @Test("commercial claims: Alsace-Moselle → chambre commerciale, overseas → tribunal mixte, the 12 TAE seats → TAE")
    func commercialKindsEverywhere() throws {
        let directory = try #require(Shipped.directory)
        let rules = try #require(Shipped.rules)
        var taeCommunes = 0
        for commune in directory.allCommunes() {
            guard let id = commune.commercialCourt, let court = directory.court(id) else {
                #expect(commune.flags.contains("NOTC"), "\(commune.insee) has no commercial court and no flag")
                continue
            }
            let department = commune.department
            if rules.alsaceMoselle.contains(department) {
                #expect(court.kind == .chambreCommerciale, "\(commune.insee)")
            } else if rules.overseas.contains(department) || ["977", "978"].contains(department) {
                #expect(court.kind == .tribunalMixteDeCommerce, "\(commune.insee)")
            } else {
                #expect(court.kind == .tribunalDeCommerce, "\(commune.insee)")
            }
            if court.successor != nil { taeCommunes += 1 }
        }
        #expect(taeCommunes > 1_000)
        let successors = Set(directory.courts.values.compactMap(\.successor))
        #expect(successors.count == 12)
        #expect(successors.allSatisfy { directory.court($0)?.kind == .tribunalDesActivitesEconomiques })
    }

    @Test("no shipped address is outside its court's département, and the rejected ones have none")
    func addressesAreChecked() throws {
        let directory = try #require(Shipped.directory)
        for court in directory.courts.values {
            switch court.status {
            case .rejected, .missing: #expect(court.address == nil, "\(court.name)")
            case .ok, .unverified: #expect(court.postcode?.count == 5, "\(court.name)")
            }
        }
        // Known errors of the source annuaire, dropped by build.py.
        for id in directory.courts.keys
        where [
            "Tribunal judiciaire de Tarascon", "Tribunal judiciaire de Meaux",
            "Cour d'appel de Limoges",
        ].contains(directory.courts[id]!.name) {
            #expect(directory.courts[id]!.status == .rejected)
        }
        #expect(directory.courts["tae_le_havre"]?.status == .missing)
    }

    @Test("every département of metropolitan France and the five overseas départements has a tribunal administratif")
    func administrativeTable() throws {
        let directory = try #require(Shipped.directory)
        let departments = Set(directory.allCommunes().map(\.department)).subtracting(["977", "978"])
        for department in departments {
            let id = try #require(directory.administrativeCourts[department], "\(department)")
            #expect(directory.court(id)?.kind == .tribunalAdministratif)
        }
    }

    @Test("procedures.yaml: thresholds by date, forms and sources")
    func rules() throws {
        let rules = try #require(Shipped.rules)
        #expect(try rules.threshold("pspc", on: Day(iso: "2019-12-31")!).amount == 4_000)
        #expect(try rules.threshold("pspc", on: Day(iso: "2020-01-01")!).amount == 5_000)
        #expect(try rules.threshold("proximite", on: Build.asOf).amount == 10_000)
        #expect(try rules.threshold("tae_contribution", on: Build.asOf).amount == 50_000)
        #expect(try rules.form("commercial").form.cerfa == "12946*02")
        #expect(try rules.form("civil").form.cerfa == "12948*06")
        #expect(try rules.form("protection").form.cerfa == "16040*01")
        #expect(rules.europeanStates.count == 26 && !rules.europeanStates.contains("DK"))
        for values in rules.thresholds.values {
            for value in values { #expect(!value.source.isEmpty) }
        }
    }
}
