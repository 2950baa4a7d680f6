import RecouvreModel

/// Every explanation, step and warning the router gives, worded in `forms/messages/route.yaml`
/// (the case name is the key, the labelled values fill its placeholders: see `CatalogueReason`).
public enum RouteReason: CatalogueReason, Hashable {
    public static let section = "route"

    case amountRetained(nature: String, regime: String, date: String, amount: String)
    case nothingDue(date: String)
    case commercialCourt(court: String, commune: String)
    case commercialForm(cerfa: String)
    case commercialDataDate(date: String)
    case taeExperiment(from: String, until: String, source: String)
    case taeContribution(threshold: String, source: String)
    case alsaceMoselle(source: String)
    case alsaceMoselleForm(cerfa: String)
    case overseas(source: String)
    case saintBarthSaintMartin
    case registryFee(amount: String, source: String)
    case proximiteCourt(court: String, commune: String, threshold: String, source: String)
    case noProximite
    case aboveProximite(threshold: String, source: String)
    case judiciaireCourt(court: String, commune: String, why: String)
    case civilForm(cerfa: String)
    case civilFormConsumer(cerfa: String)
    case placeOfDebtor(commune: String)
    case protectionJudgeName(seat: String)
    case subjectLease
    case subjectConsumerCredit
    case protectionCourt(subject: String, seat: String, place: String)
    case protectionForm(cerfa: String)
    case consumerCreditForclusion
    case publicDebtor
    case administrativeCourt(court: String, department: String)
    case noAdministrativeCourt(department: String)
    case placeOfPerformance
    case administrativeLawyer
    case publicBodyPrivateContract
    case sendAdministrativeClaim
    case foreignCourtName(country: String)
    case europeanOrder(country: String, source: String)
    case europeanJurisdiction
    case europeanForm
    case europeanSmallClaimsAlternative(principal: String, threshold: String, source: String, form: String)
    // Foreign debtors: the French injonction where French courts have jurisdiction; Switzerland.
    case frenchProceduresAbroadUnlessForum(convention: String)
    case frenchCourtsPlaceOfPerformance(convention: String)
    case swissDebtor
    case denmark(source: String)
    case outsideEU(country: String)
    case noSimplifiedProcedure(why: String)
    case foreignOutsideEU(country: String)
    case collectiveProceedings(source: String)
    case proceedingsCourt(court: String)
    case declareWithin(months: String)
    case declareWithinAbroad(months: String)
    case openingJudgment(date: String)
    // Collective proceedings: the declaration's deadline from the BODACC publication (R622-24, L622-26).
    case proceedingsOpenedBy(court: String)
    case proceedingsMandataire(name: String)
    case bodaccDateUnknown(months: String)
    case declarationInTime(until: String)
    case declarationLate(deadline: String, reliefUntil: String)
    case askReliefFromForfeiture(reliefUntil: String)
    case declarationForeclosed(deadline: String, reliefUntil: String)
    case openingDateUnknown
    case pspcAlternative(threshold: String, source: String, courDAppel: String)
    case lawyerAfterOpposition(threshold: String, source: String)
    case amicableAttemptExempt(source: String)
    case sendFormalNotice
    case sendFormalNoticeCivil
    case keepReceipt(date: String)
    case keepReceiptCivil(date: String)
    case letNoticeRun(date: String)
    case gatherExhibits
    case judgmentExists(date: String)
    case prescriptionRun(date: String, message: String)
    case taeEnded(until: String, source: String, court: String)
    case addressUnverified
    case addressMissing
    case addressRejected
    case checkCourtAddress(court: String, note: String)
    case natureCommercial
    case natureCivil
    case natureConsumer
    case natureConsumerCredit
    case natureResidentialLease
    case naturePublicProcurement
    case oldCommune(insee: String)
    case sourceProcedures(checked: String)
    case sourceCourt(date: String)
    case sourceCourts(competences: String, commercial: String)

    // The choice of `build --procedure` and what each implies (issue 17).
    case chosenInstead(procedure: String, main: String)
    case impliesInjonction
    case impliesPSPC(courDAppel: String)
    case impliesEuropeanOrder
    case impliesEuropeanSmallClaims
    case protectionTenantHome(commune: String, property: String, court: String)

    // Labels of the route's text (RouteFormatter).
    case labelTitle
    case labelTitleWithReference(reference: String)
    case labelTitleAsOf(title: String, date: String)
    case labelProcedure(procedure: String)
    case labelCourt(court: String)
    case labelForm(form: String)
    case labelCourDAppel(courDAppel: String)
    case labelAlternative(procedure: String, why: String)
    case labelWhy, labelAlternatives, labelFirstSteps, labelWarnings, labelSources
    case procedureInjonction, procedurePSPC, procedureEuropeanOrder, procedureEuropeanSmallClaims
    case procedureAdministrativeClaim, procedureDeclaration, procedureNone

    // The texts a foreign court or the French courts abroad rest on, and the court of a référé-provision
    // the directory cannot name.
    case sourceBrusselsDomicile
    case conventionBrusselsPerformance
    case conventionLugano
    case administrativeCourtUnnamed
}
