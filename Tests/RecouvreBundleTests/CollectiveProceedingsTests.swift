import Foundation
import RecouvreBundle
import RecouvreForms
import RecouvreTestSupport
import Testing

/// Collective proceedings (C. com. L441-10 II last sentence, L622-24, L622-26, R622-24): the fee kept on
/// invoices due before the opening judgment, dropped after; the deadline from the BODACC publication;
/// a late declaration never says it is on time and comes with the requête en relevé de forclusion.
@Suite("collective proceedings: fees and the declaration's deadline")
struct CollectiveProceedingsTests {
    static func build(_ fixture: String) throws -> (dir: URL, target: URL, result: BuildResult) {
        let dir = try TestPaths.temporaryFolder()
        let target = dir.appendingPathComponent("dossier")
        let result = try DossierBuildTests.build(fixture, to: target)
        return (dir, target, result)
    }

    /// The document with every run of blanks and line breaks as one space (the layout wraps lines).
    static func text(_ target: URL, _ name: String) throws -> String {
        try String(contentsOf: target.appendingPathComponent(name), encoding: .utf8)
            .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{00A0}" || $0 == "\u{202F}" }).joined(
                separator: " ")
    }

    @Test("fee kept on the invoices due before the opening judgment, dropped on the one due after")
    func feesAroundTheOpening() throws {
        let (dir, target, _) = try Self.build("collective-proceedings-in-time")
        defer { try? FileManager.default.removeItem(at: dir) }
        let declaration = try Self.text(target, "02-declaration-de-creance.txt")
        // Opening 29 September 2026: TM-2026-0088 (due 30 March), -0121 (30 April), -0164 (30 May) keep
        // their 40 € each = 120,00 €; TM-2026-0301 (due 15 October, after the opening) has none.
        #expect(declaration.contains("Indemnités forfaitaires 120,00 €"))
        let flat = declaration
        #expect(
            flat.contains("échue le 30 mars 2026 : reste dû 1 390,80 €, indemnité forfaitaire de recouvrement 40,00 €"))
        #expect(flat.contains("postérieure au jugement d'ouverture : reste dû 1 980,00 € Principal"))
        #expect(declaration.contains("(TM-2026-0301)"))
        // Within the two months of R622-24 from the BODACC of 10 October 2026: until 10 December 2026.
        #expect(declaration.contains("dans le délai"))
        #expect(declaration.contains("Tribunal de commerce de Saint-Étienne"))
        #expect(declaration.contains("Maître Claire Vasseur"))
        #expect(
            !FileManager.default.fileExists(
                atPath: target.appendingPathComponent("03-requete-en-releve-de-forclusion.txt").path))
    }

    @Test("a late declaration never says it is on time and comes with the requête en relevé de forclusion")
    func lateDeclaration() throws {
        let (dir, target, result) = try Self.build("collective-proceedings-late")
        defer { try? FileManager.default.removeItem(at: dir) }
        let declaration = try Self.text(target, "02-declaration-de-creance.txt")
        #expect(!declaration.contains("dans le délai"))
        // BODACC 10 July 2026: the two months ran out on 10 September 2026; relief until 10 January 2027.
        #expect(declaration.contains("a expiré le 10 septembre 2026"))
        let relief = try Self.text(target, "03-requete-en-releve-de-forclusion.txt")
        #expect(relief.contains("Juge-commissaire"))
        #expect(relief.contains("qui expire le 10 janvier 2027"))
        #expect(result.warnings.contains { $0.contains("relevé de forclusion") })
        // All three invoices fell due before the opening of 30 June 2026: 3 × 40 €.
        #expect(declaration.contains("Indemnités forfaitaires 120,00 €"))
    }

    @Test("without the BODACC date the route says the deadline cannot be checked")
    func deadlineUnknown() throws {
        let (dir, target, result) = try Self.build("collective-proceedings")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(result.warnings.contains { $0.contains("ne peut pas être contrôlé") })
        let declaration = try Self.text(target, "02-declaration-de-creance.txt")
        #expect(!declaration.contains("dans le délai"))
    }

    /// BODACC 10 July 2026: declaration until 10 September 2026 (R622-24), relief until 10 January 2027
    /// (L622-26, six months). On 10 January 2027 the requête is still written; on 11 January it is not,
    /// and the declaration says the six months have run.
    @Test("past the six months of L622-26: no requête en relevé de forclusion, the route says relief is over")
    func reliefOver() throws {
        let (claim, folder) = try SituationsTests.load("collective-proceedings-late")
        let last = try SituationsTests.assemble(claim, folder: folder, asOf: SituationsTests.day("2027-01-10"))
        #expect(last.files.contains { $0.path.contains("requete-en-releve-de-forclusion") })
        let over = try SituationsTests.assemble(claim, folder: folder, asOf: SituationsTests.day("2027-01-11"))
        guard case .foreclosed? = over.route.declarationDeadline else {
            Issue.record("expected a foreclosed deadline, got \(String(describing: over.route.declarationDeadline))")
            return
        }
        #expect(!over.files.contains { $0.path.contains("requete-en-releve-de-forclusion") })
        #expect(over.route.warnings.contains { $0.contains("le relevé de forclusion n'est plus possible") })
        let declaration = try SituationsTests.text(over, "declaration-de-creance")
        #expect(!declaration.contains("dans le délai"))
        #expect(declaration.contains("a lui-même expiré le 10 janvier 2027"))
    }
}
