import RecouvreModel
import RecouvreRoute

/// The documents a dossier can hold. The raw value names the template (`forms/templates/<raw>.mustache`).
public enum DocumentKind: String, Sendable, CaseIterable {
    case miseEnDemeure = "mise-en-demeure"
    case releveDeCompte = "releve-de-compte"
    case requeteInjonctionDePayer = "requete-en-injonction-de-payer"
    case requetePetitesCreances = "requete-petites-creances"
    case formulaireEuropeen = "formulaire-europeen"
    case memoireEnReclamation = "memoire-en-reclamation"
    case declarationDeCreance = "declaration-de-creance"
    /// C. com. L622-26: added after a late déclaration de créance, while relief is still possible.
    case requeteReleveDeForclusion = "requete-en-releve-de-forclusion"
    case bordereauDePieces = "bordereau-de-pieces"
    case lettreAuCommissaireDeJustice = "lettre-au-commissaire-de-justice"
    /// A title exists: what it awards, as of the date (CPCE L111-2, R221-1's décompte).
    case decompteDuTitre = "decompte-du-titre"
    /// A title exists: the instruction to a commissaire de justice to enforce it (CPCE L111-3).
    case demandeDExecution = "demande-d-execution-forcee"
    /// Public body after the rejection of its mémoire: requête en référé-provision (CJA R541-1).
    case requeteRefereProvision = "requete-en-refere-provision"

    /// The template's name under `forms/templates/`.
    public var template: String { rawValue }

    /// The document's title (in the bundle's listing, on the bordereau, in dossier.xml), worded in
    /// `forms/messages/documents.yaml` (`title…` keys).
    public func title(_ messages: MessageCatalogue) -> String { messages.text(titleWord) }

    var titleWord: DocumentTitle {
        switch self {
        case .miseEnDemeure: return .titleMiseEnDemeure
        case .releveDeCompte: return .titleReleveDeCompte
        case .requeteInjonctionDePayer: return .titleRequeteInjonctionDePayer
        case .requetePetitesCreances: return .titleRequetePetitesCreances
        case .formulaireEuropeen: return .titleFormulaireEuropeen
        case .memoireEnReclamation: return .titleMemoireEnReclamation
        case .declarationDeCreance: return .titleDeclarationDeCreance
        case .requeteReleveDeForclusion: return .titleRequeteReleveDeForclusion
        case .bordereauDePieces: return .titleBordereauDePieces
        case .lettreAuCommissaireDeJustice: return .titleLettreAuCommissaireDeJustice
        case .decompteDuTitre: return .titleDecompteDuTitre
        case .demandeDExecution: return .titleDemandeDExecution
        case .requeteRefereProvision: return .titleRequeteRefereProvision
        }
    }

    /// The part of the file name after the number (`requete-en-injonction-de-payer`).
    func slug(for procedure: Procedure) -> String {
        switch (self, procedure) {
        case (.formulaireEuropeen, .europeanSmallClaims): return "formulaire-a-petits-litiges-europeens"
        case (.formulaireEuropeen, _): return "formulaire-a-injonction-de-payer-europeenne"
        default: return rawValue
        }
    }

    /// Whether the document is itself a pièce of the dossier, listed on the bordereau after the
    /// case's exhibits (the notice and the statement prove the claim; the requête and the letters do not).
    var isExhibit: Bool { self == .miseEnDemeure || self == .releveDeCompte }

    /// The documents of a dossier, in filing order, for a procedure and a stage (documented in docs/court.md):
    /// - notice stage (a procedure that starts with a mise en demeure): the notice to send and its relevé;
    /// - court stage, injonction de payer: statement, requête (its CERFA's boxes), bordereau, letter to the
    ///   commissaire de justice — the notice sent is an exhibit, never rewritten;
    /// - court stage, PSPC: statement, request to the commissaire de justice (CPCE L125-1), bordereau;
    /// - court stage, European order / small claims: statement, form A content, bordereau;
    /// - public body (both stages): statement, mémoire en réclamation (itself the demand), bordereau;
    ///   once the mémoire was rejected (CJA R421-1, R421-2): statement, requête en référé-provision, bordereau;
    /// - a title exists (both stages): décompte of the title, instruction to enforce it, bordereau;
    /// - collective proceedings (both stages): statement, déclaration de créance, bordereau (no demand to
    ///   pay: the opening judgment forbids paying a prior debt, C. com. L622-7);
    /// - no route: the notice stage's two documents; court stage, statement and bordereau.
    public static func plan(for procedure: Procedure, stage: DossierStage = .court) -> [DocumentKind] {
        switch (procedure, stage) {
        case (.enforcement, _):
            return [.decompteDuTitre, .demandeDExecution, .bordereauDePieces]
        case (.refereProvision, _):
            return [.releveDeCompte, .requeteRefereProvision, .bordereauDePieces]
        case (.administrativeClaim, _):
            return [.releveDeCompte, .memoireEnReclamation, .bordereauDePieces]
        case (.declarationDeCreance, _):
            return [.releveDeCompte, .declarationDeCreance, .bordereauDePieces]
        case (_, .notice):
            return [.miseEnDemeure, .releveDeCompte]
        case (.injonctionDePayer, .court):
            return [.releveDeCompte, .requeteInjonctionDePayer, .bordereauDePieces, .lettreAuCommissaireDeJustice]
        case (.pspc, .court):
            return [.releveDeCompte, .requetePetitesCreances, .bordereauDePieces]
        case (.europeanOrderForPayment, .court), (.europeanSmallClaims, .court):
            return [.releveDeCompte, .formulaireEuropeen, .bordereauDePieces]
        case (.none, .court):
            return [.releveDeCompte, .bordereauDePieces]
        }
    }
}
