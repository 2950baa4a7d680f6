import Foundation
import RecouvreModel
import Testing

@testable import RecouvreCaseFile

/// The validator over a `Case` built by hand, as an importer builds one: its own locations (a CSV
/// cell, an XML element), its files in memory.
@Suite("Case validator")
struct CaseValidatorTests {
    static let creditor = Party(
        kind: .company, name: "Atelier Lumière", legalForm: "SARL", siren: "123456782",
        address: Address(lines: ["12 rue des Lilas"], postcode: "69003", city: "Lyon"))
    static let debtor = Party(
        kind: .company, name: "Bâtiments Durand", legalForm: "SAS", siren: "552100554",
        address: Address(lines: ["4 avenue Jean Jaurès"], postcode: "21000", city: "Dijon"))

    static func sample() -> Case {
        Case(
            reference: "T-1", asOf: Day(iso: "2026-11-23"), creditor: creditor, debtor: debtor,
            invoices: [
                Invoice(number: "F-1", issued: Day(iso: "2025-03-31")!, due: Day(iso: "2025-04-30")!, amount: 1800),
                Invoice(number: "F-2", issued: Day(iso: "2025-04-30")!, due: Day(iso: "2025-05-30")!, amount: 960),
            ])
    }

    @Test("a sound case has no problem")
    func sound() {
        #expect(
            CaseValidator.validate(
                Self.sample(), locations: SourceLocations(file: "x.csv"), exhibits: NoExhibitSource()
            ).isEmpty)
    }

    @Test("problems at the importer's locations: a CSV cell, an XML element with its path")
    func locations() {
        var value = Self.sample()
        value.invoices[1].number = "F-1"
        value.debtor.siren = "552100555"
        var locations = SourceLocations(file: "ledger.csv")
        locations.record("invoices[1].number", line: 3, column: 2)
        locations.record("invoices[0].number", line: 2, column: 2)
        locations.record(
            "debtor.siren",
            SourceLocation(file: "facture.xml", line: 14, context: "/Invoice/cac:AccountingCustomerParty"))
        let problems = CaseValidator.validate(value, locations: locations, exhibits: NoExhibitSource()).map(
            \.description)
        #expect(
            problems == [
                "facture.xml:14 (/Invoice/cac:AccountingCustomerParty): debtor.siren : SIREN 552100555 : la clé de contrôle (Luhn) est fausse (copiez le numéro du Kbis ou d'annuaire-entreprises.data.gouv.fr)",
                "ledger.csv:3:2: invoices[1] (F-1).number : « F-1 » est déjà le numéro de invoices[0] (ligne 2) (chaque facture figure une fois, avec son propre numéro)",
            ])
    }

    @Test("a path with no location of its own takes its nearest ancestor's, else the file")
    func nearest() {
        var locations = SourceLocations(file: "case.yaml")
        locations.record("invoices[0]", line: 7, column: 5)
        #expect(locations.location(of: "invoices[0].due") == SourceLocation(file: "case.yaml", line: 7, column: 5))
        #expect(locations.location(of: "debtor.name") == SourceLocation(file: "case.yaml"))
        #expect(SourceLocations.parent(of: "invoices[0].due") == "invoices[0]")
        #expect(
            SourceLocations.components(of: "events[2].invoices[0]") == [
                .key("events"), .index(2), .key("invoices"), .index(0),
            ])
    }

    @Test("nothing is said about a value the reader could not read")
    func unreadable() {
        var value = Self.sample()
        value.invoices[0].issued = Day(iso: "2025-12-31")!  // a placeholder after due
        var locations = SourceLocations(file: "case.yaml")
        #expect(!CaseValidator.validate(value, locations: locations, exhibits: NoExhibitSource()).isEmpty)
        locations.markUnreadable("invoices[0].issued")
        #expect(CaseValidator.validate(value, locations: locations, exhibits: NoExhibitSource()).isEmpty)
    }

    @Test("exhibit files through the source: present, missing, a folder, outside the folder")
    func exhibits() {
        var value = Self.sample()
        value.exhibits = [
            Exhibit(title: "Devis", file: "pieces/devis.pdf"),
            Exhibit(title: "Facture", file: "pieces/facture.pdf"),
            Exhibit(title: "Dossier", file: "pieces"),
            Exhibit(title: "Secret", file: "../secret"),
            Exhibit(title: "Shadow", file: "/etc/shadow"),
            Exhibit(title: "Détour", file: "pieces/../pieces/devis.pdf"),
        ]
        let source = MemoryExhibitSource(files: ["pieces/devis.pdf": Data("%PDF".utf8)])
        let problems = CaseValidator.validate(value, locations: SourceLocations(file: "c.yaml"), exhibits: source)
            .map(\.description)
        #expect(
            problems == [
                "c.yaml: exhibits[1] (Facture).file : « pieces/facture.pdf » n'existe pas (le chemin est relatif au répertoire du fichier du dossier)",
                "c.yaml: exhibits[2] (Dossier).file : « pieces » est un répertoire (nommez le fichier de la pièce)",
                "c.yaml: exhibits[3] (Secret).file : « ../secret » est hors du répertoire du dossier (un fichier du dossier est désigné par un chemin relatif au fichier du dossier, tel que pieces/devis.pdf)",
                "c.yaml: exhibits[4] (Shadow).file : « /etc/shadow » est hors du répertoire du dossier (un fichier du dossier est désigné par un chemin relatif au fichier du dossier, tel que pieces/devis.pdf)",
            ])
    }

    @Test(
        "paths are normalized inside the folder, or refused",
        arguments: [
            ("pieces/devis.pdf", "pieces/devis.pdf"), ("./pieces//devis.pdf", "pieces/devis.pdf"),
            ("a/../b.pdf", "b.pdf"), ("../b.pdf", nil), ("/etc/passwd", nil), ("a/../../b", nil), ("~/x", nil),
            ("C:\\x", nil), ("", nil), (".", nil),
        ] as [(String, String?)])
    func normalized(raw: String, expected: String?) {
        #expect(CaseValidator.normalizedPath(raw) == expected)
    }

    @Test("a path already normal is returned as it is: the same as the split by components, on generated paths")
    func normalShortcut() {
        // Components from an alphabet of the cases that matter: dots, empty ones, backslashes, a
        // combining mark after a slash or a dot, a prepended mark before a slash (one `Character`).
        let pieces = [
            "a", "pieces", ".", "..", "...", "", "é", "\u{301}", ".\u{301}", "\u{600}", "x\\y", "~", "C:", " ",
        ]
        var state: UInt64 = 14
        func below(_ count: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(count))
        }
        var shortcuts = 0
        for _ in 0..<20_000 {
            var raw = ""
            for index in 0..<(1 + below(4)) {
                if index > 0 { raw += below(6) == 0 ? "//" : "/" }
                raw += pieces[below(pieces.count)]
            }
            if below(10) == 0 { raw += "/" }
            let slow: String? =
                raw.hasPrefix("/") || raw.hasPrefix("\\") || raw.hasPrefix("~")
                    || (raw.utf8.count >= 2 && Array(raw.utf8)[1] == UInt8(ascii: ":"))
                ? nil : CaseValidator.normalizedBySplitting(raw)
            #expect(CaseValidator.normalizedPath(raw) == slow, "\(raw.unicodeScalars.map { $0.value })")
            if FolderExhibitSource.isPlainRelative(raw) { shortcuts += 1 }
        }
        #expect(shortcuts > 1_000)
    }
}
