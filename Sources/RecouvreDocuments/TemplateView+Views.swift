import RecouvreModel

// The view models of the documents' templates (see `TemplateTree`). A test walks the models of every
// fixture and fails on a struct left unmarked.
extension MiseEnDemeureView: TemplateView {}
extension AmicableStepsView: TemplateView {}
extension ReleveDeCompteView: TemplateView {}
extension ReleveDeCompteView.Account: TemplateView {}
extension ReleveDeCompteView.Period: TemplateView {}
extension ReleveDeCompteView.Settlement: TemplateView {}
extension RequeteView: TemplateView {}
extension RequeteView.Box: TemplateView {}
extension RequetePetitesCreancesView: TemplateView {}
extension FormulaireEuropeenView: TemplateView {}
extension MemoireEnReclamationView: TemplateView {}
extension DeclarationDeCreanceView: TemplateView {}
extension DeclaredInvoiceView: TemplateView {}
extension ProceedingsView: TemplateView {}
extension ReleveDeForclusionView: TemplateView {}
extension BordereauView: TemplateView {}
extension LettreAuCommissaireView: TemplateView {}
extension PartyView: TemplateView {}
extension InvoiceView: TemplateView {}
extension LateInvoiceView: TemplateView {}
extension ClaimView: TemplateView {}
extension ExhibitView: TemplateView {}
extension FirmView: TemplateView {}
extension Mediator: TemplateView {}
