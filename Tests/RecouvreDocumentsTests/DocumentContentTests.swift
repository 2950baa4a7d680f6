import Foundation
import Testing

@testable import RecouvreDocuments

@Suite("Documents as structured content")
struct DocumentContentTests {
    static let nbsp = "\u{00A0}"

    @Test("the markup gives blocks: sender, addressee, place and date, heading, table, list, signature")
    func parsesBlocks() throws {
        let markup = """

            ::sender
            Atelier Lumière
            12 rue des Lilas
            ::end

            ::addressee
            Bâtiments Durand
            21000 Dijon
            ::end
            ::place-date À Lyon, le 23 novembre 2026
            ::heading FACTURES
            Objet : relance
            Notre référence : 42
            - facture n° 1
            - facture n° 2
            ::table
            Principal | 1 180,00 €
            ::total Total | 1 229,73 €
            ::end
            ::signature
            Claire Martin

            Signature : ___
            ::end


            """
        let content = try DocumentContent.parse(markup: markup, file: "t")
        #expect(
            content.blocks == [
                .sender(lines: ["Atelier Lumière", "12 rue des Lilas"]), .space,
                .addressee(lines: ["Bâtiments Durand", "21000 Dijon"]),
                .placeAndDate("À Lyon, le 23 novembre 2026"), .heading("FACTURES"),
                .paragraph([.init(text: "Objet : relance"), .init(text: "Notre référence : 42")]),
                .list(
                    .init(
                        indent: 0, ordered: false,
                        items: [.init(marker: "-", text: "facture n° 1"), .init(marker: "-", text: "facture n° 2")])),
                .table(
                    .init(rows: [
                        .init(cells: ["Principal", "1 180,00 €"]),
                        .init(cells: ["Total", "1 229,73 €"], isTotal: true),
                    ])),
                .signature(lines: ["Claire Martin", "", "Signature : ___"]),
            ])
    }

    @Test("the text places the addressee and the date at column 50 and right-aligns the amounts")
    func textLayout() throws {
        let content = DocumentContent(blocks: [
            .addressee(lines: ["Bâtiments Durand"]), .space, .placeAndDate("À Lyon, le 1er mars 2026"), .space,
            .table(
                .init(rows: [
                    .init(cells: ["Principal", "1\(Self.nbsp)180,00\(Self.nbsp)€"]),
                    .init(cells: ["Pénalités", "9,73\(Self.nbsp)€"]),
                    .init(cells: ["Total", "1\(Self.nbsp)229,73\(Self.nbsp)€"], isTotal: true),
                ])),
        ])
        let lines = content.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let pad50 = String(repeating: " ", count: 50)
        #expect(lines[0] == pad50 + "Bâtiments Durand")
        #expect(lines[2] == pad50 + "À Lyon, le 1er mars 2026")
        // 4 columns of indent + a 60-column label + the widest amount (10): every amount ends at 74.
        #expect(lines[4] == "    Principal" + String(repeating: " ", count: 51) + "1\(Self.nbsp)180,00\(Self.nbsp)€")
        #expect(lines[5] == "    Pénalités" + String(repeating: " ", count: 55) + "9,73\(Self.nbsp)€")
        #expect(lines[4].count == 74 && lines[5].count == 74 && lines[6].count == 74)
        #expect(lines.last == "")  // one final newline
    }

    @Test("a label too long for its column puts the amount on the next line")
    func longLabel() {
        let label = String(repeating: "x", count: 60)
        let text = DocumentContent(blocks: [.table(.init(rows: [.init(cells: [label, "9,73 €"])]))]).text()
        #expect(text == "    \(label)\n" + String(repeating: " ", count: 64) + "9,73 €\n")
    }

    @Test(
        "a template error names the template and the line",
        arguments: [
            ("::tabel\n", "ligne 1 : directive inconnue « ::tabel »"),
            ("::table\nA | 1\n", "le bloc « ::table » de la ligne 1 n'est pas fermé"),
            ("x\n::end\n", "ligne 2 : « ::end » sans bloc ouvert"),
            ("::sender\n::addressee\n", "ligne 2 : « ::addressee » ouvert dans le bloc « ::sender »"),
            ("::total A | 1\n", "ligne 1 : « ::total » hors d'un bloc « ::table »"),
            ("::heading\n", "ligne 1 : « ::heading » sans texte"),
        ])
    func errors(markup: String, message: String) {
        #expect {
            try DocumentContent.parse(markup: markup, file: "templates/x.mustache")
        } throws: { error in
            "\(error)".contains("templates/x.mustache") && "\(error)".contains(message)
        }
    }

    @Test("every shipped template yields blocks of the kinds it declares", arguments: Samples.names)
    func shippedTemplates(name: String) throws {
        let dossier = try Samples.book.renderer.render(Samples.make(name).input)
        for document in dossier.documents {
            #expect(document.text == document.content.text())
            let kinds = Set(document.content.blocks.map { "\($0)".prefix(while: { $0 != "(" }) })
            switch document.kind {
            case .miseEnDemeure, .memoireEnReclamation:
                #expect(kinds.isSuperset(of: ["sender", "addressee", "placeAndDate", "table", "signature"]))
            case .releveDeCompte, .requeteInjonctionDePayer, .bordereauDePieces, .formulaireEuropeen:
                #expect(kinds.contains("title"))
            case .declarationDeCreance, .requeteReleveDeForclusion, .lettreAuCommissaireDeJustice,
                .requetePetitesCreances, .demandeDExecution:
                #expect(kinds.isSuperset(of: ["sender", "addressee", "placeAndDate", "signature"]))
            case .decompteDuTitre:
                #expect(kinds.isSuperset(of: ["title", "table"]))
            case .requeteRefereProvision:
                #expect(kinds.isSuperset(of: ["addressee", "title", "table", "placeAndDate", "signature"]))
            }
        }
    }

    /// Issue 12 (large cases): a markup without a carriage return is cut into lines with memchr over
    /// its bytes; one with a carriage return goes through the `Character` scan. A carriage return
    /// followed by a space at a line's end is trimmed away, so both markups below must give the same
    /// content — and the same line numbers in errors.
    @Test("the byte scan and the Character scan cut the same lines")
    func byteAndCharacterScansAgree() throws {
        let markups = [
            "", "\n", "a", "a\n", "a\n\n\nb", "\n\nÀ Lyon\n", "::heading FACTURES\nPrestation n° 1 : 1 234,56 €\n",
            "::table\nPrincipal | 1 180,00 €\n::total Total | 1 229,73 €\n::end\n- un\n- deux\n1. trois\n\n  retrait\n",
            "ligne\u{00A0}insécable — “guillemets” …\n::page\n::signature\nClaire\n\n::end",
            "- a\n-b\n- \n12.x\n12. y\n  3. z\n  3. w\n  - v\n1.\n-\n   \n\t tab\n€ 12\n",
            "café\u{0301} ::x\n  ::y\u{0301}\n",
            "::sender\n  nom  \n\n::end\n  ::heading H\n",
        ]
        for markup in markups {
            // Every line ends with " \r " (trimmed): each takes the Character scan and the Character
            // reading of its line.
            let withReturn = markup.replacingOccurrences(of: "\n", with: " \r \n") + " \r "
            #expect(
                try DocumentContent.parse(markup: markup, file: "t")
                    == DocumentContent.parse(markup: withReturn, file: "t"), "\(markup.debugDescription)")
        }
        for broken in ["a\nb\n::table\nx | 1\n", "\n\n\n::end\n", "x\n::heading\n"] {
            let withReturn = broken.replacingOccurrences(of: "\n", with: " \r \n")
            func message(_ markup: String) -> String {
                do {
                    _ = try DocumentContent.parse(markup: markup, file: "t")
                    return "parsed"
                } catch { return "\(error)" }
            }
            #expect(message(broken) != "parsed")
            #expect(message(broken) == message(withReturn))
        }
    }

    @Test("the text's reservation covers its bytes without doubling them")
    func textReservation() throws {
        var markup = "::heading FACTURES\n"
        for index in 1...500 {
            markup += "Facture n° FA-\(index) du 01/02/2024, échue le 02/03/2024\n"
            markup +=
                "    du 03/03/2024 au 30/06/2024  120 j  base 1\u{00A0}234,56\u{00A0}€  taux 14,50\u{00A0}%  = 58,86\u{00A0}€\n"
        }
        markup += "::table\nPrincipal | 1 180,00 €\n::total Total | 1 229,73 €\n::end\n"
        let content = try DocumentContent.parse(markup: markup, file: "t")
        let bytes = content.text().utf8.count
        let estimate = content.estimatedBytes()
        #expect(estimate >= bytes)
        #expect(estimate <= bytes + bytes / 8 + 256)
    }
}
