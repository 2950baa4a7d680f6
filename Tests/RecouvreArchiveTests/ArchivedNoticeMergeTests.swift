import Foundation
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreArchive

@Suite("The archive completes a case's formal notice (statement --archive)")
struct ArchivedNoticeMergeTests {
    let store: ArchiveStore
    let claim: Case

    /// Archive: notice #1 for case 2026-0042 sent 2026-11-24, received 2026-11-27.
    init() throws {
        _ = testSecretInstalled
        let folder = try TestPaths.temporaryFolder("archive-merge")
        store = try ArchiveStore(path: folder.appendingPathComponent("a.sqlite").path, creating: true)
        let bundle = try SyntheticBundle().read(in: folder.appendingPathComponent("b"))
        try store.add(
            NoticeSubmission(bundle: bundle, sent: .of("2026-11-24"), channel: .registeredLetter, tracking: "1A"))
        try store.recordReceipt(noticeID: 1, received: .of("2026-11-27"))
        let address = Address(lines: ["9 rue Sainte-Catherine"], postcode: "33000", city: "Bordeaux")
        claim = Case(
            reference: "2026-0042",
            creditor: Party(kind: .company, name: "SAS Lumière Conseil", address: address),
            debtor: Party(kind: .individual, name: "Julien Lefèvre", address: address),
            invoices: [Invoice(number: "F1", issued: .of("2025-11-14"), due: .of("2025-11-14"), amount: 1000)])
    }

    @Test("a case without a formal notice takes the archive's, with its receipt")
    func noNoticeInCase() throws {
        let (completed, note) = try claim.completingFormalNotice(from: store)
        #expect(
            completed.formalNotice
                == Event(
                    type: .formalNotice, date: .of("2026-11-24"), received: .of("2026-11-27"),
                    channel: .registeredLetter, tracking: "1A"))
        #expect(
            note == "mise en demeure prise de l'archive : notification #1 envoyée le 2026-11-24 "
                + "(registered_letter), reçue le 2026-11-27")
    }

    @Test("a case's notice of the same day without receipt takes the archive's receipt date")
    func receiptOnly() throws {
        var withNotice = claim
        withNotice.events = [Event(type: .formalNotice, date: .of("2026-11-24"), channel: .registeredLetter)]
        let (completed, note) = try withNotice.completingFormalNotice(from: store)
        #expect(completed.formalNotice?.received == .of("2026-11-27"))
        #expect(completed.events.count == 1)
        #expect(note == "date de réception 2026-11-27 de la mise en demeure prise de l'archive (notification #1)")
    }

    @Test("the case file wins: a received notice, or a notice of another day, is kept as it is")
    func caseFileWins() throws {
        var received = claim
        received.events = [Event(type: .formalNotice, date: .of("2026-11-20"), received: .of("2026-11-21"))]
        let (same, silent) = try received.completingFormalNotice(from: store)
        #expect(same == received)
        #expect(silent == nil)
        var otherDay = claim
        otherDay.events = [Event(type: .formalNotice, date: .of("2026-11-20"))]
        let (kept, note) = try otherDay.completingFormalNotice(from: store)
        #expect(kept == otherDay)
        #expect(
            note?.contains(
                "a été envoyée le 2026-11-24, la mise en demeure du fichier du dossier le 2026-11-20 : non utilisée")
                == true)
    }

    @Test("a case the archive does not know is left as it is, and the note says so")
    func unknownCase() throws {
        var other = claim
        other.reference = "2026-0099"
        let (kept, note) = try other.completingFormalNotice(from: store)
        #expect(kept == other)
        #expect(note?.hasPrefix("aucune mise en demeure archivée pour le dossier 2026-0099") == true)
    }
}
