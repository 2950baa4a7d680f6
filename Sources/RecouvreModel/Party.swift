/// Who a party is, which decides the regime of the claim (domain.md §1).
public enum PartyKind: String, Sendable, Codable, CaseIterable {
    case company
    case individual
    case publicBody = "public_body"
}

/// A postal address. `country` is ISO 3166-1 alpha-2 (`FR` by default).
public struct Address: Sendable, Hashable, Codable {
    public var lines: [String]
    public var postcode: String?
    public var city: String
    /// INSEE commune code (5 characters, `2A004` in Corsica); resolves shared postcodes.
    public var insee: String?
    public var country: String

    public init(lines: [String], postcode: String?, city: String, insee: String? = nil, country: String = "FR") {
        self.lines = lines
        self.postcode = postcode
        self.city = city
        self.insee = insee
        self.country = country
    }

    public var isFrance: Bool { country == "FR" }
}

/// A creditor or a debtor.
public struct Party: Sendable, Hashable, Codable {
    public var kind: PartyKind
    public var name: String
    /// SARL, SAS, SA, SNC, EURL, SASU, SCI, association, EI, …
    public var legalForm: String?
    public var siren: String?
    public var siret: String?
    /// City of the RCS registration.
    public var rcs: String?
    /// For individuals: acting for professional purposes? (companies and public bodies always are).
    public var professional: Bool?
    /// Commerçant or commercial company; derived from the legal form when absent.
    public var merchant: Bool?
    public var address: Address
    public var representative: String?
    public var email: String?
    public var phone: String?
    public var iban: String?
    /// `monsieur` or `madame`, for a natural person (or the person a letter is addressed to).
    public var civility: Civility?
    /// Individuals: given names and surname, as on the civil status (CPC 54, 57).
    public var firstNames: String?
    public var surname: String?
    /// Individuals: profession, nationality, date and place of birth (a natural-person creditor's
    /// requête states them, CPC 54 3° a).
    public var profession: String?
    public var nationality: String?
    public var birthDate: Day?
    public var birthPlace: String?
    /// Creditor: its médiateur de la consommation.
    public var mediator: Mediator?
    /// Public-body debtor: the office of the pouvoir adjudicateur (`Monsieur le Maire`).
    public var office: String?

    public init(kind: PartyKind, name: String, legalForm: String? = nil, siren: String? = nil,
                siret: String? = nil, rcs: String? = nil, professional: Bool? = nil, merchant: Bool? = nil,
                address: Address, representative: String? = nil, email: String? = nil,
                phone: String? = nil, iban: String? = nil, civility: Civility? = nil,
                firstNames: String? = nil, surname: String? = nil, profession: String? = nil,
                nationality: String? = nil, birthDate: Day? = nil, birthPlace: String? = nil,
                mediator: Mediator? = nil, office: String? = nil) {
        self.kind = kind
        self.name = name
        self.legalForm = legalForm
        self.siren = siren
        self.siret = siret
        self.rcs = rcs
        self.professional = professional
        self.merchant = merchant
        self.address = address
        self.representative = representative
        self.email = email
        self.phone = phone
        self.iban = iban
        self.civility = civility
        self.firstNames = firstNames
        self.surname = surname
        self.profession = profession
        self.nationality = nationality
        self.birthDate = birthDate
        self.birthPlace = birthPlace
        self.mediator = mediator
        self.office = office
    }

    /// Acts for professional purposes: companies and public bodies always; individuals when they say so.
    public var actsProfessionally: Bool {
        switch kind {
        case .company, .publicBody: return true
        case .individual: return professional ?? false
        }
    }

    /// A merchant or a commercial company (C. com. L121-1, L210-1). Given by `merchant`, otherwise
    /// derived from the legal form: SNC, SCS, SARL, EURL and the sociétés par actions are commercial
    /// by their form (L210-1). Sociétés d'exercice libéral, civil companies, associations and
    /// individuals are not presumed merchants (the conservative reading: the user says `merchant: true`).
    public var isMerchant: Bool {
        if let merchant { return merchant }
        guard kind == .company, let form = legalForm else { return false }
        return Party.commercialForms.contains(Party.normalizedForm(form))
    }

    /// Legal forms that are commercial whatever their object (C. com. L210-1).
    public static let commercialForms: Set<String> = ["SARL", "EURL", "SAS", "SASU", "SA", "SNC", "SCS", "SCA"]

    static func normalizedForm(_ form: String) -> String {
        form.uppercased().filter { $0.isLetter }
    }

    /// The creditor category for the taux de l'intérêt légal (C. mon. fin. L313-2, D313-1-A):
    /// a natural person not acting for professional needs gets the "particulier" rate.
    public var legalRateCategory: LegalRateCategory {
        kind == .individual && !actsProfessionally ? .particulier : .autresCas
    }
}

/// The two taux de l'intérêt légal published each half-year (C. mon. fin. L313-2).
public enum LegalRateCategory: String, Sendable, Codable, CaseIterable {
    /// Creditor is a natural person not acting for professional needs.
    case particulier
    /// Every other creditor.
    case autresCas = "autres_cas"
}
