import Foundation
import RecouvreModel
import Testing

@testable import RecouvreRoute

/// One routing case on a real commune. The expected court names were read in `forms/courts/courts.tsv`
/// and cross-checked with the sources (competences.json, tae_2025.csv); `DirectoryDataTests` checks
/// the whole directory against competences.json.
struct RoutingCase: Sendable, CustomTestStringConvertible {
    var label: String
    var nature: Nature?
    var debtor: Build.Debtor = .company
    var address: Address
    var property: Address? = nil
    var collective: CollectiveProceedings? = nil
    var total: Decimal
    var principal: Decimal? = nil
    var asOf: Day = Build.asOf
    var procedure: Procedure
    var kind: CourtKind?
    var court: String?
    var alternatives: [Procedure] = []
    var courDAppel: String? = nil

    var testDescription: String { label }
}

private func fr(_ postcode: String?, _ city: String, insee: String? = nil) -> Address {
    Build.address(postcode, city, insee: insee)
}

private func abroad(_ country: String, _ city: String) -> Address {
    Build.address(nil, city, country: country)
}

private let ip = Procedure.injonctionDePayer
private let tae = CourtKind.tribunalDesActivitesEconomiques

let routingCases: [RoutingCase] = [
    // The 12 tribunaux des activités économiques (arrêté du 5 juillet 2024), commercial claims.
    RoutingCase(
        label: "TAE Marseille (6e arr.)", address: fr("13006", "Marseille"), total: 12_000, procedure: ip,
        kind: tae, court: "Tribunal des activités économiques de Marseille"),
    RoutingCase(
        label: "TAE Le Mans", address: fr("72000", "Le Mans"), total: 12_000, procedure: ip, kind: tae,
        court: "Tribunal des activités économiques du Mans"),
    RoutingCase(
        label: "TAE Limoges", address: fr("87000", "Limoges"), total: 12_000, procedure: ip, kind: tae,
        court: "Tribunal des activités économiques de Limoges"),
    RoutingCase(
        label: "TAE Lyon (3e arr.)", address: fr("69003", "Lyon"), total: 12_000, procedure: ip, kind: tae,
        court: "Tribunal des activités économiques de Lyon"),
    RoutingCase(
        label: "TAE Nancy", address: fr("54000", "Nancy"), total: 12_000, procedure: ip, kind: tae,
        court: "Tribunal des activités économiques de Nancy"),
    RoutingCase(
        label: "TAE Avignon", address: fr("84000", "Avignon"), total: 12_000, procedure: ip, kind: tae,
        court: "Tribunal des activités économiques d'Avignon"),
    RoutingCase(
        label: "TAE Avignon for Carpentras (TC d'Avignon's ressort)", address: fr("84200", "Carpentras"),
        total: 12_000, procedure: ip, kind: tae, court: "Tribunal des activités économiques d'Avignon"),
    RoutingCase(
        label: "TAE Auxerre", address: fr("89000", "Auxerre"), total: 12_000, procedure: ip, kind: tae,
        court: "Tribunal des activités économiques d'Auxerre"),
    RoutingCase(
        label: "TAE Paris (Paris 15e)", address: fr("75015", "Paris 15e"), total: 12_000, procedure: ip,
        kind: tae, court: "Tribunal des activités économiques de Paris"),
    RoutingCase(
        label: "TAE Saint-Brieuc (St-Brieuc CEDEX 1)", address: fr("22021", "ST BRIEUC CEDEX 1"),
        total: 12_000, procedure: ip, kind: tae, court: "Tribunal des activités économiques de Saint-Brieuc"),
    RoutingCase(
        label: "TAE Le Havre (address missing)", address: fr("76600", "Le Havre"), total: 12_000,
        procedure: ip, kind: tae, court: "Tribunal des activités économiques du Havre"),
    RoutingCase(
        label: "TAE Nanterre", address: fr("92000", "Nanterre"), total: 12_000, procedure: ip, kind: tae,
        court: "Tribunal des activités économiques de Nanterre"),
    RoutingCase(
        label: "TAE Versailles", address: fr("78000", "Versailles"), total: 12_000, procedure: ip, kind: tae,
        court: "Tribunal des activités économiques de Versailles"),
    RoutingCase(
        label: "TAE Nanterre for Courbevoie", address: fr("92400", "Courbevoie"), total: 2_000, procedure: ip,
        kind: tae, court: "Tribunal des activités économiques de Nanterre", alternatives: [.pspc],
        courDAppel: "Cour d'appel de Versailles"),
    RoutingCase(
        label: "Before 2025 the TC of Nanterre", address: fr("92000", "Nanterre"), total: 12_000,
        asOf: Day(iso: "2024-12-31")!, procedure: ip, kind: .tribunalDeCommerce,
        court: "Tribunal de commerce de Nanterre"),
    // Ordinary tribunaux de commerce.
    RoutingCase(
        label: "TC Dijon", address: fr("21000", "Dijon"), total: 1_220, procedure: ip,
        kind: .tribunalDeCommerce, court: "Tribunal de commerce de Dijon", alternatives: [.pspc],
        courDAppel: "Cour d'appel de Dijon"),
    RoutingCase(
        label: "TC Lille Métropole for Villeneuve-d'Ascq", address: fr("59650", "Villeneuve d'Ascq"),
        total: 20_000, procedure: ip, kind: .tribunalDeCommerce, court: "Tribunal de commerce de Lille Métropole"),
    RoutingCase(
        label: "TC Bobigny for Saint-Denis (93)", address: fr("93200", "Saint-Denis"), total: 7_000,
        procedure: ip, kind: .tribunalDeCommerce, court: "Tribunal de commerce de Bobigny"),
    RoutingCase(
        label: "TC Ajaccio (Corse-du-Sud)", address: fr("20000", "Ajaccio"), total: 7_000, procedure: ip,
        kind: .tribunalDeCommerce, court: "Tribunal de commerce d'Ajaccio"),
    RoutingCase(
        label: "TC Tarascon for Arles (13200)", address: fr("13200", "Arles"), total: 7_000, procedure: ip,
        kind: .tribunalDeCommerce, court: "Tribunal de commerce de Tarascon"),
    // Alsace-Moselle: chambre commerciale of the TJ.
    RoutingCase(
        label: "Bas-Rhin: Strasbourg", address: fr("67000", "Strasbourg"), total: 9_000, procedure: ip,
        kind: .chambreCommercialeTJ, court: "Chambre commerciale du tribunal judiciaire de Strasbourg"),
    RoutingCase(
        label: "Haut-Rhin: Mulhouse", address: fr("68100", "Mulhouse"), total: 9_000, procedure: ip,
        kind: .chambreCommercialeTJ, court: "Chambre commerciale du tribunal judiciaire de Mulhouse"),
    RoutingCase(
        label: "Moselle: Metz", address: fr("57000", "Metz"), total: 9_000, procedure: ip,
        kind: .chambreCommercialeTJ, court: "Chambre commerciale du tribunal judiciaire de Metz"),
    RoutingCase(
        label: "Moselle: Thionville", address: fr("57100", "Thionville"), total: 9_000, procedure: ip,
        kind: .chambreCommercialeTJ, court: "Chambre commerciale du tribunal judiciaire de Thionville"),
    RoutingCase(
        label: "Bas-Rhin, commune missing in 2021: Bosselshausen", address: fr("67330", "Bosselshausen"),
        total: 9_000, procedure: ip, kind: .chambreCommercialeTJ,
        court: "Chambre commerciale du tribunal judiciaire de Saverne"),
    RoutingCase(
        label: "Civil claim in Strasbourg goes to the TJ", nature: .civil, debtor: .individual,
        address: fr("67000", "Strasbourg"), total: 12_000, procedure: ip, kind: .tribunalJudiciaire,
        court: "Tribunal judiciaire de Strasbourg"),
    // Overseas départements: tribunal mixte de commerce.
    RoutingCase(
        label: "Guadeloupe: Pointe-à-Pitre", address: fr("97110", "Pointe-à-Pitre"), total: 9_000,
        procedure: ip, kind: .tribunalMixteDeCommerce, court: "Tribunal mixte de commerce de Pointe-à-Pitre"),
    RoutingCase(
        label: "Martinique: Fort-de-France", address: fr("97200", "Fort-de-France"), total: 9_000,
        procedure: ip, kind: .tribunalMixteDeCommerce, court: "Tribunal mixte de commerce de Fort-de-France"),
    RoutingCase(
        label: "Guyane: Cayenne", address: fr("97300", "Cayenne"), total: 9_000, procedure: ip,
        kind: .tribunalMixteDeCommerce, court: "Tribunal mixte de commerce de Cayenne"),
    RoutingCase(
        label: "La Réunion: Saint-Denis", address: fr("97400", "Saint-Denis"), total: 9_000, procedure: ip,
        kind: .tribunalMixteDeCommerce, court: "Tribunal mixte de commerce de Saint-Denis de La Réunion"),
    RoutingCase(
        label: "Mayotte: Mamoudzou", address: fr("97600", "Mamoudzou"), total: 9_000, procedure: ip,
        kind: .tribunalMixteDeCommerce, court: "Tribunal mixte de commerce de Mamoudzou"),
    // Paris, Lyon, Marseille arrondissements and whole communes.
    RoutingCase(
        label: "Paris 1er, civil ≤ 10 000 €: TJ Paris (no tribunal de proximité)", nature: .civil,
        debtor: .individual, address: fr("75001", "PARIS 1ER"), total: 3_000, procedure: ip,
        kind: .tribunalJudiciaire, court: "Tribunal judiciaire de Paris", alternatives: [.pspc],
        courDAppel: "Cour d'appel de Paris"),
    RoutingCase(
        label: "Lyon 1er by INSEE 69381", nature: .civil, debtor: .individual,
        address: fr(nil, "Lyon", insee: "69381"), total: 12_000, procedure: ip, kind: .tribunalJudiciaire,
        court: "Tribunal judiciaire de Lyon"),
    RoutingCase(
        label: "Lyon by INSEE 69123 (only arrondissements in the court data)",
        address: fr(nil, "Lyon", insee: "69123"), total: 12_000, procedure: ip, kind: tae,
        court: "Tribunal des activités économiques de Lyon"),
    RoutingCase(
        label: "Lyon CEDEX postcode", address: fr("69433", "Lyon Cedex 03"), total: 12_000, procedure: ip,
        kind: tae, court: "Tribunal des activités économiques de Lyon"),
    RoutingCase(
        label: "Marseille 8e", nature: .consumer, debtor: .individual, address: fr("13008", "Marseille 8e"),
        total: 12_000, procedure: ip, kind: .tribunalJudiciaire, court: "Tribunal judiciaire de Marseille"),
    RoutingCase(
        label: "Marseille by INSEE 13055", address: fr(nil, "Marseille", insee: "13055"), total: 12_000,
        procedure: ip, kind: tae, court: "Tribunal des activités économiques de Marseille"),
    // Civil and consumer claims: TJ or tribunal de proximité around 10 000 €; PSPC around 5 000 €.
    RoutingCase(
        label: "Civil 10 000.00 € in Nanterre: tribunal de proximité de Puteaux", nature: .civil,
        debtor: .individual, address: fr("92000", "Nanterre"), total: 10_000, procedure: ip,
        kind: .tribunalDeProximite, court: "Tribunal de proximité de Puteaux"),
    RoutingCase(
        label: "Civil 10 000.01 € in Nanterre: TJ Nanterre", nature: .civil, debtor: .individual,
        address: fr("92000", "Nanterre"), total: Decimal(string: "10000.01")!, procedure: ip,
        kind: .tribunalJudiciaire, court: "Tribunal judiciaire de Nanterre"),
    RoutingCase(
        label: "Consumer 5 000.00 € in Roubaix: proximité + PSPC", nature: nil, debtor: .individual,
        address: fr("59100", "Roubaix"), total: 5_000, procedure: ip, kind: .tribunalDeProximite,
        court: "Tribunal de proximité de Roubaix", alternatives: [.pspc], courDAppel: "Cour d'appel de Douai"),
    RoutingCase(
        label: "Consumer 5 000.01 € in Roubaix: no PSPC", nature: nil, debtor: .individual,
        address: fr("59100", "Roubaix"), total: Decimal(string: "5000.01")!, procedure: ip,
        kind: .tribunalDeProximite, court: "Tribunal de proximité de Roubaix"),
    RoutingCase(
        label: "Commercial 4 999.99 € in Bordeaux: PSPC offered", address: fr("33000", "Bordeaux"),
        total: Decimal(string: "4999.99")!, procedure: ip, kind: .tribunalDeCommerce,
        court: "Tribunal de commerce de Bordeaux", alternatives: [.pspc], courDAppel: "Cour d'appel de Bordeaux"),
    RoutingCase(
        label: "Civil between professionals (SCI) in Créteil, 9 999.99 €", nature: nil, debtor: .civilCompany,
        address: fr("94000", "Créteil"), total: Decimal(string: "9999.99")!, procedure: ip,
        kind: .tribunalDeProximite, court: "Tribunal de proximité de Saint-Maur-des-Fossés"),
    RoutingCase(
        label: "Civil in Bastia (Haute-Corse), postcode 20200 shared", nature: .civil, debtor: .individual,
        address: fr("20200", "Bastia"), total: 12_000, procedure: ip, kind: .tribunalJudiciaire,
        court: "Tribunal judiciaire de Bastia"),
    RoutingCase(
        label: "Civil in Saint-Barthélemy (TJ Basse-Terre, proximité Saint-Martin)", nature: .civil,
        debtor: .individual, address: fr("97133", "Saint-Barthélemy"), total: 2_000, procedure: ip,
        kind: .tribunalDeProximite, court: "Tribunal de proximité de Saint-Martin", alternatives: [.pspc],
        courDAppel: "Cour d'appel de Basse-Terre"),
    // Residential lease and consumer credit: juge des contentieux de la protection. The injonction de
    // payer goes to the judge of the tenant's domicile (CPC 1406, domain.md §4), wherever the property is.
    RoutingCase(
        label: "Lease: property in Lille, tenant in Roubaix", nature: .residentialLease, debtor: .individual,
        address: fr("59100", "Roubaix"), property: fr("59000", "Lille"), total: 3_600, procedure: ip,
        kind: .jugeDesContentieuxDeLaProtection,
        court: "Juge des contentieux de la protection du tribunal de proximité de Roubaix", alternatives: [.pspc],
        courDAppel: "Cour d'appel de Douai"),
    RoutingCase(
        label: "Lease: property in Roubaix, tenant in Lyon", nature: .residentialLease, debtor: .individual,
        address: fr("69003", "Lyon"), property: fr("59100", "Roubaix"), total: 3_600, procedure: ip,
        kind: .jugeDesContentieuxDeLaProtection,
        court: "Juge des contentieux de la protection du tribunal judiciaire de Lyon",
        alternatives: [.pspc], courDAppel: "Cour d'appel de Lyon"),
    RoutingCase(
        label: "Consumer credit in Courbevoie: JCP of the tribunal de proximité", nature: .consumerCredit,
        debtor: .individual, address: fr("92400", "Courbevoie"), total: 25_000, procedure: ip,
        kind: .jugeDesContentieuxDeLaProtection,
        court: "Juge des contentieux de la protection du tribunal de proximité de Courbevoie"),
    // Public body: tribunal administratif of the département.
    RoutingCase(
        label: "Public body in Rennes", nature: .publicProcurement, debtor: .publicBody,
        address: fr("35000", "Rennes"), total: 3_000, procedure: .administrativeClaim,
        kind: .tribunalAdministratif, court: "Tribunal administratif de Rennes"),
    RoutingCase(
        label: "Public body in Saint-Denis (93): TA Montreuil", debtor: .publicBody,
        address: fr("93200", "Saint-Denis"), total: 30_000, procedure: .administrativeClaim,
        kind: .tribunalAdministratif, court: "Tribunal administratif de Montreuil"),
    RoutingCase(
        label: "Public body in Ajaccio: TA Bastia", debtor: .publicBody, address: fr("20000", "Ajaccio"),
        total: 30_000, procedure: .administrativeClaim, kind: .tribunalAdministratif,
        court: "Tribunal administratif de Bastia"),
    // Debtors abroad.
    RoutingCase(
        label: "EU: Belgium, 4 000 € (ESCP alternative)", address: abroad("BE", "Bruxelles"), total: 4_000,
        procedure: .europeanOrderForPayment, kind: .foreign, alternatives: [.europeanSmallClaims]),
    RoutingCase(
        label: "EU: Germany, principal 5 000 € + interest", address: abroad("DE", "Berlin"), total: 5_400,
        principal: 5_000, procedure: .europeanOrderForPayment, kind: .foreign,
        alternatives: [.europeanSmallClaims]),
    RoutingCase(
        label: "EU: Italy, principal 5 000.01 € (no ESCP)", address: abroad("IT", "Milano"),
        total: Decimal(string: "5000.01")!, procedure: .europeanOrderForPayment, kind: .foreign),
    RoutingCase(
        label: "EU: Spain, consumer", nature: .consumer, debtor: .individual, address: abroad("ES", "Madrid"),
        total: 800, procedure: .europeanOrderForPayment, kind: .foreign, alternatives: [.europeanSmallClaims]),
    RoutingCase(
        label: "Denmark is excluded", address: abroad("DK", "København"), total: 4_000, procedure: .none,
        kind: nil),
    RoutingCase(
        label: "Non-EU: Switzerland", address: abroad("CH", "Genève"), total: 4_000, procedure: .none,
        kind: nil),
    RoutingCase(
        label: "Non-EU: United States", address: abroad("US", "New York"), total: 40_000, procedure: .none,
        kind: nil),
    // Collective proceedings.
    RoutingCase(
        label: "Collective proceedings, debtor in Dijon", address: fr("21000", "Dijon"),
        collective: .opened(Day(iso: "2026-10-01")!), total: 3_000, procedure: .declarationDeCreance,
        kind: .tribunalDeCommerce, court: "Tribunal de commerce de Dijon"),
    RoutingCase(
        label: "Collective proceedings, debtor in Nanterre (TAE)", address: fr("92000", "Nanterre"),
        collective: .openedUnknownDate, total: 3_000, procedure: .declarationDeCreance, kind: tae,
        court: "Tribunal des activités économiques de Nanterre"),
]

@Suite("Routing table (domain.md §4) on real communes")
struct RouterTableTests {
    @Test("every routing case", arguments: routingCases)
    func routes(_ row: RoutingCase) throws {
        let claim = Build.claim(
            nature: row.nature, debtor: row.debtor, at: row.address, property: row.property,
            collective: row.collective)
        let route = try Shipped.router().route(
            case: claim, statement: Build.statement(total: row.total, principal: row.principal, asOf: row.asOf))
        #expect(route.procedure == row.procedure)
        #expect(route.court?.kind == row.kind)
        if let name = row.court { #expect(route.court?.name == name) }
        #expect(route.alternatives.map(\.procedure) == row.alternatives)
        #expect(route.courDAppel == row.courDAppel)
        #expect(route.amount == row.total)
        #expect(!route.explanation.isEmpty)
    }

    @Test("the table covers every court kind but the commissaire de justice (the PSPC is an alternative)")
    func coversEveryKind() {
        let kinds = Set(routingCases.compactMap(\.kind))
        #expect(kinds == Set(CourtKind.allCases).subtracting([.commissaireDeJustice]))
        #expect(routingCases.count >= 50)
    }
}

@Suite("Lease venue: property and tenant's domicile in different ressorts")
struct LeaseVenueTests {
    func route(tenant: Address, property: Address) throws -> Route {
        let claim = Build.claim(nature: .residentialLease, debtor: .individual, at: tenant, property: property)
        return try Shipped.router().route(case: claim, statement: Build.statement(total: 3_600))
    }

    @Test("a tenant living in another ressort goes to the judge of his domicile, and the route says which and why")
    func otherRessort() throws {
        let route = try route(tenant: Build.address("69003", "Lyon"), property: Build.address("59100", "Roubaix"))
        #expect(route.court?.name == "Juge des contentieux de la protection du tribunal judiciaire de Lyon")
        let why = route.explanation.first { $0.contains("1406") && $0.contains("hors du ressort du logement") }
        #expect(why != nil)
        #expect(why?.contains("Roubaix") == true)
        #expect(why?.contains("tribunal judiciaire de Lyon") == true)
    }

    @Test("a tenant still living at the property gets no such warning")
    func sameRessort() throws {
        let lille = Build.address("59000", "Lille")
        let route = try route(tenant: lille, property: lille)
        #expect(!route.explanation.contains { $0.contains("hors du ressort du logement") })
    }
}
