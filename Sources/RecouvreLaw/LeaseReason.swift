import Foundation
import RecouvreModel

/// Every sentence about a residential lease (loi 89-462 du 6 juillet 1989) — the names of rents,
/// provisions for charges and indemnités d'occupation, the deduction of the dépôt de garantie, the
/// regularisation of charges — worded in `forms/messages/lease.yaml`. The statement, the route and the
/// documents share it.
public enum LeaseReason: CatalogueReason, Hashable {
    public static let section = "lease"

    // The statement engine: the deposit set off once the lease ended (art. 22).
    case depositLabel(date: String)
    case depositReference
    case depositExceeds(amount: String)
    case depositDeducted(amount: String, date: String)
    case depositNotEnded(amount: String, asOf: String)
    case depositMissing(date: String)

    // How each line of the account is named in the documents.
    case lineInvoice
    case lineRent
    case lineCharges
    case lineRentAndCharges
    case lineOccupation
    case lineOccupationCharges
    case lineImputed(amount: String, number: String)

    // The relevé de compte of a lease.
    case accountsHeading
    case regimeNote
    case depositHeading
    case settlementDeposit
    case depositStated(amount: String, ended: String)
    case depositArithmetic(before: String, deposit: String, after: String)
    case depositInterest(amount: String, date: String)
    case depositConvention(date: String)
    case depositNotDeducted(amount: String, date: String)
    case chargesRegularised
    case chargesNotRegularised
    case chargesUnknown
    case occupationFrom(date: String)

    // The requête and the other documents.
    case leaseLine(label: String, number: String, issued: String, amount: String, due: String, outstanding: String)
    case leaseLinePaidLate(label: String, number: String, issued: String, amount: String, due: String, paid: String)
    case basisLease(label: String, number: String, issued: String, due: String, outstanding: String)
    case requeteDeposit(amount: String, date: String)
    case basisLeasePaidLate(label: String, number: String, issued: String, due: String, paid: String)

    // The route.
    case routeInterest
    case routeDeposit(amount: String, date: String)
    case routeChargesRegularised
    case routeChargesNotRegularised
    case routeChargesUnknown
    case routeOccupation(date: String, count: String)
    case routeOccupationAmount
}
