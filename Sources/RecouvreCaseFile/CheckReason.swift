import RecouvreModel

/// The sentences and words of `recouvre check`'s summary, worded in `forms/messages/check.yaml`.
public enum CheckReason: CatalogueReason, Hashable {
    public static let section = "check"

    case fileValid(reference: String, file: String)
    case creditor(party: String)
    case debtor(party: String)
    case property(address: String)
    case nature(nature: String, given: String)
    case givenByContract
    case givenByParties
    case regime(regime: String)
    case clause(clause: String)
    case proceedingsOpened(date: Day)
    case proceedingsUnknownDate
    case invoices(count: String, total: String)
    case invoicesLease(count: String, total: String)
    case payments(count: String, total: String)
    case paymentsOneUnallocated(count: String, total: String)
    case paymentsUnallocated(count: String, total: String, unallocated: String)
    case creditNotes(count: String, total: String)
    case principalDue(amount: String)
    case principalNotComputed
    case events(list: String)
    case exhibits(count: String, files: String)
    case asOf(date: Day)
    case asOfToday
    case warning(text: String)
    case warningNoSiren
    case partyForm(name: String, form: String)
    case kindPublicBody
    case kindIndividualProfessional
    case kindIndividual
    case siren(siren: String)
    case natureCommercial
    case natureCivil
    case natureConsumer
    case natureConsumerCredit
    case natureResidentialLease
    case naturePublicProcurement
    case regimeB2B(fee: String)
    case regimeB2BNoFigures
    case regimePublicProcurement(margin: String, fee: String)
    case regimePublicProcurementNoFigures
    case regimeCivil
    case regimeConsumer
    case regimeResidentialLease
    case regimeConsumerCredit
    case clauseFixed(rate: String)
    case clauseECB(points: String)
    case clauseLegal(multiple: String)
    case eventsNone
    case reminderOne
    case reminders(count: String)
    case notice(date: Day)
    case noticesLast(count: String, date: Day)
    case noticeReceived(date: Day)
    case noticeReceiptUnknown
    case judgment(date: Day)
    case judgmentServed(date: Day)
}
