import Foundation
import RecouvreLaw
import RecouvreModel
import RecouvreRoute

/// The requête to the juge des référés of the tribunal administratif for a provision (CJA R541-1: the
/// obligation is not seriously disputable), after the public buyer rejected the mémoire en réclamation,
/// expressly or by two months' silence (CJA R421-1, R421-2; CRPA L231-4). It comes with the mémoire and
/// the proof of its receipt (CJA R412-1), the invoices and the relevé de compte.
public struct RequeteRefereProvisionView: Sendable {
    public var place: String
    public var date: String
    public var reference: String
    /// "Madame, Monsieur le juge des référés du tribunal administratif de Rennes".
    public var addressee: String
    /// The court's postal address, as the directory gives it.
    public var courtAddressLines: [String]
    public var creditor: PartyView
    public var debtor: PartyView
    /// The pouvoir adjudicateur by office ("Monsieur le Maire").
    public var office: String?
    public var contractReference: String?
    public var invoices: [InvoiceView]
    public var claim: ClaimView
    public var rates: String?
    /// The flat fee per invoice, from the statement (C. commande publique D2192-35), when claimed.
    public var flatFee: String?
    public var interestFrom: String?
    public var runningInterest: [String]
    /// How the claim was rejected, and what follows for the time to bring the recours.
    public var rejection: String
    public var recourse: String
    public var exhibits: [ExhibitView]
    public var firm: FirmView?
    public var signatureLine: String?
    public var signatory: String

    init(_ facts: DossierFacts) {
        let dates = facts.dates
        place = facts.place
        date = facts.date
        reference = facts.theCase.reference
        courtAddressLines = facts.route.court?.address.map { PartyView.lines(of: $0, messages: facts.messages) } ?? []
        addressee =
            facts.route.court.map {
                facts.messages.text(
                    SituationDocumentReason.addresseeRefere(court: CourtWords.genitive($0.name, facts.messages)))
            }
            ?? facts.text(.addresseeToComplete)
        creditor = facts.creditor
        debtor = facts.debtor
        office = facts.theCase.debtor.office
        contractReference = facts.contractReference
        invoices = facts.unpaidInvoices
        claim = facts.claim
        rates = facts.rates
        flatFee = facts.flatFee
        interestFrom = facts.interestFrom
        runningInterest = facts.runningInterest
        func say(_ reason: SituationDocumentReason) -> String { facts.messages.text(reason) }
        switch facts.route.administrativeClaim {
        case .implicitlyRejected(let received, let rejected)?:
            rejection = say(
                .rejectionImplicit(received: dates.long(received), rejected: dates.long(rejected)))
            recourse = say(.recourseNotRunningImplicit)
        case .expresslyRejected(let day, let deadline)?:
            rejection = say(.rejectionExpress(date: dates.long(day)))
            recourse =
                deadline.map { say(.recourseUntil(until: dates.long($0))) } ?? say(.recourseNotRunningExpress)
        case .waiting(let received, let rejected, let from)?:
            rejection = say(
                .claimWaiting(
                    received: dates.long(received), rejected: dates.long(rejected),
                    from: dates.long(from)))
            recourse = ""
        case .notReceived?, nil:
            rejection = say(.claimNotReceived)
            recourse = ""
        }
        exhibits = facts.exhibitViews
        firm = facts.firmView
        signatureLine = facts.firmView?.signatureLine
        signatory = facts.signatory
    }
}
