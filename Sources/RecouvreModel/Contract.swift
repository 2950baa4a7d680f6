/// The nature of the claim, which drives the regime, the procedure and the court.
public enum Nature: String, Sendable, Codable, CaseIterable {
    case commercial
    case civil
    case consumer
    case consumerCredit = "consumer_credit"
    case residentialLease = "residential_lease"
    case publicProcurement = "public_procurement"
}

/// The interest regime of a claim (domain.md §1).
public enum Regime: String, Sendable, Codable, CaseIterable {
    /// Between professionals: L441-10 II penalties and the 40 € fee, no notice needed.
    case b2b
    /// Debtor is a public buyer: R2192-31 interest (ECB + 8, fixed) and the D2192-35 fee.
    case publicProcurement = "public_procurement"
    /// Taux légal from the receipt of the formal notice (C. civ. 1231-6, 1344-1).
    case civil
    /// As civil; no flat fee; 2-year prescription (C. consom. L218-2).
    case consumer
    /// As civil; the place of the property decides the court.
    case residentialLease = "residential_lease"
    /// C. consom. L312-39: contractual interest only if the case gives it.
    case consumerCredit = "consumer_credit"
}

/// A contractual late-penalty rate (case-format.md `penalty_rate`).
public enum PenaltyRateClause: Sendable, Hashable, Codable {
    /// A fixed annual rate in percent (`12.0`).
    case fixed(Decimal)
    /// `"ECB + 7"`: the ECB main refinancing rate of the half-year plus so many points.
    case ecbPlus(Decimal)
    /// `"3 x legal"`: a multiple of the taux légal "autres cas" of the half-year.
    case legalTimes(Decimal)
}

/// Whether the debtor is under collective proceedings (sauvegarde, redressement, liquidation).
public enum CollectiveProceedings: Sendable, Hashable, Codable {
    /// Opened, date of the opening judgment unknown.
    case openedUnknownDate
    /// Opened by a judgment of that date: interest stops there (C. com. L622-28).
    case opened(Day)
}

/// The kind of collective proceedings opened (C. com. L620-1, L631-1, L640-1).
public enum ProceedingsKind: String, Sendable, Codable, CaseIterable {
    case sauvegarde
    case redressement
    case liquidation
}

/// A mandataire judiciaire or liquidateur, to whom the claim is declared (C. com. L622-24).
public struct Mandataire: Sendable, Hashable, Codable {
    public var name: String
    public var address: Address?

    public init(name: String, address: Address? = nil) {
        self.name = name
        self.address = address
    }
}

/// What the case says of collective proceedings beyond their opening date (the map form of
/// `collective_proceedings`).
public struct ProceedingsDetails: Sendable, Hashable, Codable {
    public var kind: ProceedingsKind?
    /// The court that opened them (`Tribunal de commerce de Saint-Étienne`).
    public var court: String?
    /// Date of the BODACC publication of the opening judgment (the two months to declare run from it,
    /// C. com. R622-24).
    public var bodacc: Day?
    public var mandataire: Mandataire?

    public init(kind: ProceedingsKind? = nil, court: String? = nil, bodacc: Day? = nil, mandataire: Mandataire? = nil) {
        self.kind = kind
        self.court = court
        self.bodacc = bodacc
        self.mandataire = mandataire
    }
}

/// Why interest is capitalised (C. civ. 1343-2): the contract provides it, or it is asked of the judge.
public enum CapitalisationBasis: String, Sendable, Codable, CaseIterable {
    case contract
    case requested
}

/// The terms of a residential lease that change the claim (deposit, end, charges, clause résolutoire).
public struct LeaseTerms: Sendable, Hashable, Codable {
    /// Dépôt de garantie paid by the tenant.
    public var deposit: Decimal?
    /// The day the lease ended (the deposit is then deducted).
    public var ended: Day?
    /// Whether the charges were regularised for the year (annual regularisation, loi du 6 juillet 1989, art. 23).
    public var chargesRegularised: Bool?
    /// The day the clause résolutoire was acquired: later sums are indemnités d'occupation.
    public var resolutoryClauseAcquired: Day?

    public init(deposit: Decimal? = nil, ended: Day? = nil, chargesRegularised: Bool? = nil,
                resolutoryClauseAcquired: Day? = nil) {
        self.deposit = deposit
        self.ended = ended
        self.chargesRegularised = chargesRegularised
        self.resolutoryClauseAcquired = resolutoryClauseAcquired
    }

    public var isEmpty: Bool { self == LeaseTerms() }
}

/// The contract terms that matter for the claim.
public struct Contract: Sendable, Hashable, Codable {
    /// Overrides the nature derived from the parties.
    public var nature: Nature?
    public var reference: String?
    public var paymentTerms: String?
    public var penaltyRate: PenaltyRateClause?
    /// Claim the 40 € flat fee where the law allows it (default true).
    public var flatFee: Bool
    public var collectiveProceedings: CollectiveProceedings?
    /// Recovery costs above the 40 € fee, claimed on proof (C. com. L441-10 II).
    public var extraRecoveryCosts: Decimal?
    /// Why interest is capitalised (C. civ. 1343-2); `nil`: it is not.
    public var capitalisationBasis: CapitalisationBasis?
    /// For a residential lease: the address of the property.
    public var property: Address?
    /// ISO 3166-1 alpha-2 country where the goods were delivered or the services performed
    /// (Brussels I bis art. 7(1)(b)).
    public var performanceCountry: String?
    /// Residential lease: deposit, end, charges, clause résolutoire.
    public var lease: LeaseTerms
    /// The court, BODACC date and mandataire of collective proceedings (map form of the key).
    public var proceedingsDetails: ProceedingsDetails?

    /// Annual capitalisation of interest (anatocisme, C. civ. 1343-2), only when the contract provides
    /// it or it is asked. Setting `true` records the contract as its basis.
    public var capitalisation: Bool {
        get { capitalisationBasis != nil }
        set { capitalisationBasis = newValue ? (capitalisationBasis ?? .contract) : nil }
    }

    public init(nature: Nature? = nil, reference: String? = nil, paymentTerms: String? = nil,
                penaltyRate: PenaltyRateClause? = nil, flatFee: Bool = true,
                collectiveProceedings: CollectiveProceedings? = nil, extraRecoveryCosts: Decimal? = nil,
                capitalisation: Bool = false, property: Address? = nil,
                capitalisationBasis: CapitalisationBasis? = nil, performanceCountry: String? = nil,
                lease: LeaseTerms = LeaseTerms(), proceedingsDetails: ProceedingsDetails? = nil) {
        self.nature = nature
        self.reference = reference
        self.paymentTerms = paymentTerms
        self.penaltyRate = penaltyRate
        self.flatFee = flatFee
        self.collectiveProceedings = collectiveProceedings
        self.extraRecoveryCosts = extraRecoveryCosts
        self.capitalisationBasis = capitalisationBasis ?? (capitalisation ? .contract : nil)
        self.property = property
        self.performanceCountry = performanceCountry
        self.lease = lease
        self.proceedingsDetails = proceedingsDetails
    }
}

import Foundation
