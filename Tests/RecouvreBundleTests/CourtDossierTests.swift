import Foundation
import RecouvreBundle
import RecouvreCaseFile
import RecouvreDocuments
import RecouvreForms
import RecouvreModel
import RecouvreRoute
import RecouvreTestSupport
import Testing

/// Every exhibit of every golden bundle is French (domain.md §5): no English word from a list, no
/// `forms/` path, no decimal point inside a French amount, no ISO date. File names (`pieces/…`) are
/// not prose and are left out.
@Suite("Exhibits are in French")
struct ExhibitLanguageTests {
    static let english = [
        "ECB", "MRO", "floor", "contractual", "raised", "rate", "effective", "unverified", "UNVERIFIED",
        "not re-checked", "warning", "contract;", "fixed for the delay", "after judgment", "Invoice", "Payment",
    ]

    static func goldenDocuments() throws -> [(String, String)] {
        let root = TestPaths.root.appendingPathComponent("Tests/RecouvreBundleTests/Golden/fixtures")
        let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return try paths.sorted().filter { $0.hasSuffix(".txt") && !$0.hasSuffix("notes.txt") }.map {
            ($0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8))
        }
    }

    /// The text without file paths (`pieces/05-mise-en-demeure-2025-06-20.txt`, `[01-releve-de-compte.txt]`).
    static func prose(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" })
            .filter { !$0.contains("pieces/") && !$0.contains(".txt") && !$0.contains(".pdf") }
            .joined(separator: " ")
    }

    @Test("no English word, forms/ path, decimal point in an amount or ISO date in any exhibit of any golden bundle")
    func french() throws {
        let documents = try Self.goldenDocuments()
        #expect(documents.count > 60)
        let iso = try Regex(#"\b\d{4}-\d{2}-\d{2}\b"#)
        let pointAmount = try Regex(#"\d\.\d{2}(\s|\u{00A0})?(€|%)"#)
        for (path, text) in documents {
            let words = Self.prose(text)
            for word in Self.english {
                let pattern = try Regex("\\b\(NSRegularExpression.escapedPattern(for: word))\\b")
                #expect(words.firstMatch(of: pattern) == nil, "\(path): English « \(word) »")
            }
            #expect(!words.contains("forms/"), "\(path): a forms/ path")
            #expect(words.firstMatch(of: iso) == nil, "\(path): an ISO date")
            #expect(words.firstMatch(of: pointAmount) == nil, "\(path): a decimal point in an amount")
        }
    }

    @Test("the checker itself finds each kind of fault")
    func checkerFinds() throws {
        let iso = try Regex(#"\b\d{4}-\d{2}-\d{2}\b"#)
        #expect(Self.prose("source : ECB MRO 3.15 on 2025-01-01 + 10").firstMatch(of: iso) != nil)
        #expect(Self.prose("fichier : pieces/05-mise-en-demeure-2025-06-20.txt").firstMatch(of: iso) == nil)
        #expect(Self.prose("taux 3.15 %").firstMatch(of: try Regex(#"\d\.\d{2}(\s|\u{00A0})?(€|%)"#)) != nil)
    }
}

/// The new mandatory mentions of a court dossier (domain.md §5), one test each.
@Suite("Court dossier mentions")
struct CourtDossierTests {
    static let pipeline = DossierPipeline(book: ShippedBook.book, tool: "recouvre 0.1.0")

    static func dossier(
        _ fixture: String, _ options: DossierOptions = DossierOptions(stage: .court), force: Bool = false
    )
        throws -> AssembledDossier
    {
        let loaded = try CaseFileReader.load(path: TestPaths.fixture(fixture).appendingPathComponent("case.yaml").path)
        return try pipeline.assemble(
            loaded.value, exhibits: FolderExhibitSource(folder: loaded.folder), asOf: loaded.value.asOf!, force: force,
            options: options)
    }

    static func text(_ dossier: AssembledDossier, _ prefix: String) throws -> String {
        let file = try #require(dossier.files.first { $0.path.contains(prefix) }, "no \(prefix)")
        return String(decoding: file.data, as: UTF8.self).replacingOccurrences(of: "\u{00A0}", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test(
        "interest to payment: rate, from which day, on which base, jusqu'à parfait paiement (requête, PSPC, European form)"
    )
    func interestToPayment() throws {
        let requete = try Self.text(try Self.dossier("b2b-lyon-dijon"), "requete-en-injonction")
        // Principal outstanding 1 180 + 960 = 2 140 €; the figures run to 23 November, the rest from the 24th.
        #expect(
            requete.contains(
                "Pénalités de retard au taux BCE + 10 points, révisé semestriellement (C. com. L441-10 II), sur 2 140,00 € à compter du 24 novembre 2026, jusqu'à parfait paiement."
            ))
        let pspc = try Self.text(
            try Self.dossier("b2b-lyon-dijon", DossierOptions(stage: .court, procedure: .pspc)), "petites-creances")
        #expect(pspc.contains("sur 2 140,00 € à compter du 24 novembre 2026, jusqu'à parfait paiement"))
        let consumer = try Self.text(try Self.dossier("consumer-bordeaux"), "requete-en-injonction")
        #expect(consumer.contains("Intérêts au taux de l'intérêt légal, révisé semestriellement"))
        #expect(consumer.contains("jusqu'à parfait paiement"))
        let european = try Self.text(try Self.dossier("eu-belgium"), "formulaire-a")
        #expect(european.contains("jusqu'à parfait paiement"))
    }

    @Test("a consumer or lease requête has no 40 € line")
    func noFeeLine() throws {
        for fixture in ["consumer-bordeaux", "lease-lille"] {
            let requete = try Self.text(try Self.dossier(fixture), "requete-en-injonction")
            #expect(!requete.contains("indemnité forfaitaire"), "\(fixture)")
        }
    }

    @Test("a natural-person creditor: the requête gives its identity, and is refused without it, naming the keys")
    func naturalPerson() throws {
        let requete = try Self.text(try Self.dossier("lease-lille"), "requete-en-injonction")
        #expect(requete.contains("Nom : Delattre ; prénoms : Sophie Anne"))
        #expect(requete.contains("Profession : professeure des écoles"))
        #expect(requete.contains("Nationalité : française"))
        #expect(requete.contains("Né(e) le 12 avril 1978 à Tourcoing (Nord)"))
        var claim = try CaseFileReader.load(
            path: TestPaths.fixture("lease-lille").appendingPathComponent("case.yaml").path
        ).value
        claim.creditor.profession = nil
        claim.creditor.birthPlace = nil
        #expect {
            _ = try Self.pipeline.assemble(
                claim, exhibits: MemoryExhibitSource(files: [:]), asOf: claim.asOf!, force: false,
                options: DossierOptions(stage: .court))
        } throws: { error in
            let text = "\(error)"
            return text.contains("CPC 54 3° a") && text.contains("creditor.profession")
                && text.contains("creditor.birth_place")
                && !text.contains("creditor.nationality")
        }
    }

    @Test("the mandataire: box 3, letterhead and 'Pour Atelier Lumière, par …' signature")
    func mandataire() throws {
        let dossier = try Self.dossier("b2b-nanterre-tae", DossierOptions(stage: .court, firm: DossierBuildTests.firm))
        let requete = try Self.text(dossier, "requete-en-injonction")
        #expect(
            requete.contains(
                "[3] Mandataire (le cas échéant) Cabinet Roux Avocats, avocat au barreau de Lyon, 8 quai Saint-Vincent, 69001 Lyon"
            ))
        #expect(requete.contains("par Cabinet Roux Avocats, Maître Jeanne Roux"))
        let letter = try Self.text(dossier, "lettre-au-commissaire")
        #expect(letter.hasPrefix("Cabinet Roux Avocats avocat au barreau de Lyon"))
        let without = try Self.text(try Self.dossier("b2b-nanterre-tae"), "requete-en-injonction")
        #expect(without.contains("Néant : le créancier agit lui-même."))
    }

    @Test(
        "the named court: 'Madame, Monsieur le Président du …', chambre commerciale in Alsace-Moselle, JCP of the tenant's home"
    )
    func namedCourt() throws {
        #expect(
            try Self.text(try Self.dossier("b2b-lyon-dijon"), "requete-en-injonction")
                .contains("Madame, Monsieur le Président du tribunal de commerce de Dijon,"))
        let strasbourg = try Self.dossier("b2b-strasbourg")
        #expect(
            try Self.text(strasbourg, "requete-en-injonction")
                .contains(
                    "Madame, Monsieur le Président de la chambre commerciale du tribunal judiciaire de Strasbourg,"))
        #expect(
            try Self.text(strasbourg, "lettre-au-commissaire")
                .contains("à la chambre commerciale du tribunal judiciaire de Strasbourg"))
        #expect(strasbourg.warnings.contains { $0.contains("selon le montant") })
        let moved = try Self.dossier("lease-tenant-moved")
        #expect(
            try Self.text(moved, "requete-en-injonction")
                .contains("Madame, Monsieur le juge des contentieux de la protection du tribunal judiciaire de Lyon,"))
        #expect(
            moved.route.explanation.contains { $0.contains("hors du ressort du logement") && $0.contains("CPC 1406") })
        // CPC 1408: no referral box when no other court is designated; not the CERFA itself.
        let requete = try Self.text(try Self.dossier("b2b-lyon-dijon"), "requete-en-injonction")
        #expect(!requete.contains("Renvoi en cas d'opposition"))
        #expect(requete.contains("elle n'est pas le formulaire officiel"))
    }

    @Test(
        "the PSPC request: décompte split into principal, interest and fees (R125-2), costs with the creditor (L125-1)")
    func pspcDecompte() throws {
        let dossier = try Self.dossier("b2b-lyon-dijon", DossierOptions(stage: .court, procedure: .pspc))
        let text = try Self.text(dossier, "petites-creances")
        // 2 140,00 principal + 398,68 penalties + 80,00 fees (2 × 40 €) = 2 618,68 €.
        #expect(text.contains("Principal 2 140,00 €"))
        #expect(text.contains("Intérêts ou pénalités échus depuis le 1er mai 2025 398,68 €"))
        #expect(text.contains("Frais : indemnités forfaitaires pour frais de recouvrement 80,00 €"))
        #expect(text.contains("Total 2 618,68 €"))
        #expect(text.contains("R125-2"))
        #expect(text.contains("à la charge exclusive du créancier (article L125-1"))
        #expect(text.contains("établi dans le ressort de la cour d'appel de Dijon"))
        #expect(dossier.route.procedure == .pspc)
    }

    @Test("a procedure the route does not allow is refused with the procedures it allows")
    func procedureRefused() throws {
        #expect {
            _ = try Self.dossier("b2b-strasbourg", DossierOptions(stage: .court, procedure: .pspc))
        } throws: { "\($0)".contains("procédures possibles : injonction") }
    }

    @Test(
        "the court dossier's exhibits: the notice sent, its proof of dispatch and its avis de réception, never a new letter"
    )
    func noticeExhibits() throws {
        let dossier = try Self.dossier("b2b-nanterre-tae")
        #expect(!dossier.files.contains { $0.path.hasSuffix("mise-en-demeure.txt") && !$0.path.hasPrefix("pieces/") })
        let bordereau = try Self.text(dossier, "bordereau")
        #expect(bordereau.contains("Preuve de dépôt de la lettre recommandée du 12 septembre 2025"))
        #expect(bordereau.contains("Avis de réception du 16 septembre 2025"))
        #expect(dossier.manifest.formalNotice == nil)
        #expect(dossier.files.contains { $0.path == "notes.txt" })
        #expect(!bordereau.contains("notes.txt"))
    }

    @Test(
        "a listed exhibit without a file: an error in a court bundle, a warning in a notice bundle; to_produce prints 'à produire'"
    )
    func exhibitsWithFiles() throws {
        var claim = try CaseFileReader.load(
            path: TestPaths.fixture("b2b-lyon-dijon").appendingPathComponent("case.yaml").path
        ).value
        claim.exhibits.append(Exhibit(title: "Bon de livraison"))
        let folder = FolderExhibitSource(folder: TestPaths.fixture("b2b-lyon-dijon"))
        #expect {
            _ = try Self.pipeline.assemble(
                claim, exhibits: folder, asOf: claim.asOf!, force: false, options: DossierOptions(stage: .court))
        } throws: { "\($0)".contains("exhibits[5] (Bon de livraison)") }
        let notice = try Self.pipeline.assemble(
            claim, exhibits: folder, asOf: claim.asOf!, force: false, options: DossierOptions(stage: .notice))
        #expect(notice.warnings.contains { $0.contains("Bon de livraison") })
        claim.exhibits[5].toProduce = true
        let court = try Self.pipeline.assemble(
            claim, exhibits: folder, asOf: claim.asOf!, force: false, options: DossierOptions(stage: .court))
        let bordereau = try Self.text(court, "bordereau")
        #expect(bordereau.contains("Pièce n° 6 : Bon de livraison (à produire)"))
        #expect(court.warnings.contains { $0.contains("à produire") })
    }

    @Test("capitalisation is said on the relevé and in the requête with its basis, never silently")
    func capitalisation() throws {
        var claim = try CaseFileReader.load(
            path: TestPaths.fixture("b2b-lyon-dijon").appendingPathComponent("case.yaml").path
        ).value
        claim.contract.capitalisationBasis = .requested
        let dossier = try Self.pipeline.assemble(
            claim, exhibits: FolderExhibitSource(folder: TestPaths.fixture("b2b-lyon-dijon")), asOf: claim.asOf!,
            force: false,
            options: DossierOptions(stage: .court))
        #expect(try Self.text(dossier, "releve").contains("est demandée au juge"))
        #expect(
            try Self.text(dossier, "requete").contains(
                "Le créancier demande la capitalisation des intérêts dus pour une année entière (article 1343-2 du code civil)."
            ))
    }
}
