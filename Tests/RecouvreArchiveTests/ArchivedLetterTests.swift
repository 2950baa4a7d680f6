import Foundation
import GRDB
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreArchive

/// `build --archive`: the court dossier takes the letter actually sent from the archive (issue 15),
/// byte for byte, after checking it against the SHA-256 recorded when it was archived.
@Suite("The archive gives the court dossier the notice as sent")
struct ArchivedLetterTests {
    let folder: URL
    let path: String
    let store: ArchiveStore
    let claim: Case
    /// A PDF's first bytes and every byte value: what is archived must come back unchanged.
    let pdf = Data("%PDF-1.7\n".utf8) + Data((0...255).map { UInt8($0) })

    /// Archive: notice #1 (case 2026-0042) sent 2026-11-26 with its PDF, received 2026-11-28; notice
    /// #2 (same case) sent 2026-11-24 without a sent file (its text only).
    init() throws {
        _ = testSecretInstalled
        folder = try TestPaths.temporaryFolder("archive-letter")
        path = folder.appendingPathComponent("a.sqlite").path
        store = try ArchiveStore(path: path, creating: true)
        let bundle = try SyntheticBundle().read(in: folder.appendingPathComponent("b"))
        let file = folder.appendingPathComponent("Mise en demeure signée.PDF")
        try pdf.write(to: file)
        var submission = NoticeSubmission(
            bundle: bundle, sent: .of("2026-11-26"), channel: .registeredLetter, tracking: "1A")
        submission.sentFile = try SentNoticeFile.read(path: file.path)
        try store.add(submission)
        try store.recordReceipt(noticeID: 1, received: .of("2026-11-28"))
        try store.add(NoticeSubmission(bundle: bundle, sent: .of("2026-11-24"), channel: .email, tracking: "m-2"))
        let address = Address(lines: ["9 rue Sainte-Catherine"], postcode: "33000", city: "Bordeaux")
        claim = Case(
            reference: "2026-0042",
            creditor: Party(kind: .company, name: "SAS Lumière Conseil", address: address),
            debtor: Party(kind: .individual, name: "Julien Lefèvre", address: address),
            invoices: [Invoice(number: "F1", issued: .of("2025-11-14"), due: .of("2025-11-14"), amount: 1000)])
    }

    func raw(_ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
        try queue.close()
    }

    @Test("a case without a notice takes the latest archived one, its receipt and its sent PDF byte for byte")
    func sentFileOfTheLatestNotice() throws {
        let completion = try claim.completingForDossier(from: store)
        let letter = try #require(completion.letter)
        #expect(letter.data == pdf)
        #expect(letter.sha256 == SHA256Hex.of(pdf))
        #expect(letter.isSentFile && letter.noticeID == 1)
        #expect(letter.fileName == "mise-en-demeure-2026-11-26.pdf")
        #expect(letter.path == "archive/notification-1/mise-en-demeure-2026-11-26.pdf")
        let notice = try #require(completion.case.formalNotice)
        #expect(notice.date == .of("2026-11-26") && notice.received == .of("2026-11-28"))
        #expect(notice.letter == letter.path)
        #expect(completion.notes.count == 2)
        #expect(
            completion.notes.last?.contains("notification #1, fichier envoyé mise-en-demeure-2026-11-26.pdf") == true)
    }

    @Test("a case's own notice is matched by its day; without a sent file the archived text is the letter")
    func textOfTheCasesNotice() throws {
        var withNotice = claim
        withNotice.events = [
            Event(
                type: .formalNotice, date: .of("2026-11-24"), received: .of("2026-11-25"),
                letter: "pieces/ancienne-lettre.txt")
        ]
        let completion = try withNotice.completingForDossier(from: store)
        let letter = try #require(completion.letter)
        #expect(letter.noticeID == 2 && !letter.isSentFile)
        #expect(letter.data == Data(SyntheticBundle().text.utf8))
        #expect(letter.fileName == "mise-en-demeure-2026-11-24.txt")
        // The case's receipt date is kept; its letter gives way to the one the archive recorded.
        #expect(completion.case.formalNotice?.received == .of("2026-11-25"))
        #expect(completion.case.formalNotice?.letter == letter.path)
        #expect(completion.notes.last?.contains("elle remplace events[0].letter (pieces/ancienne-lettre.txt)") == true)
    }

    @Test("a case's notice of a day the archive does not hold keeps its own letter")
    func unknownDay() throws {
        var other = claim
        other.events = [
            Event(type: .formalNotice, date: .of("2026-10-01"), received: .of("2026-10-03"), letter: "l.pdf")
        ]
        let completion = try other.completingForDossier(from: store)
        #expect(completion.letter == nil)
        #expect(completion.case == other)
    }

    @Test("a sent file whose bytes no longer match is refused, naming the notice and both digests")
    func tamperedSentFile() throws {
        try raw("DROP TRIGGER sent_file_append_only_update; UPDATE sent_file SET data = x'00'")
        let error = try #require(throws: ArchiveError.self) { try claim.completingForDossier(from: store) }
        #expect(error.kind == .chainBroken)
        #expect(error.message.contains("notification #1 (envoyée le 2026-11-26)"), "\(error.message)")
        #expect(error.message.contains("SHA-256 enregistré \(SHA256Hex.of(pdf))"), "\(error.message)")
        #expect(error.message.contains("SHA-256 des octets gardés \(SHA256Hex.of(Data([0])))"), "\(error.message)")
    }

    @Test("an archived text that no longer matches is refused, naming the notice and both digests")
    func tamperedText() throws {
        try raw("DROP TRIGGER notice_document_append_only_update; UPDATE notice_document SET text = 'autre lettre'")
        var withNotice = claim
        withNotice.events = [Event(type: .formalNotice, date: .of("2026-11-24"), received: .of("2026-11-25"))]
        let error = try #require(throws: ArchiveError.self) { try withNotice.completingForDossier(from: store) }
        let recorded = SHA256Hex.of(SyntheticBundle().text)
        #expect(error.message.contains("notification #2 (envoyée le 2026-11-24)"), "\(error.message)")
        #expect(
            error.message.contains(
                "SHA-256 enregistré \(recorded), SHA-256 des octets gardés \(SHA256Hex.of("autre lettre"))"),
            "\(error.message)")
    }

    @Test("a letter's extension is kept only when it is a plain one")
    func extensions() {
        #expect(ArchiveStore.letterExtension("Scan signé.PDF") == ".pdf")
        #expect(ArchiveStore.letterExtension("01-mise-en-demeure.txt") == ".txt")
        #expect(ArchiveStore.letterExtension("sans-extension") == "")
        #expect(ArchiveStore.letterExtension("x.p df") == "")
    }
}
