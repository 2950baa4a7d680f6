import Foundation
import RecouvreModel

/// The procedure chosen (interfaces.md `route`).
public enum Procedure: String, Sendable, Codable, CaseIterable {
    case injonctionDePayer = "injonction_de_payer"
    case pspc
    case europeanOrderForPayment = "european_order_for_payment"
    case europeanSmallClaims = "european_small_claims"
    case administrativeClaim = "administrative_claim"
    case declarationDeCreance = "declaration_de_creance"
    /// A title already exists (judgment or order): its enforcement by a commissaire de justice (CPCE L111-3).
    case enforcement
    /// Public body after the rejection of the mémoire en réclamation: référé-provision (CJA R541-1).
    case refereProvision = "refere_provision"
    case none
}

/// Where the sums of a title (judgment or order) go, by the debtor's situation.
public enum TitlePath: String, Sendable, Hashable, CaseIterable {
    /// In France: forced execution by a commissaire de justice (CPCE L111-2, L111-3).
    case enforcement
    /// Debtor in another EU member state: enforceable there without exequatur (Reg. (UE) 1215/2012
    /// art. 39), on a copy of the title and the certificate of art. 53 (art. 42(1)), served first (art. 43).
    case europeanEnforcement = "eu_enforcement"
    /// Debtor outside the EU: the title is enforced there only after its exequatur (declaration of
    /// enforceability) under that state's law or the convention in force (Lugano 2007 art. 38 for CH).
    case exequatur
    /// Public person: no forced execution; the sum is mandated within two months of notification, else
    /// mandatement d'office by the préfet (CJA L911-9; loi 80-539 art. 1er II).
    case publicBody = "public_body"
    /// Collective proceedings: execution is stopped (C. com. L622-21 II); the title's claim is declared.
    case collectiveProceedings = "collective_proceedings"
}

/// The kind of court or officer the dossier goes to (interfaces.md `route`).
public enum CourtKind: String, Sendable, Codable, CaseIterable {
    case tribunalDeCommerce = "tribunal_de_commerce"
    case tribunalDesActivitesEconomiques = "tribunal_des_activites_economiques"
    case tribunalJudiciaire = "tribunal_judiciaire"
    case tribunalDeProximite = "tribunal_de_proximite"
    case jugeDesContentieuxDeLaProtection = "juge_des_contentieux_de_la_protection"
    case chambreCommercialeTJ = "chambre_commerciale_tj"
    case tribunalMixteDeCommerce = "tribunal_mixte_de_commerce"
    case tribunalAdministratif = "tribunal_administratif"
    case commissaireDeJustice = "commissaire_de_justice"
    case foreign
}

/// A court (or officer) with its postal address.
public struct Court: Sendable, Hashable {
    public var kind: CourtKind
    public var name: String
    public var address: Address?
    /// Phone, e-mail, greffe code… as the directory gives them.
    public var phone: String?
    public var email: String?
    /// Where this court entry comes from (directory and date), for the dossier.
    public var source: String?
    /// The registry code (code greffe) of a commercial court, when known.
    public var greffeCode: String?
    /// Why the address is absent or to be checked ("adresse non vérifiée dans la source"), if so.
    public var addressNote: String?

    public init(
        kind: CourtKind, name: String, address: Address?, phone: String? = nil, email: String? = nil,
        source: String? = nil, greffeCode: String? = nil, addressNote: String? = nil
    ) {
        self.kind = kind
        self.name = name
        self.address = address
        self.phone = phone
        self.email = email
        self.source = source
        self.greffeCode = greffeCode
        self.addressNote = addressNote
    }
}

/// A form to fill (CERFA or European standard form).
public struct Form: Sendable, Hashable {
    /// `12946*02`, or `EPO-A` / `ESCP-A` for the European forms; empty for a free-form letter.
    public var cerfa: String
    public var title: String
    /// The text the form comes from.
    public var source: String?

    public init(cerfa: String, title: String, source: String? = nil) {
        self.cerfa = cerfa
        self.title = title
        self.source = source
    }
}

/// Another procedure open to the creditor, and why.
public struct Alternative: Sendable, Hashable {
    public var procedure: Procedure
    public var why: String

    public init(procedure: Procedure, why: String) {
        self.procedure = procedure
        self.why = why
    }
}

/// The decision: which procedure, which court, which form, what to do first
/// (`recouvre.route/1`, interfaces.md; domain.md §4).
public struct Route: Sendable, Hashable {
    public var nature: Nature
    public var regime: Regime
    /// The claim the route was chosen on: principal + penalties + fees as of `asOf`.
    public var amount: Decimal
    public var asOf: Day
    public var procedure: Procedure
    public var court: Court?
    public var form: Form?
    public var alternatives: [Alternative]
    /// For the PSPC: the cour d'appel in whose ressort the commissaire de justice must be established.
    public var courDAppel: String?
    public var priorSteps: [String]
    public var warnings: [String]
    /// The reasoning, in a few French sentences a legal assistant can paste in a memo.
    public var explanation: [String]
    /// The case reference.
    public var reference: String
    /// The debtor's (or, for a lease, the property's) commune: "Nanterre (INSEE 92050)".
    public var commune: String?
    /// The data the decision rests on, with their dates (court directory, procedures file).
    public var sources: [String]
    /// Collective proceedings: where the déclaration de créance stands against R622-24 / L622-26.
    public var declarationDeadline: DeclarationDeadline? = nil
    /// A title exists and some invoices are outside it: their own route (docs/situations.md), chosen
    /// with `build --procedure`.
    public var uncovered: [Route] = []
    /// Public body: where the mémoire en réclamation stands (CJA R421-1, R421-2).
    public var administrativeClaim: AdministrativeClaimStatus? = nil
    /// European debtor: the small claims ceiling (Reg. 861/2007 art. 2(1)) the principal was compared with.
    public var smallClaimsCeiling: ProcedureRules.DatedAmount? = nil
    /// A title exists: the path its sums take (docs/situations.md); nil without a title.
    public var titlePath: TitlePath? = nil
    /// The invoice numbers of `uncovered` (those the title does not cover).
    public var uncoveredInvoices: [String] = []

    /// The title is the dossier (its décompte and its pièces), whatever the path: enforced in France, in
    /// another member state, after exequatur, or paid by a public person's mandatement.
    public var titleRouted: Bool {
        switch titlePath {
        case .enforcement?, .europeanEnforcement?, .exequatur?, .publicBody?: return true
        case .collectiveProceedings?, nil: return false
        }
    }

    public init(
        nature: Nature, regime: Regime, amount: Decimal, asOf: Day, procedure: Procedure, court: Court?,
        form: Form?, alternatives: [Alternative], courDAppel: String?, priorSteps: [String],
        warnings: [String], explanation: [String], reference: String = "", commune: String? = nil,
        sources: [String] = []
    ) {
        self.reference = reference
        self.commune = commune
        self.sources = sources
        self.nature = nature
        self.regime = regime
        self.amount = amount
        self.asOf = asOf
        self.procedure = procedure
        self.court = court
        self.form = form
        self.alternatives = alternatives
        self.courDAppel = courDAppel
        self.priorSteps = priorSteps
        self.warnings = warnings
        self.explanation = explanation
    }
}
