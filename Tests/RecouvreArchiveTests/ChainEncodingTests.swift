import Testing

@testable import RecouvreArchive

@Suite("The chain's canonical encoding")
struct ChainEncodingTests {
    @Test("a receipt encodes as documented on ChainEntry")
    func receiptBytes() {
        let entry = ChainEntry.receipt(
            seq: 2, id: 1, previousHash: String(repeating: "a", count: 64), noticeID: 1,
            received: "2026-11-27")
        let expected =
            "recouvre.archive.entry/1\nseq=2\nkind=receipt\nid=1\nprevious=\(String(repeating: "a", count: 64))\n"
            + "notice_id=1:1\nreceived=10:2026-11-27\n"
        #expect(entry.canonicalBytes() == Array(expected.utf8))
    }

    @Test("lengths count UTF-8 bytes and absent values differ from empty ones")
    func lengthsAndAbsence() {
        func notice(_ siren: String?, tracking: String = "Électricité") -> ChainEntry {
            .notice(
                seq: 1, id: 1, previousHash: ChainEntry.genesis,
                bundle: NoticeBundleFields(
                    caseReference: "c", creditorName: "n", creditorSiren: siren, debtorName: "d", debtorSiren: nil,
                    amountClaimed: "1.00", asOf: nil, noticeFile: "f", noticeSHA256: "s", manifestSHA256: "m",
                    sent: "2026-11-24", channel: "email", tracking: tracking))
        }
        let text = String(decoding: notice(nil).canonicalBytes(), as: UTF8.self)
        #expect(text.contains("creditor_siren=-\n"))
        #expect(text.contains("tracking=13:Électricité\n"))  // É and é take two bytes each: 11 characters, 13 bytes
        #expect(notice(nil).hash != notice("").hash)
        // A value cannot forge a field boundary.
        #expect(notice("x\ndebtor_name=1:d", tracking: "t").hash != notice("x", tracking: "t").hash)
    }
}
