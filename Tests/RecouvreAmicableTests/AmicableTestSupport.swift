import Foundation
import RecouvreAmicable
import RecouvreDocuments
import RecouvreForms
import RecouvreLaw
import RecouvreModel
import RecouvreTestSupport

/// The shipped forms, read once from the checkout (tests are at the edge: they may read files).
let book: LawBook = try! LawBook.load(forms: Forms(shipped: TestPaths.pinnedForms))
let tables: RateTables = book.rates
let amicableForms: AmicableForms = book.amicable
let engine = book.statementEngine

func day(_ text: String) -> Day {
    guard let value = Day(iso: text) else { fatalError("bad test date \(text)") }
    return value
}

func money(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

let creditor = Party(
    kind: .company, name: "Atelier Lumière", legalForm: "SARL", siren: "123456782", rcs: "Lyon",
    address: Address(lines: ["12 rue des Lilas"], postcode: "69003", city: "Lyon"),
    representative: "Claire Martin, gérante", email: "compta@atelier-lumiere.fr", phone: "04 72 00 00 00",
    iban: "FR7630006000011234567890189")
let debtor = Party(
    kind: .company, name: "Bâtiments Durand", legalForm: "SAS", siren: "552100554", rcs: "Dijon",
    address: Address(lines: ["4 avenue Jean Jaurès"], postcode: "21000", city: "Dijon"),
    representative: "Marc Durand, président", email: "compta@durand-batiments.fr")

/// One B2B invoice of 1 200,00 € due on 31 March 2026 (J+1 = 1 April, J+15 = 15 April, J+30 = 30 April).
func sampleCase(
    amount: String = "1200.00", due: String = "2026-03-31", payments: [Payment] = [], events: [Event] = [],
    debtorParty: Party = debtor
) -> Case {
    Case(
        reference: "2026-0042", creditor: creditor, debtor: debtorParty,
        contract: Contract(reference: "Devis D-2026-007 accepté le 2 février 2026"),
        invoices: [
            Invoice(number: "FA2026-031", issued: day(due).adding(days: -30), due: day(due), amount: money(amount))
        ],
        payments: payments, events: events)
}

func profile(_ name: String) -> PayerProfile { amicableForms.profiles.profile(named: name)! }

/// The ladder's decision for `claim` on `asOf`.
func decide(
    _ claim: Case, on asOf: String, history: AmicableHistory = AmicableHistory(), profile name: String = "standard"
) throws -> LadderDecision {
    let statement = try engine.statement(for: claim, asOf: day(asOf))
    return LadderEngine.decide(
        case: claim, statement: statement, history: history, ladder: amicableForms.ladder,
        profile: profile(name), asOf: day(asOf), formalNoticeDays: 8)
}

func sent(_ step: String, on date: String, channel: Channel = .email) -> RecordedReminder {
    RecordedReminder(date: day(date), step: step, channel: channel)
}

extension LadderDecision {
    var nextStep: (id: String, day: Day)? {
        if case .step(let step, let day) = next { return (step.id, day) }
        return nil
    }
}
