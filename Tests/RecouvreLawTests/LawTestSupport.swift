import Foundation
import RecouvreForms
import RecouvreLaw
import RecouvreModel
import RecouvreTestSupport

/// The pinned tables (Tests/Fixtures/forms-pinned), read once: new half-years in forms/rates/ change no test.
let shippedBook: LawBook = {
    // A test that cannot read the shipped tables fails at its first use with the loader's message.
    try! LawBook.load(forms: Forms(shipped: TestPaths.pinnedForms))
}()

let shippedTables: RateTables = shippedBook.rates

/// The shipped catalogue words the statement's rate sources and warnings.
let shippedMessages: MessageCatalogue = shippedBook.messages

func day(_ text: String) -> Day {
    guard let value = Day(iso: text) else { fatalError("bad test date \(text)") }
    return value
}

func money(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

let lyon = Address(lines: ["12 rue des Lilas"], postcode: "69003", city: "Lyon")
let dijon = Address(lines: ["4 avenue Jean Jaurès"], postcode: "21000", city: "Dijon")

let company = Party(kind: .company, name: "Atelier Lumière", legalForm: "SARL", siren: "123456782", address: lyon)
let companyDebtor = Party(
    kind: .company, name: "Bâtiments Durand", legalForm: "SAS", siren: "552100554", address: dijon)
let person = Party(kind: .individual, name: "Claire Martin", professional: false, address: lyon)
let personDebtor = Party(kind: .individual, name: "Paul Durand", professional: false, address: dijon)
let publicBody = Party(
    kind: .publicBody, name: "Ville de Rennes",
    address: Address(lines: ["Place de la Mairie"], postcode: "35000", city: "Rennes"))

func invoice(_ number: String, due: String, _ amount: String, issued: String? = nil) -> Invoice {
    let dueDay = day(due)
    return Invoice(
        number: number, issued: issued.map(day) ?? dueDay.adding(days: -30), due: dueDay, amount: money(amount))
}

func pay(_ date: String, _ amount: String, invoice: String? = nil) -> Payment {
    Payment(date: day(date), amount: money(amount), invoice: invoice)
}

func notice(received: String) -> Event {
    let receipt = day(received)
    return Event(type: .formalNotice, date: receipt.adding(days: -3), received: receipt, channel: .registeredLetter)
}

func notice(sent: String, received: String) -> Event {
    Event(type: .formalNotice, date: day(sent), received: day(received), channel: .registeredLetter)
}

/// A case between two companies (regime B2B) unless other parties or a nature are given.
func makeCase(
    creditor: Party = company, debtor: Party = companyDebtor, contract: Contract = Contract(),
    invoices: [Invoice], payments: [Payment] = [], creditNotes: [CreditNote] = [],
    events: [Event] = []
) -> Case {
    Case(
        reference: "T-1", creditor: creditor, debtor: debtor, contract: contract, invoices: invoices,
        payments: payments, creditNotes: creditNotes, events: events)
}
