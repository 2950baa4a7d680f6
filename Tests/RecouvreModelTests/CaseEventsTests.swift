import PropertyBased
import Testing

@testable import RecouvreModel

/// `Case.formalNotice`, `judgment` and `hasFormalNotice`, found in one pass: the same events as the
/// filtered copy's `max` they replaced (the first of the latest when two share a day).
@Suite("A case's latest formal notice and judgment")
struct CaseEventsTests {
    static let address = Address(lines: ["1 rue de la République"], postcode: "69001", city: "Lyon")
    static let party = Party(kind: .company, name: "A", legalForm: "SARL", address: address)

    static func claim(_ events: [Event]) -> Case {
        Case(reference: "R", creditor: party, debtor: party, invoices: [], events: events)
    }

    /// What the properties were: every event of the kind copied, then the maximum by date.
    static func reference(_ events: [Event], _ kind: Event.Kind) -> Event? {
        events.filter { $0.type == kind }.max { $0.date < $1.date }
    }

    static let kinds: [Event.Kind] = [.reminder, .formalNotice, .judgment, .promise]

    @Test("ties, order and absence: the first of the latest, as before")
    func handChecked() {
        let day = Day(iso: "2026-03-10")!
        // Two notices on the same latest day: the first listed (tracking "b") is the one.
        let events = [
            Event(type: .formalNotice, date: day.adding(days: -5), tracking: "a"),
            Event(type: .formalNotice, date: day, tracking: "b"),
            Event(type: .reminder, date: day.adding(days: 3)),
            Event(type: .formalNotice, date: day, tracking: "c"),
        ]
        #expect(Self.claim(events).formalNotice?.tracking == "b")
        #expect(Self.claim(events).hasFormalNotice)
        #expect(Self.claim(events).judgment == nil)
        #expect(!Self.claim([Event(type: .reminder, date: day)]).hasFormalNotice)
        #expect(Self.claim([]).formalNotice == nil)
    }

    @Test("any list of events: the same event as the filtered maximum")
    func sameAsFilteredMax() async {
        // Up to 8 events, each a number 0..<16: its kind (of 4) and its day (of 4): many ties, each
        // event told apart by its tracking text.
        await propertyCheck(input: Gen.int(in: 0...15).array(of: 0...8)) { codes in
            let base = Day(iso: "2026-01-01")!
            let events = codes.enumerated().map { index, code in
                Event(type: Self.kinds[code % 4], date: base.adding(days: code / 4), tracking: "e\(index)")
            }
            let claim = Self.claim(events)
            #expect(claim.formalNotice == Self.reference(events, .formalNotice))
            #expect(claim.judgment == Self.reference(events, .judgment))
            #expect(claim.hasFormalNotice == (Self.reference(events, .formalNotice) != nil))
        }
    }
}
