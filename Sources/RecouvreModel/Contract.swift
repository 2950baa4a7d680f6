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
    /// Annual capitalisation of interest (anatocisme, C. civ. 1343-2), only when asked.
    public var capitalisation: Bool
    /// For a residential lease: the address of the property (decides the court).
    public var property: Address?

    public init(nature: Nature? = nil, reference: String? = nil, paymentTerms: String? = nil,
                penaltyRate: PenaltyRateClause? = nil, flatFee: Bool = true,
                collectiveProceedings: CollectiveProceedings? = nil, extraRecoveryCosts: Decimal? = nil,
                capitalisation: Bool = false, property: Address? = nil) {
        self.nature = nature
        self.reference = reference
        self.paymentTerms = paymentTerms
        self.penaltyRate = penaltyRate
        self.flatFee = flatFee
        self.collectiveProceedings = collectiveProceedings
        self.extraRecoveryCosts = extraRecoveryCosts
        self.capitalisation = capitalisation
        self.property = property
    }
}

import Foundation
