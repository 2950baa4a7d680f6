import RecouvreDocuments
import RecouvreModel

// The amicable letters (relances, plans, chronology, MIME dates) do not receive the law book's message
// catalogue yet: they keep this one list of month names. The court documents, the statement, the route
// and `check` write dates with `FrenchDates` (forms/messages/calendar.yaml), which a firm's --forms
// override changes; these letters move to it when RecouvreAmicable takes the book's catalogue.
extension FrenchFormat {
    static let amicableMonths = [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]

    /// `23 novembre 2026`; `1er janvier 2026`.
    static func date(_ day: Day) -> String {
        let number = day.day == 1 ? "1er" : String(day.day)
        return "\(number) \(amicableMonths[day.month - 1]) \(day.year)"
    }
}

extension PartyView {
    /// A party of an amicable letter: the same view as the court documents', worded with this module's
    /// fallback words until the letters take the book's catalogue (see `FrenchFormat.date` above).
    init(_ party: Party) {
        self.init(party, messages: MessageCatalogue(entries: amicablePartyWords))
    }
}

// The identity words and country names of `forms/messages/documents.yaml` and `countries.yaml`, for the
// amicable letters only (see above).
private let amicablePartyWords: [String: String] = [
    "documents.partyPublicBody": "personne morale de droit public",
    "documents.partySoleTrader": "entrepreneur individuel",
    "documents.partySiren": "SIREN {siren}", "documents.partyRCS": "RCS {rcs}",
    "countries.at": "Autriche", "countries.be": "Belgique", "countries.bg": "Bulgarie", "countries.cy": "Chypre",
    "countries.cz": "Tchéquie", "countries.de": "Allemagne", "countries.dk": "Danemark", "countries.ee": "Estonie",
    "countries.es": "Espagne", "countries.fi": "Finlande", "countries.fr": "France", "countries.gr": "Grèce",
    "countries.hr": "Croatie", "countries.hu": "Hongrie", "countries.ie": "Irlande", "countries.it": "Italie",
    "countries.lt": "Lituanie", "countries.lu": "Luxembourg", "countries.lv": "Lettonie", "countries.mt": "Malte",
    "countries.nl": "Pays-Bas", "countries.pl": "Pologne", "countries.pt": "Portugal", "countries.ro": "Roumanie",
    "countries.se": "Suède", "countries.si": "Slovénie", "countries.sk": "Slovaquie", "countries.ch": "Suisse",
    "countries.gb": "Royaume-Uni", "countries.mc": "Monaco",
]
