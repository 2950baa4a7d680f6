import Foundation
import RecouvreAmicable
import RecouvreBundle
import RecouvreCaseFile
import RecouvreDocuments
import RecouvreModel
import RecouvreTestSupport
import Testing

/// Issue 16 end to end: `recouvre build` (the one pipeline) reads the case's events and the journal
/// `remind --record` wrote beside it, and every document that recalls the amicable steps shows them.
@Suite("Chronology through the pipeline")
struct ChronologyPipelineTests {
    static let pipeline = DossierPipeline(book: book, tool: "recouvre 0.1.0")

    /// fixtures/b2b-lyon-dijon (a reminder on 10 May 2025 without step, the notice of 20 June 2025
    /// received on the 23rd, a payment of 500 € on 2 June) copied, with a journal adding the firm
    /// reminder, a promise (kept by the payment of 2 June) and a plan (never paid).
    static func caseWithJournal() throws -> URL {
        let folder = try TestPaths.temporaryFolder("recouvre-chronology")
        let source = TestPaths.fixture("b2b-lyon-dijon")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let journal = AmicableJournal(
            caseFile: "case.yaml", profile: "standard",
            entries: [
                .reminder(RecordedReminder(date: day("2025-05-25"), step: "j15", channel: .letter)),
                .promise(PaymentPromise(date: day("2025-05-28"), until: day("2025-06-10"), amount: money("500.00"))),
                .plan(
                    AcceptedPlan(
                        date: day("2025-07-01"),
                        instalments: [
                            Instalment(date: day("2025-07-31"), amount: money("1000.00")),
                            Instalment(date: day("2025-08-31"), amount: money("1140.00")),
                        ])),
            ])
        try Data(journal.yaml().utf8).write(to: folder.appendingPathComponent("case.reminders.yaml"))
        return folder.appendingPathComponent("case.yaml")
    }

    static func flat(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static let lines = [
        "Relance amiable du 10 mai 2025, par courriel.",
        "Relance amiable du 25 mai 2025 (relance ferme), par courrier.",
        "Promesse de paiement du 28 mai 2025 : règlement de 500,00 € au plus tard le 10 juin 2025, tenue.",
        "Mise en demeure du 20 juin 2025, par lettre recommandée avec accusé de réception, reçue le 23 juin 2025.",
        "Échéancier accepté le 1er juillet 2025 : 2 échéances du 31 juillet 2025 au 31 août 2025, 2 140,00 € au total ; "
            + "non respecté (échéance du 31 juillet 2025, 1 000,00 €, impayée).",
    ].map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    @Test func buildShowsTheStepsOfTheCaseAndItsJournalInTheRequeteAndTheBordereau() throws {
        let casePath = try Self.caseWithJournal()
        let out = casePath.deletingLastPathComponent().appendingPathComponent("dossier")
        _ = try Self.pipeline.build(
            casePath: casePath.path, out: out.path, asOf: nil, today: day("2026-11-23"), force: false,
            options: DossierOptions(stage: .court))
        let requete = Self.flat(
            try Data(contentsOf: out.appendingPathComponent("02-requete-en-injonction-de-payer.txt")))
        let bordereau = Self.flat(try Data(contentsOf: out.appendingPathComponent("03-bordereau-de-pieces.txt")))
        for line in Self.lines {
            #expect(requete.contains("- " + line), "requête: \(line)")
            #expect(bordereau.contains("- " + line), "bordereau: \(line)")
        }
        // Date order: the reminders, the promise, the notice, then the plan after it.
        let positions = try Self.lines.map { try #require(requete.range(of: $0)).lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func theNoticeRecallsTheRemindersAndThePromiseBeforeIt() throws {
        let casePath = try Self.caseWithJournal()
        let loaded = try CaseFileReader.load(path: casePath.path)
        let journal = try AmicableJournal.read(forCase: casePath.path)
        #expect(journal?.entries.count == 3)
        let dossier = try Self.pipeline.assemble(
            loaded.value, exhibits: FolderExhibitSource(folder: loaded.folder), asOf: day("2025-06-15"), force: false,
            options: DossierOptions(stage: .notice), journal: journal)
        let file = try #require(dossier.files.first { $0.path.contains("mise-en-demeure") })
        let notice = Self.flat(file.data)
        #expect(notice.contains("Nos démarches amiables sont restées sans effet :"))
        for line in Self.lines.prefix(3) { #expect(notice.contains("- " + line), "\(line)") }
        // Not the notice itself, nor the plan accepted after the letter's date.
        #expect(!notice.contains("Mise en demeure du 20 juin 2025"))
        #expect(!notice.contains("Échéancier accepté"))
    }
}
