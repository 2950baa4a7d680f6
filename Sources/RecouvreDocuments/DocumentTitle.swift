import RecouvreModel

/// The titles of the documents (`DocumentKind.title`), worded in `forms/messages/documents.yaml`.
public enum DocumentTitle: CatalogueReason, Hashable {
    public static let section = "documents"

    case titleMiseEnDemeure
    case titleReleveDeCompte
    case titleRequeteInjonctionDePayer
    case titleRequetePetitesCreances
    case titleFormulaireEuropeen
    case titleMemoireEnReclamation
    case titleDeclarationDeCreance
    case titleRequeteReleveDeForclusion
    case titleBordereauDePieces
    case titleLettreAuCommissaireDeJustice
    case titleDecompteDuTitre
    case titleDemandeDExecution
    case titleRequeteRefereProvision
}
