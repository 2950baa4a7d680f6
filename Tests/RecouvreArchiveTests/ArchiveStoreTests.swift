import Foundation
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreArchive

@Suite("Archive store: add, receipts, queries, export")
struct ArchiveStoreTests {
    let folder: URL
    let store: ArchiveStore

    init() throws {
        _ = testSecretInstalled
        folder = try TestPaths.temporaryFolder("archive-store")
        // A fixed secret: the golden outputs below hold keyed hashes.
        store = try ArchiveStore(
            path: folder.appendingPathComponent("archive.sqlite").path, mode: .create,
            secret: try fixedSecret(in: folder))
    }

    func submit(
        _ bundle: SyntheticBundle = SyntheticBundle(), sent: String, channel: NoticeChannel = .registeredLetter,
        tracking: String, name: String = UUID().uuidString
    ) throws -> NoticeRecord {
        let read = try bundle.read(in: folder.appendingPathComponent(name))
        return try store.add(NoticeSubmission(bundle: read, sent: .of(sent), channel: channel, tracking: tracking))
    }

    @Test("add stores the case, parties, amount, the notice's text and both hashes")
    func addStoresEverything() throws {
        let bundle = SyntheticBundle()
        let added = try submit(bundle, sent: "2026-11-24", tracking: "1A 123 456 7890 1")
        let stored = try store.notice(id: added.id)
        #expect(stored.id == 1)
        #expect(stored.seq == 1)
        #expect(stored.caseReference == "2026-0042")
        #expect(stored.creditor == ArchivedParty(name: "SAS Lumière Conseil", siren: "552100554"))
        #expect(stored.debtor == ArchivedParty(name: "SARL Dupont Électricité", siren: "732829320"))
        #expect(stored.amountClaimed == "1220.00")
        #expect(stored.asOf == .of("2026-11-23"))
        #expect(stored.text == bundle.text)
        #expect(stored.noticeSHA256 == SHA256Hex.of(bundle.text))
        #expect(stored.sent == .of("2026-11-24"))
        #expect(stored.channel == .registeredLetter)
        #expect(stored.tracking == "1A 123 456 7890 1")
        #expect(stored.previousHash == ChainEntry.genesis)
        #expect(stored.receipts.isEmpty)
        #expect(stored == added)
    }

    @Test("the manifest's hash is the SHA-256 of manifest.json's bytes")
    func manifestHash() throws {
        let bundleFolder = try SyntheticBundle().write(to: folder.appendingPathComponent("b"))
        let bytes = try Data(contentsOf: bundleFolder.appendingPathComponent("manifest.json"))
        let read = try NoticeBundle.read(path: bundleFolder.path)
        #expect(read.manifestSHA256 == SHA256Hex.of(bytes))
    }

    @Test("each entry links to the previous one, across notices and receipts")
    func chainLinks() throws {
        let first = try submit(sent: "2026-11-24", tracking: "A")
        let receipt = try store.recordReceipt(noticeID: first.id, received: .of("2026-11-27"))
        let second = try submit(sent: "2026-11-25", tracking: "B")
        #expect(receipt.seq == 2 && receipt.previousHash == first.hash)
        #expect(second.seq == 3 && second.previousHash == receipt.hash)
        #expect(second.id == 2)
        #expect(try store.verify() == ChainVerification(notices: 2, receipts: 1, head: second.hash, problem: nil))
    }

    @Test("a receipt is an event: a later one corrects without erasing; one before sending is refused")
    func receipts() throws {
        let notice = try submit(sent: "2026-11-24", tracking: "A")
        #expect(throws: ArchiveError.self) { try store.recordReceipt(noticeID: notice.id, received: .of("2026-11-23")) }
        let sameDay = try store.recordReceipt(noticeID: notice.id, received: .of("2026-11-24"))
        #expect(sameDay.received == .of("2026-11-24"))
        let corrected = try store.recordReceipt(noticeID: notice.id, received: .of("2026-11-27"))
        let stored = try store.notice(id: notice.id)
        #expect(stored.receipts.map(\.received) == [.of("2026-11-24"), .of("2026-11-27")])
        #expect(stored.received == corrected.received)
        let again = #expect(throws: ArchiveError.self) {
            try store.recordReceipt(noticeID: notice.id, received: .of("2026-11-27"))
        }
        #expect(again?.message.contains("est déjà enregistré") == true)
        let missing = #expect(throws: ArchiveError.self) {
            try store.recordReceipt(noticeID: 9, received: .of("2026-12-01"))
        }
        #expect(missing?.message.contains("pas de notification #9") == true)
        #expect(try store.verify().isIntact)
    }

    @Test("the same notice, date, channel and tracking twice is refused; a resend is not")
    func duplicates() throws {
        let bundleFolder = try SyntheticBundle().write(to: folder.appendingPathComponent("same"))
        let bundle = try NoticeBundle.read(path: bundleFolder.path)
        try store.add(NoticeSubmission(bundle: bundle, sent: .of("2026-11-24"), channel: .email, tracking: "m1"))
        let error = #expect(throws: ArchiveError.self) {
            try store.add(NoticeSubmission(bundle: bundle, sent: .of("2026-11-24"), channel: .email, tracking: "m1"))
        }
        #expect(error?.message.contains("déjà archivée sous le n° 1") == true)
        let resent = try store.add(
            NoticeSubmission(
                bundle: bundle, sent: .of("2026-12-01"), channel: .bailiff,
                tracking: "acte 2026-118"))
        #expect(resent.id == 2)
    }

    @Test("a notice cannot be sent before the bundle's as_of; tracking must be given")
    func addValidation() throws {
        let early = #expect(throws: ArchiveError.self) { try submit(sent: "2026-11-22", tracking: "A") }
        #expect(early?.message.contains("antérieur au calcul du dossier (as_of 2026-11-23)") == true)
        #expect(throws: ArchiveError.self) { try submit(sent: "2026-11-24", tracking: "  ") }
        #expect(try store.list(ArchiveFilter(asOf: .of("2026-12-31"))).isEmpty)
    }

    @Test("a batch is all or nothing")
    func batchAtomic() throws {
        let bundle = try SyntheticBundle().read(in: folder.appendingPathComponent("batch"))
        let good = NoticeSubmission(bundle: bundle, sent: .of("2026-11-24"), channel: .email, tracking: "1")
        #expect(throws: ArchiveError.self) { try store.add(contentsOf: [good, good]) }
        #expect(try store.list(ArchiveFilter(asOf: .of("2026-12-31"))).isEmpty)
        let records = try store.add(contentsOf: [
            good, NoticeSubmission(bundle: bundle, sent: .of("2026-11-25"), channel: .email, tracking: "2"),
        ])
        #expect(records.map(\.id) == [1, 2])
        #expect(try store.verify().isIntact)
    }

    /// Notices: #1 Dupont sent 11-24 (received 11-27), #2 Martin sent 11-25, #3 Dupont sent 12-10.
    func populateForFilters() throws {
        _ = try submit(sent: "2026-11-24", tracking: "A")
        try store.recordReceipt(noticeID: 1, received: .of("2026-11-27"))
        var martin = SyntheticBundle()
        martin.caseReference = "2026-0050"
        martin.debtorName = "Mme Claire Martin"
        martin.debtorSiren = nil
        martin.creditorSiren = "443061841"
        _ = try submit(martin, sent: "2026-11-25", tracking: "B")
        _ = try submit(sent: "2026-12-10", channel: .bailiff, tracking: "C")
    }

    @Test(
        "list filters by debtor, SIREN, date range and status",
        arguments: [
            (ArchiveFilter(asOf: .of("2026-12-15")), [1, 2, 3]),
            (ArchiveFilter(debtor: "dupont electricite", asOf: .of("2026-12-15")), [1, 3]),
            (ArchiveFilter(debtor: "MARTIN", asOf: .of("2026-12-15")), [2]),
            (ArchiveFilter(siren: "732 829 320", asOf: .of("2026-12-15")), [1, 3]),
            (ArchiveFilter(siren: "443061841", asOf: .of("2026-12-15")), [2]),
            (ArchiveFilter(from: .of("2026-11-25"), to: .of("2026-12-10"), asOf: .of("2026-12-15")), [2, 3]),
            (ArchiveFilter(to: .of("2026-11-24"), asOf: .of("2026-12-15")), [1]),
            (ArchiveFilter(status: .received, asOf: .of("2026-12-15")), [1]),
            // #2 sent 11-25: 12-09 − 11-25 = 14 days → still "sent"; 12-10 − 11-25 = 15 days → "no-receipt".
            (ArchiveFilter(status: .sent, asOf: .of("2026-12-09")), [2, 3]),
            (ArchiveFilter(status: .noReceipt, asOf: .of("2026-12-09")), []),
            (ArchiveFilter(status: .noReceipt, asOf: .of("2026-12-10")), [2]),
            (ArchiveFilter(status: .sent, asOf: .of("2026-12-10")), [3]),
        ])
    func listFilters(filter: ArchiveFilter, expected: [Int64]) throws {
        try populateForFilters()
        #expect(try store.list(filter).map(\.id) == expected)
    }

    @Test("latestFormalNotice gives the last notice sent for the case and its receipt date")
    func latestFormalNotice() throws {
        try populateForFilters()
        #expect(
            try store.latestFormalNotice(caseReference: "2026-0042")
                == ArchivedNotice(id: 3, sent: .of("2026-12-10"), received: nil, channel: .bailiff, tracking: "C"))
        try store.recordReceipt(noticeID: 3, received: .of("2026-12-11"))
        #expect(try store.latestFormalNotice(caseReference: "2026-0042")?.received == .of("2026-12-11"))
        #expect(try store.latestFormalNotice(caseReference: "2026-0050")?.id == 2)
        #expect(try store.latestFormalNotice(caseReference: "nope") == nil)
    }

    @Test("export, list and show are deterministic and match their golden files")
    func goldenOutputs() throws {
        try populateForFilters()
        let records = try store.export()
        #expect(records.map(\.id) == [1, 2, 3])
        #expect(records.allSatisfy { $0.text != nil })
        let json = ArchiveFormatter.json(records)
        #expect(json == ArchiveFormatter.json(try store.export()))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(parsed?["schema"] as? String == "recouvre.archive-export/1")
        let outputs = [
            ("export.json", json),
            ("export.csv", ArchiveFormatter.csv(records)),
            (
                "list.txt",
                ArchiveFormatter.list(try store.list(ArchiveFilter(asOf: .of("2026-12-15"))), asOf: .of("2026-12-15"))
            ),
            ("show-1.txt", ArchiveFormatter.show(try store.notice(id: 1), asOf: .of("2026-12-15"))),
        ]
        for (name, output) in outputs {
            if let diff = Golden.mismatch(output, target: "RecouvreArchiveTests", name: name) {
                Issue.record("\(diff)")
            }
        }
    }

    @Test("CSV quotes fields holding commas, quotes or line breaks (RFC 4180)")
    func csvQuoting() {
        #expect(ArchiveFormatter.csvField("SARL \"Le Clos\", Dijon") == "\"SARL \"\"Le Clos\"\", Dijon\"")
        #expect(ArchiveFormatter.csvField("plain") == "plain")
        #expect(ArchiveFormatter.csvField("a\nb") == "\"a\nb\"")
    }

    @Test("the default location follows XDG")
    func defaultPath() {
        #expect(
            ArchiveStore.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/a"])
                == "/data/recouvre/archive.sqlite")
        #expect(
            ArchiveStore.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.local/share/recouvre/archive.sqlite"
        )
        // A relative XDG_DATA_HOME is invalid per the XDG specification and is ignored.
        #expect(
            ArchiveStore.defaultPath(environment: ["XDG_DATA_HOME": "data", "HOME": "/home/a"])
                == "/home/a/.local/share/recouvre/archive.sqlite")
    }
}
