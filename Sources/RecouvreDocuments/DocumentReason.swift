import RecouvreModel

/// Every sentence the documents stage builds outside the templates — lines of the requête's boxes, the
/// interest that keeps running, the bordereau's destination, the refusals and warnings of a build —
/// worded in `forms/messages/documents.yaml` (see `CatalogueReason`).
public enum DocumentReason: CatalogueReason, Hashable {
    public static let section = "documents"

    // Refusals and warnings of a build (terminal and notes.txt).
    case noticeMissing
    case noticeLetterMissing(index: String)
    case noticeNotReceived(index: String, date: String)
    case noticeTimeNotRun(received: String, days: String, earliest: String, date: String)
    case noticeTimeForced(received: String, days: String, earliest: String, date: String)
    case dispatchProofMissing(index: String)
    case receiptFileMissing(index: String)
    case identityMissing(keys: String)
    case exhibitWithoutFile(index: String, number: String, title: String)
    case exhibitToProduce(number: String, title: String)
    case exhibitFileAbsent(index: String, number: String, title: String, path: String)
    case procedureRefused(procedure: String, allowed: String)
    case alsaceMoselleAmount(court: String)
    case notesTitle
    case notesNone

    // The pièces the court dossier adds from the notice sent.
    case exhibitNoticeSent(date: String)
    case exhibitDispatchProof(date: String)
    case exhibitReceipt(date: String)
    case exhibitNotCollected(date: String)

    // The addressee of a requête, by court.
    case addresseePresident(court: String)
    case addresseeJudge(court: String)
    case addresseeToComplete

    // Lines of the requête's boxes.
    case courtToComplete
    case agentNone
    case agentFirm(name: String, role: String, address: String)
    case agentContact(contact: String)
    case agentReference(reference: String)
    case partySeat(address: String)
    case partyRepresented(representative: String)
    case personIdentity(surname: String, firstNames: String)
    case personProfession(profession: String)
    case personNationality(nationality: String)
    case personBirth(date: String, place: String)
    case amountPrincipal(amount: String)
    case amountInterest(kind: String, date: String, amount: String)
    case amountInterestDetail(rates: String, from: String)
    case interestKindLegal, interestKindPublic, interestKindPenalties
    case amountFees(amount: String)
    case amountExtraFees(amount: String)
    case amountTotal(amount: String)
    case invoiceLine(number: String, issued: String, amount: String, due: String, outstanding: String)
    case invoiceLinePaidLate(number: String, issued: String, amount: String, due: String, paid: String)
    case exhibitLine(number: String, title: String)
    case exhibitLineToProduce(number: String, title: String)
    case oppositionReferral(court: String)
    case signedAt(place: String, date: String)
    case signatoryCreditor(name: String)
    case signatoryFirm(creditor: String, firm: String, signatory: String)
    case signatureBlank

    // Interest that keeps running after the date of the figures (CPC 1407; C. civ. 1231-7).
    case runningB2BDefault(base: String, from: String, margin: String)
    case runningB2BFixed(rate: String, base: String, from: String)
    case runningB2BECB(points: String, base: String, from: String)
    case runningB2BLegalTimes(multiple: String, base: String, from: String)
    case runningPublic(rate: String, base: String, from: String)
    case runningLegal(base: String, from: String)
    case runningLegalNotStarted(base: String)
    case runningClause(rate: String, base: String, from: String)
    case runningNone
    case capitalisationContract
    case capitalisationRequested

    // Rates of the periods already run.
    case ratesOne(rate: String)
    case ratesMany(list: String, last: String)
    case flatFeesMany(list: String, last: String)

    // The notice already sent.
    case previousNotice(date: String)
    case previousNoticeReceived(date: String, received: String)

    // The basis of the claim.
    case basisInvoice(number: String, issued: String, due: String, outstanding: String)
    case basisPaidLate(number: String, issued: String, due: String, paid: String)
    case basisTerms(terms: String)

    // The step the notice announces.
    case nextInjonction
    case nextInjonctionAt(court: String)
    case nextPSPC
    case nextEuropeanOrder
    case nextEuropeanSmallClaims
    case nextAdministrative
    case nextDeclaration
    case nextNone

    // What the bordereau is attached to.
    case destinationInjonction
    case destinationInjonctionAt(court: String)
    case destinationPSPC
    case destinationEuropeanOrder
    case destinationEuropeanOrderAt(court: String)
    case destinationSmallClaims
    case destinationSmallClaimsAt(court: String)
    case destinationAdministrative
    case destinationDeclaration
    case destinationNotice

    // The mandataire's role when the profile gives none.
    case roleAvocat(barreau: String)
    case roleAvocatNoBarreau
    case roleAgency
    case roleCommissaire
    case roleDepartment

    // pdf (issue 17): warnings of a build (terminal and notes.txt).
    case mediatorMissingNotice
    case mediatorMissingCourt
    case declarationMandate(firm: String)
}
