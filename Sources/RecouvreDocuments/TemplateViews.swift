import RecouvreModel

// The view models of the dossier's templates, and of the types nested in them: `TemplateSchema` reads
// their fields from the types. A nested struct missing here would be taken for a plain value and every
// `{{x.field}}` under it refused at load time; `TemplateSchemaTests` checks that the schema of each
// document offers every path its rendered view offers.
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
extension LeaseStatementView: TemplateView {}

extension DocumentKind {
    /// The type of the view model `DossierRenderer.model(for:)` builds for this document (a test holds
    /// the two together): the template of the document is audited against its schema at every load.
    public var viewType: any TemplateView.Type {
        switch self {
        case .miseEnDemeure: return MiseEnDemeureView.self
        case .releveDeCompte: return ReleveDeCompteView.self
        case .requeteInjonctionDePayer: return RequeteView.self
        case .requetePetitesCreances: return RequetePetitesCreancesView.self
        case .formulaireEuropeen: return FormulaireEuropeenView.self
        case .memoireEnReclamation: return MemoireEnReclamationView.self
        case .declarationDeCreance: return DeclarationDeCreanceView.self
        case .requeteReleveDeForclusion: return ReleveDeForclusionView.self
        case .bordereauDePieces: return BordereauView.self
        case .lettreAuCommissaireDeJustice: return LettreAuCommissaireView.self
        }
    }

    /// The schema of the document's view model.
    public var schema: TemplateSchema { TemplateSchema.of(viewType) }
}
