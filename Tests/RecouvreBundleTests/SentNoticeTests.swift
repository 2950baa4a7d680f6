import Foundation
import RecouvreBundle
import RecouvreBundleIO
import RecouvreCaseFile
import RecouvreDocuments
import RecouvreModel
import RecouvreTestSupport
import Testing

/// The court dossier produces the notice actually sent (issue 15, 17; domain.md §5), the firm
/// profile on the mémoire and the déclaration, and the médiateur warning (C. consom. L612-1).
@Suite("The notice as sent, the firm on every letter, the médiateur")
struct SentNoticeTests {
    static let pipeline = CourtDossierTests.pipeline

    static func load(_ fixture: String) throws -> (claim: Case, folder: URL) {
        let loaded = try CaseFileReader.load(path: TestPaths.fixture(fixture).appendingPathComponent("case.yaml").path)
        return (loaded.value, loaded.folder)
    }

    @Test("a letter served beside the case's folder (the archive's PDF) is the notice's exhibit, byte for byte")
    func archivedLetterIsTheExhibit() throws {
        var (claim, folder) = try Self.load("consumer-bordeaux")
        let index = try #require(claim.events.firstIndex { $0.type == .formalNotice })
        let path = "archive/notification-7/mise-en-demeure-2026-03-02.pdf"
        // As `completingForDossier` does: the letter, and the exhibit that listed the same file.
        let listed = try #require(claim.exhibits.firstIndex { $0.file == claim.events[index].letter })
        claim.events[index].letter = path
        claim.exhibits[listed].file = path
        let pdf = Data("%PDF-1.7\n%\u{e2}\u{e3}\n".utf8) + Data((0...255).map { UInt8($0) })
        let exhibits = OverlaidExhibits([path: pdf], over: FolderExhibitSource(folder: folder))
        let dossier = try Self.pipeline.assemble(
            claim, exhibits: exhibits, asOf: claim.asOf!, force: false, options: DossierOptions(stage: .court))
        let piece = try #require(dossier.files.first { $0.path.hasSuffix("-mise-en-demeure-2026-03-02.pdf") })
        #expect(piece.path.hasPrefix("pieces/"))
        #expect(piece.data == pdf)
        let sha = BundleManifest.sha256(pdf)
        #expect(dossier.manifest.files.first { $0.path == piece.path }?.sha256 == sha)
        let xml = String(decoding: try #require(dossier.files.first { $0.path == "dossier.xml" }).data, as: UTF8.self)
        #expect(xml.contains(sha), "dossier.xml records the exhibit's SHA-256")
        // No text mise en demeure is written beside it: the court dossier never writes a new notice.
        let others = dossier.files.map(\.path).filter { $0.contains("mise-en-demeure") && $0 != piece.path }
        #expect(others.isEmpty, "\(others)")
        #expect(piece.path == "pieces/0\(listed + 1)-mise-en-demeure-2026-03-02.pdf")
        let bordereau = try CourtDossierTests.text(dossier, "bordereau")
        #expect(bordereau.contains("fichier : \(piece.path)"))
        // Not listed by the case: the notice sent is a pièce of its own.
        claim.exhibits.remove(at: listed)
        let alone = try Self.pipeline.assemble(
            claim, exhibits: exhibits, asOf: claim.asOf!, force: false, options: DossierOptions(stage: .court))
        #expect(alone.files.first { $0.path.hasSuffix("-mise-en-demeure-2026-03-02.pdf") }?.data == pdf)
        #expect(
            try CourtDossierTests.text(alone, "bordereau").contains("Mise en demeure du 2 mars 2026, telle qu'envoyée"))
        // Without the served bytes, the court bundle is refused (every listed exhibit has its file).
        #expect(throws: (any Error).self) {
            try Self.pipeline.assemble(
                claim, exhibits: FolderExhibitSource(folder: folder), asOf: claim.asOf!, force: false,
                options: DossierOptions(stage: .court))
        }
    }

    @Test("a professional writing to a consumer without a médiateur: a warning at both stages, in notes.txt")
    func mediatorWarning() throws {
        var (claim, folder) = try Self.load("consumer-bordeaux")
        #expect(claim.creditor.mediator != nil)
        for stage in [DossierStage.notice, .court] {
            let named = try Self.pipeline.assemble(
                claim, exhibits: FolderExhibitSource(folder: folder), asOf: claim.asOf!, force: false,
                options: DossierOptions(stage: stage))
            #expect(!named.warnings.contains { $0.contains("L612-1") }, "\(stage)")
        }
        claim.creditor.mediator = nil
        for (stage, words) in [(DossierStage.notice, "avant de l'envoyer"), (.court, "vérifiez la lettre envoyée")] {
            let dossier = try Self.pipeline.assemble(
                claim, exhibits: FolderExhibitSource(folder: folder), asOf: claim.asOf!, force: false,
                options: DossierOptions(stage: stage))
            let warning = try #require(dossier.warnings.first { $0.contains("creditor.mediator") }, "\(stage)")
            #expect(warning.contains("C. consom. L612-1, L616-1 et R616-1") && warning.contains(words))
            let notes = String(
                decoding: try #require(dossier.files.first { $0.path == "notes.txt" }).data, as: UTF8.self)
            func flat(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            #expect(flat(notes).contains(flat(warning)), "\(notes)")
        }
        // A creditor who is not a professional owes no médiateur.
        claim.creditor.kind = .individual
        claim.creditor.professional = false
        let notProfessional = try Self.pipeline.assemble(
            claim, exhibits: FolderExhibitSource(folder: folder), asOf: claim.asOf!, force: false,
            options: DossierOptions(stage: .notice))
        #expect(!notProfessional.warnings.contains { $0.contains("creditor.mediator") })
    }

    @Test("the mémoire en réclamation and the déclaration de créance carry the firm: letterhead, box, signature")
    func firmOnMemoireAndDeclaration() throws {
        let firm = DossierBuildTests.firm
        for (fixture, prefix, box) in [
            (
                "public-body-rennes", "memoire-en-reclamation",
                "Le présent mémoire est présenté au nom et pour le compte du titulaire par son mandataire :"
            ),
            (
                "collective-proceedings", "declaration-de-creance",
                "Déclaration faite au nom et pour le compte du créancier par son mandataire (article L622-24, alinéa 2, du code de commerce) :"
            ),
        ] {
            let (claim, folder) = try Self.load(fixture)
            let dossier = try Self.pipeline.assemble(
                claim, exhibits: FolderExhibitSource(folder: folder), asOf: claim.asOf!, force: false,
                options: DossierOptions(stage: .court, firm: firm))
            let text = try CourtDossierTests.text(dossier, prefix)
            #expect(text.hasPrefix("Cabinet Roux Avocats avocat au barreau de Lyon 8 quai Saint-Vincent"), "\(fixture)")
            #expect(text.contains("Réf. : RX-2026-311 Pour le compte de : \(claim.creditor.name)"), "\(fixture)")
            #expect(
                text.contains(
                    "\(box) Cabinet Roux Avocats, avocat au barreau de Lyon, 8 quai Saint-Vincent, 69001 Lyon Contact : "
                        + "04 78 00 00 00 · contact@roux-avocats.fr Référence du mandataire : RX-2026-311"),
                "\(fixture)")
            #expect(
                text.contains("Pour \(claim.creditor.name), par Cabinet Roux Avocats, Maître Jeanne Roux :"),
                "\(fixture)")
            let without = try CourtDossierTests.text(
                try Self.pipeline.assemble(
                    claim, exhibits: FolderExhibitSource(folder: folder), asOf: claim.asOf!, force: false,
                    options: DossierOptions(stage: .court)), prefix)
            #expect(!without.contains("mandataire :") && !without.contains("Cabinet Roux"), "\(fixture)")
            #expect(!dossier.warnings.contains { $0.contains("pouvoir spécial") }, "an avocat proves no mandate")
        }
    }

    @Test("a déclaration by a mandataire who is not an avocat asks for the creditor's written special power")
    func declarationByAnAgency() throws {
        var firm = DossierBuildTests.firm
        firm.kind = .agency
        firm.name = "Recouvra SAS"
        let (claim, folder) = try Self.load("collective-proceedings")
        let dossier = try Self.pipeline.assemble(
            claim, exhibits: FolderExhibitSource(folder: folder), asOf: claim.asOf!, force: false,
            options: DossierOptions(stage: .court, firm: firm))
        #expect(
            dossier.warnings.contains {
                $0.hasPrefix("Recouvra SAS déclare la créance pour le créancier sans être avocat")
                    && $0.contains("pouvoir spécial écrit") && $0.contains("L622-24, alinéa 2")
            })
        #expect(try CourtDossierTests.text(dossier, "declaration-de-creance").contains("société de recouvrement"))
    }

    @Test("a --pdf-only bundle verifies (each document as PDF alone); a PDF removed or altered still does not")
    func pdfOnlyVerifies() throws {
        // A stand-in renderer (no Typst needed): each document's "PDF" is its text behind a PDF header.
        let fake = BundlePDF(only: true) { input, _ in
            input.documents.map {
                BundleFile(path: String($0.fileName.dropLast(4)) + ".pdf", data: Data(("%PDF-1.7\n" + $0.text).utf8))
            }
        }
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("dossier")
        let result = try Self.pipeline.build(
            casePath: TestPaths.fixture("b2b-lyon-dijon").appendingPathComponent("case.yaml").path, out: target.path,
            asOf: nil, today: ShippedBook.fixedToday, force: false, pdf: fake, options: DossierOptions(stage: .notice))
        let paths = result.manifest.files.map(\.path)
        #expect(paths.contains("01-mise-en-demeure.pdf") && !paths.contains("01-mise-en-demeure.txt"))
        #expect(try Self.pipeline.verifier.verify(path: target.path).problems == [])
        // The PDF altered: caught by the manifest; the PDF removed: dossier.xml's document is missing again.
        let pdf = target.appendingPathComponent("02-releve-de-compte.pdf")
        try Data("%PDF-1.7\nautre".utf8).write(to: pdf)
        #expect(
            try Self.pipeline.verifier.verify(path: target.path).problems.contains {
                "\($0)".contains("02-releve-de-compte.pdf")
            })
        try FileManager.default.removeItem(at: pdf)
        let removed = try Self.pipeline.verifier.verify(path: target.path).problems.map { "\($0)" }
        #expect(removed.contains { $0.contains("02-releve-de-compte.txt") }, "\(removed)")
    }
}
