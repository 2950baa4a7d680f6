import RecouvreModel
import RecouvreRoute

/// The two moments of a claim (domain.md §5): the mise en demeure to send, then — once its time has
/// run — the court dossier, whose exhibit is the notice actually sent.
public enum DossierStage: String, Sendable, CaseIterable {
    case notice
    case court

    /// Without `--stage`: `notice` when the case (completed from the archive) records no formal notice
    /// sent, `court` otherwise.
    public static func `default`(for claim: Case) -> DossierStage {
        claim.hasFormalNotice ? .court : .notice
    }
}

/// Who files the dossier for the creditor (its mandataire): a law firm, a collection agency, a
/// commissaire de justice, or the creditor's own department. Read from a firm profile (docs/firm.md).
public struct Firm: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A law firm: avocat, inscrit à un barreau.
        case avocat
        /// A collection agency (société de recouvrement, C. proc. exéc. R124-1 ff.).
        case agency
        /// A commissaire de justice.
        case commissaire
        /// The creditor's own collection or legal department.
        case department
    }

    public var kind: Kind
    public var name: String
    /// The role as printed (`avocat au barreau de Lyon`); derived from `kind` when absent.
    public var role: String?
    /// For an avocat: the barreau (`Lyon`).
    public var barreau: String?
    public var address: Address
    public var phone: String?
    public var email: String?
    /// The firm's own file reference.
    public var reference: String?
    /// Who signs (`Maître Jeanne Roux`).
    public var signatory: String

    public init(
        kind: Kind, name: String, role: String? = nil, barreau: String? = nil, address: Address,
        phone: String? = nil, email: String? = nil, reference: String? = nil, signatory: String
    ) {
        self.kind = kind
        self.name = name
        self.role = role
        self.barreau = barreau
        self.address = address
        self.phone = phone
        self.email = email
        self.reference = reference
        self.signatory = signatory
    }
}

/// What the user chose for a build: the stage, the procedure among those the route allows, who files.
public struct DossierOptions: Sendable, Hashable {
    /// nil: `DossierStage.default(for:)`.
    public var stage: DossierStage?
    /// nil: the route's main procedure.
    public var procedure: Procedure?
    public var firm: Firm?
    /// `--force`: build a court dossier before the notice's time has run (with a warning).
    public var force: Bool

    public init(stage: DossierStage? = nil, procedure: Procedure? = nil, firm: Firm? = nil, force: Bool = false) {
        self.stage = stage
        self.procedure = procedure
        self.firm = firm
        self.force = force
    }
}

/// A dossier recouvre refuses to build as asked (exit status 1), with every reason, in French.
public struct DossierRefusal: RecouvreError, Sendable, Hashable {
    public var reasons: [String]

    public init(reasons: [String]) { self.reasons = reasons }

    public var exitCode: Int32 { 1 }
    public var description: String { reasons.joined(separator: "\n") }
}
