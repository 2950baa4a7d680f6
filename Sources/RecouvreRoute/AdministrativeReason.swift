import RecouvreModel

/// What the router says about a claim against a public body after its mémoire en réclamation, worded in
/// `forms/messages/administrative.yaml`.
public enum AdministrativeReason: CatalogueReason, Hashable {
    public static let section = "administrative"

    case procedureRefereProvision
    case claimReceived(date: String)
    case waitingForRejection(received: String, rejected: String, from: String)
    case noSecondClaim(received: String)
    case implicitRejection(received: String, rejected: String)
    case expressRejection(date: String)
    case refereProvision(court: String)
    case recourseDeadline(date: String, until: String)
    case recourseNotRunningExpress(date: String)
    case recourseNotRunningImplicit
    case fileRequete
    case noOffice
    // `recouvre route` text: where the mémoire stands (route.administrativeClaim).
    case labelStatus(status: String)
    case statusNotReceived
    case statusWaiting(received: String, rejected: String, from: String)
    case statusImplicit(received: String, rejected: String)
    case statusExpress(date: String)
    case statusExpressDeadline(date: String, until: String)
}
