import Foundation
import RecouvreDocuments
import RecouvreTestSupport
import Testing

/// Each document carries the mentions the law or practice requires (domain.md §5), checked one by
/// one rather than through a snapshot alone.
@Suite("Mandatory mentions")
struct MandatoryMentionsTests {
    static func text(_ sample: String, _ kind: DocumentKind) throws -> String {
        // The notice stage holds the mise en demeure, the court stage the requête and its companions.
        let documents = try Samples.make(sample).stages.flatMap { try Samples.book.renderer.render($0).documents }
        let document = try #require(documents.first { $0.kind == kind }, "\(sample) has no \(kind)")
        // Compare on plain spaces and unwrapped lines: the layout is not the mention.
        return document.text.replacingOccurrences(of: "\u{00A0}", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    // MARK: Mise en demeure (C. civ. 1344)

    @Test(
        "notice: sent by registered letter with acknowledgement", arguments: ["b2b-injonction", "consumer-injonction"])
    func noticeRegisteredLetter(sample: String) throws {
        #expect(
            try Self.text(sample, .miseEnDemeure).lowercased().contains("lettre recommandée avec accusé de réception"))
    }

    @Test("notice: names both parties")
    func noticeParties() throws {
        let text = try Self.text("b2b-injonction", .miseEnDemeure)
        #expect(text.contains("Atelier Lumière"))
        #expect(text.contains("Bâtiments Durand"))
        #expect(text.contains("4 avenue Jean Jaurès"))
    }

    @Test("notice: lists the invoices and the amounts")
    func noticeInvoices() throws {
        let text = try Self.text("b2b-injonction", .miseEnDemeure)
        #expect(text.contains("FA2025-118"))
        #expect(text.contains("1 800,00 €"))
        #expect(text.contains("1 180,00 €"))
        #expect(text.contains("1 229,73 €"))
    }

    @Test("notice: demands payment within 8 days between professionals, 15 days for a consumer")
    func noticeTimeLimit() throws {
        let b2b = try Self.text("b2b-injonction", .miseEnDemeure)
        #expect(b2b.contains("mettons en demeure"))
        #expect(b2b.contains("huit (8) jours"))
        // The time runs from the receipt, unknown when the letter is written: no calendar deadline is
        // printed, which would shorten the time if the letter were received after the date it was written.
        #expect(b2b.contains("huit (8) jours à compter de la réception de la présente."))
        #expect(!b2b.contains("au plus tard"))
        let consumer = try Self.text("consumer-injonction", .miseEnDemeure)
        #expect(consumer.contains("quinze (15) jours"))
        #expect(consumer.contains("à compter de la réception de la présente"))
        #expect(!consumer.contains("au plus tard"))
    }

    @Test("notice B2B: penalties and the 40 € fee with L441-10 and D441-5")
    func noticeB2BWording() throws {
        let text = try Self.text("b2b-injonction", .miseEnDemeure)
        #expect(text.contains("pénalités de retard"))
        #expect(text.contains("L441-10 II"))
        #expect(text.contains("D441-5"))
        #expect(text.contains("40 €"))
        #expect(text.contains("13,15 %"))
        #expect(!text.contains("taux légal"))
    }

    @Test("notice consumer: taux légal interest from receipt (1231-6, 1344-1), no fee")
    func noticeConsumerWording() throws {
        let text = try Self.text("consumer-injonction", .miseEnDemeure)
        // The sample's debtor already received a first notice: interest runs from that receipt.
        #expect(text.contains("produit intérêts au taux légal depuis la réception de notre précédente mise en demeure"))
        #expect(text.contains("1231-6"))
        #expect(text.contains("1344-1"))
        #expect(!text.contains("D441-5"))
        #expect(!text.contains("40 €"))
        #expect(!text.contains("forfaitaire"))
    }

    @Test(
        "notice: announces the next step from the route",
        arguments: [
            ("b2b-injonction", "requête en injonction de payer devant le tribunal de commerce de Dijon"),
            ("b2b-pspc", "procédure simplifiée de recouvrement des petites créances"),
            ("eu-order", "injonction de payer européenne"),
        ])
    func noticeNextStep(sample: String, step: String) throws {
        #expect(try Self.text(sample, .miseEnDemeure).contains(step))
    }

    @Test("notice, first demand to a consumer: taux légal interest from the receipt of this letter")
    func noticeFirstDemand() throws {
        let text = try Self.text("lease-injonction", .miseEnDemeure)
        #expect(
            text.contains("produira intérêts au taux légal à compter de la réception de la présente mise en demeure"))
        #expect(!text.contains("forfaitaire"))
    }

    @Test("notice: dated and with a signature block")
    func noticeDateAndSignature() throws {
        let text = try Self.text("b2b-injonction", .miseEnDemeure)
        #expect(text.contains("À Lyon, le 23 novembre 2026"))
        #expect(text.contains("Claire Martin, gérante Signature :"))
    }

    // MARK: Relevé de compte

    @Test("statement: every invoice with its dates and amounts")
    func statementInvoices() throws {
        let text = try Self.text("b2b-injonction", .releveDeCompte)
        #expect(text.contains("Facture n° FA2025-118 du 31/03/2025, échue le 30/04/2025"))
        #expect(text.contains("Montant TTC 1 800,00 €"))
    }

    @Test("statement: payments and credit notes with their imputation")
    func statementImputation() throws {
        let text = try Self.text("b2b-injonction", .releveDeCompte)
        #expect(
            text.contains(
                "Paiement du 02/06/2025 : 500,00 € (réf. VIR-0320) imputé : 500,00 € sur la facture FA2025-118"))
        #expect(text.contains("Avoir du 15/05/2025 : 120,00 €"))
    }

    @Test("statement: penalty lines with from, to, days, base, rate, amount and source")
    func statementPeriods() throws {
        let text = try Self.text("b2b-injonction", .releveDeCompte)
        #expect(text.contains("du 01/05/2025 au 15/05/2025 15 j base 1 800,00 € taux 13,15 % = 9,73 €"))
        #expect(text.contains("source : ECB MRO 3.15 on 2025-01-01 + 10 (C. com. L441-10)"))
    }

    @Test("statement: fees, totals, convention and as-of date")
    func statementTotals() throws {
        let text = try Self.text("b2b-injonction", .releveDeCompte)
        #expect(text.contains("indemnité forfaitaire 40,00 €"))
        #expect(text.contains("Total dû 1 229,73 €"))
        #expect(text.contains("Convention de calcul : Jours comptés sur une base de 365"))
        #expect(text.contains("Arrêté au 23 novembre 2026"))
    }

    // MARK: Requête en injonction de payer (CPC 1407)

    @Test(
        "requête: the CERFA of the route",
        arguments: [
            ("b2b-injonction", "12946*02"), ("consumer-injonction", "12948*06"), ("lease-injonction", "16040*01"),
        ])
    func requeteCerfa(sample: String, cerfa: String) throws {
        #expect(try Self.text(sample, .requeteInjonctionDePayer).contains("CERFA n° \(cerfa)"))
    }

    @Test("requête: parties with form, name, seat and representative")
    func requeteParties() throws {
        let text = try Self.text("b2b-injonction", .requeteInjonctionDePayer)
        #expect(
            text.contains(
                "Bâtiments Durand SAS, SIREN 552 100 554 Siège ou domicile : 4 avenue Jean Jaurès, 21000 Dijon Représentée par : Paul Durand, président"
            ))
        #expect(
            text.contains(
                "Atelier Lumière SARL, SIREN 123 456 782, RCS Lyon Siège ou domicile : 12 rue des Lilas, 69003 Lyon Représentée par : Claire Martin, gérante"
            ))
    }

    @Test("requête: the amount broken down into principal, interest and fees")
    func requeteAmounts() throws {
        let text = try Self.text("b2b-injonction", .requeteInjonctionDePayer)
        #expect(text.contains("Principal : 1 180,00 €"))
        #expect(text.contains("Pénalités de retard au 23 novembre 2026 : 9,73 €"))
        #expect(text.contains("indemnité forfaitaire pour frais de recouvrement 40,00 €"))
        #expect(text.contains("Total : 1 229,73 €"))
    }

    @Test("requête: the basis of the claim")
    func requeteBasis() throws {
        let text = try Self.text("b2b-injonction", .requeteInjonctionDePayer)
        #expect(
            text.contains("Fondement de la créance Devis D-2025-031 accepté le 3 mars 2025 ; facture n° FA2025-118"))
    }

    @Test("requête: the list of exhibits")
    func requeteExhibits() throws {
        let text = try Self.text("b2b-injonction", .requeteInjonctionDePayer)
        #expect(text.contains("Pièce n° 1 : Devis D-2025-031 signé"))
        #expect(text.contains("Pièce n° 4 : Relevé de compte"))
    }

    @Test("requête: left for the creditor to sign")
    func requeteSignature() throws {
        let text = try Self.text("b2b-injonction", .requeteInjonctionDePayer)
        #expect(
            text.contains(
                "Le créancier ou son représentant, Claire Martin, gérante : Signature : ______________________"))
    }

    // MARK: PSPC, bordereau, cover letter

    @Test("PSPC: CPCE L125-1 and R125-1, and the cour d'appel of the debtor")
    func pspcMentions() throws {
        let text = try Self.text("b2b-pspc", .requetePetitesCreances)
        #expect(text.contains("L125-1 et R125-1"))
        #expect(text.contains("cour d'appel de Dijon"))
        #expect(text.contains("Total 1 229,73 €"))
    }

    @Test("bordereau: numbered exhibits, the dossier's own documents included")
    func bordereauNumbering() throws {
        let text = try Self.text("b2b-injonction", .bordereauDePieces)
        #expect(text.contains("Pièce n° 1 : Devis D-2025-031 signé fichier : pieces/01-devis.pdf"))
        #expect(text.contains("Pièce n° 3 : Relances par courriel Pièce n° 4"))
        #expect(text.contains("Pièce n° 4 : Relevé de compte fichier : 01-releve-de-compte.txt"))
        #expect(text.contains("Pièce n° 3 : Relances par courriel"))
    }

    @Test("cover letter: six months to serve (CPC 1411)")
    func letterServeWithinSixMonths() throws {
        let text = try Self.text("b2b-injonction", .lettreAuCommissaireDeJustice)
        #expect(text.contains("six mois"))
        #expect(text.contains("article 1411"))
        #expect(text.contains("23 mai 2027"))  // 23 novembre 2026 + 6 mois
    }

    @Test("cover letter: one month to oppose (CPC 1416)")
    func letterOpposition() throws {
        let text = try Self.text("b2b-injonction", .lettreAuCommissaireDeJustice)
        #expect(text.contains("d'un mois à compter de la signification pour former opposition (article 1416"))
    }

    @Test("cover letter: the executory formula is already on the order (CPC 1422, décret 2021-1322)")
    func letterExecutoryFormula() throws {
        let text = try Self.text("b2b-injonction", .lettreAuCommissaireDeJustice)
        #expect(text.contains("2021-1322"))
        #expect(text.contains("article 1422"))
        #expect(text.contains("revêtue de la formule exécutoire"))
    }

    // MARK: Other routes

    @Test("European order: form A content under Reg. 1896/2006")
    func europeanOrder() throws {
        let text = try Self.text("eu-order", .formulaireEuropeen)
        #expect(text.contains("1896/2006"))
        #expect(text.contains("Belgique"))
        #expect(text.contains("Total du principal : 1 180,00 €"))
        #expect(text.contains("Devis D-2025-031 signé"))
    }

    @Test("public body: reasoned claim citing R2192-31, D2192-35 and the référé-provision (CJA R541-1)")
    func memoire() throws {
        let text = try Self.text("public-body", .memoireEnReclamation)
        #expect(text.contains("R2192-31"))
        #expect(text.contains("D2192-35"))
        #expect(text.contains("R541-1"))
        #expect(text.contains("Tribunal administratif de Rennes"))
    }

    @Test("collective proceedings: declaration to the mandataire (L622-24), interest stopped at the judgment")
    func declaration() throws {
        let text = try Self.text("collective", .declarationDeCreance)
        #expect(text.contains("L622-24"))
        #expect(text.contains("30 juin 2025"))
        #expect(text.contains("BODACC"))
        #expect(text.contains("L622-28"))
        #expect(text.contains("Mandataire judiciaire"))
    }

    @Test(
        "the documents and their order follow the route",
        arguments: [
            (
                "b2b-injonction",
                [
                    "01-releve-de-compte.txt", "02-requete-en-injonction-de-payer.txt",
                    "03-bordereau-de-pieces.txt", "04-lettre-au-commissaire-de-justice.txt",
                ]
            ),
            (
                "public-body",
                ["01-releve-de-compte.txt", "02-memoire-en-reclamation.txt", "03-bordereau-de-pieces.txt"]
            ),
            ("collective", ["01-releve-de-compte.txt", "02-declaration-de-creance.txt", "03-bordereau-de-pieces.txt"]),
        ])
    func documentOrder(sample: String, files: [String]) throws {
        // The court stage: the notice sent is an exhibit, never a new letter.
        let dossier = try Samples.book.renderer.render(Samples.make(sample).at(.court))
        #expect(dossier.documents.map(\.fileName) == files)
        #expect(dossier.formalNotice == nil)
        let notice = try Samples.book.renderer.render(Samples.make(sample).at(.notice))
        if files.count == 4 {
            #expect(notice.documents.map(\.fileName) == ["01-mise-en-demeure.txt", "02-releve-de-compte.txt"])
            #expect(notice.formalNotice == "01-mise-en-demeure.txt")
        }
    }
}
