import Foundation
import RecouvreBundle
import RecouvreForms
import RecouvreLaw
import RecouvreModel
import RecouvreRoute
import RecouvreTestSupport
import RecouvreXML
import Testing

/// A realistic B2B dossier built in Swift: a Lyon creditor, a debtor in Nanterre (a TAE since 2025),
/// two invoices, a credit note and a partial payment on the first, penalty periods crossing 1 July.
enum DossierSample {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }
    static func amount(_ text: String) -> Decimal { try! Money.parse(text).get() }

    static let theCase = Case(
        reference: "2025-0117",
        asOf: day("2025-10-01"),
        creditor: Party(
            kind: .company, name: "Atelier Rhône Métal", legalForm: "SAS", siren: "843 217 654",
            siret: "84321765400014", rcs: "Lyon",
            address: Address(lines: ["12 rue de Bonnel"], postcode: "69003", city: "Lyon", insee: "69383"),
            representative: "Claire Morel, présidente", email: "compta@rhone-metal.example",
            iban: "FR7630006000011234567890189"),
        debtor: Party(
            kind: .company, name: "Hauts-de-Seine Logistique & Fils", legalForm: "SARL",
            siren: "512984303", siret: "51298430300028",
            address: Address(
                lines: ["27 avenue Pablo Picasso", "Bâtiment B"], postcode: "92000",
                city: "Nanterre", insee: "92050")),
        contract: Contract(reference: "Contrat cadre n° 2024-12", paymentTerms: "30 jours fin de mois"),
        invoices: [
            Invoice(
                number: "FA2025-118", issued: day("2025-03-31"), due: day("2025-04-30"), amount: amount("1800.00"),
                description: "Découpe laser <lot 4>"),
            Invoice(number: "FA2025-131", issued: day("2025-06-10"), due: day("2025-07-10"), amount: amount("2450.00")),
        ],
        payments: [
            Payment(date: day("2025-06-02"), amount: amount("500.00"), invoice: "FA2025-118", reference: "VIR-0602")
        ],
        creditNotes: [
            CreditNote(number: "AV2025-007", date: day("2025-05-20"), amount: amount("120.00"), invoice: "FA2025-118")
        ],
        events: [Event(type: .reminder, date: day("2025-07-15"), channel: .email)],
        exhibits: [
            Exhibit(title: "Facture FA2025-118 du 31 mars 2025", file: "pieces/FA2025-118.pdf"),
            Exhibit(title: "Facture FA2025-131 du 10 juin 2025", file: "pieces/FA2025-131.pdf"),
            Exhibit(title: "Conditions générales de vente"),
        ])

    static let ecbSource2025H1 = "ECB MRO 3.15 on 2025-01-01 + 10 (C. com. L441-10)"
    static let ecbSource2025H2 = "ECB MRO 2.15 on 2025-07-01 + 10 (C. com. L441-10)"

    static let statement = Statement(
        reference: "2025-0117", asOf: day("2025-10-01"), regime: .b2b, dayBasis: .d365,
        invoices: [
            InvoiceStatement(
                number: "FA2025-118", issued: day("2025-03-31"), due: day("2025-04-30"), amount: amount("1800.00"),
                paid: amount("500.00"), credited: amount("120.00"), outstanding: amount("1180.00"),
                periods: [
                    // 1800 × 13.15 % × 19 / 365 = 12.3214… → 12.32
                    PenaltyPeriod(
                        from: day("2025-05-01"), to: day("2025-05-19"), days: 19, base: amount("1800.00"),
                        rate: amount("13.15"), amount: amount("12.32"), source: ecbSource2025H1),
                    // 1680 × 13.15 % × 13 / 365 = 7.8684… → 7.87
                    PenaltyPeriod(
                        from: day("2025-05-20"), to: day("2025-06-01"), days: 13, base: amount("1680.00"),
                        rate: amount("13.15"), amount: amount("7.87"), source: ecbSource2025H1),
                    // 1180 × 13.15 % × 29 / 365 = 12.3286… → 12.33
                    PenaltyPeriod(
                        from: day("2025-06-02"), to: day("2025-06-30"), days: 29, base: amount("1180.00"),
                        rate: amount("13.15"), amount: amount("12.33"), source: ecbSource2025H1),
                    // 1180 × 12.15 % × 93 / 365 = 36.5299… → 36.53
                    PenaltyPeriod(
                        from: day("2025-07-01"), to: day("2025-10-01"), days: 93, base: amount("1180.00"),
                        rate: amount("12.15"), amount: amount("36.53"), source: ecbSource2025H2),
                ],
                // 12.32 + 7.87 + 12.33 + 36.53 = 69.05
                penalties: amount("69.05"), flatFee: amount("40.00")),
            InvoiceStatement(
                number: "FA2025-131", issued: day("2025-06-10"), due: day("2025-07-10"), amount: amount("2450.00"),
                paid: 0, credited: 0, outstanding: amount("2450.00"),
                periods: [
                    // 2450 × 12.15 % × 83 / 365 = 67.6905… → 67.69
                    PenaltyPeriod(
                        from: day("2025-07-11"), to: day("2025-10-01"), days: 83, base: amount("2450.00"),
                        rate: amount("12.15"), amount: amount("67.69"), source: ecbSource2025H2)
                ],
                penalties: amount("67.69"), flatFee: amount("40.00")),
        ],
        payments: [
            PaymentImputation(
                kind: .creditNote, date: day("2025-05-20"), amount: amount("120.00"), reference: "AV2025-007",
                imputed: [.init(invoice: "FA2025-118", amount: amount("120.00"))], unallocated: 0),
            PaymentImputation(
                kind: .payment, date: day("2025-06-02"), amount: amount("500.00"), reference: "VIR-0602",
                imputed: [.init(invoice: "FA2025-118", amount: amount("500.00"))], unallocated: 0),
        ],
        // principal 1180 + 2450 = 3630.00; penalties 69.05 + 67.69 = 136.74; fees 2 × 40 = 80.00;
        // total 3630.00 + 136.74 + 80.00 = 3846.74
        totals: Totals(
            principal: amount("3630.00"), penalties: amount("136.74"), flatFees: amount("80.00"),
            total: amount("3846.74")),
        warnings: ["Paiements imputés sur le principal (C. civ. 1342-10)."],
        convention: "Intérêts calculés sur 365 jours, premier et dernier jour inclus, arrondis au centime par période.",
        rateTables: [
            RateTableUse(
                id: "ecb-mro", name: "ECB main refinancing operations rate", file: "rates/ecb-mro.yaml",
                source: "European Central Bank, key interest rates", checkedThrough: day("2025-09-30"))
        ])

    static let route = Route(
        nature: .commercial, regime: .b2b, amount: amount("3846.74"), asOf: day("2025-10-01"),
        procedure: .injonctionDePayer,
        court: Court(
            kind: .tribunalDesActivitesEconomiques, name: "Tribunal des activités économiques de Nanterre",
            address: Address(lines: ["4 rue Pablo Neruda"], postcode: "92020", city: "Nanterre Cedex"),
            source: "forms/courts/courts.csv"),
        form: Form(cerfa: "12946*02", title: "Requête en injonction de payer (tribunal de commerce)"),
        alternatives: [Alternative(procedure: .pspc, why: "créance ≤ 5 000 €")],
        courDAppel: "Cour d'appel de Versailles",
        priorSteps: ["Adresser une mise en demeure par lettre recommandée avec accusé de réception."],
        warnings: [
            "Nanterre fait partie des tribunaux des activités économiques expérimentés depuis le 1er janvier 2025."
        ],
        explanation: [
            "Créance commerciale : injonction de payer devant la juridiction du siège du débiteur (CPC 1406)."
        ])

    static let input = DossierXMLInput(
        case: theCase, statement: statement, route: route,
        documents: [
            // SHA-256 digests of sample contents: input data, not computed here.
            DocumentDigest(
                fileName: "01-mise-en-demeure.txt", title: "Mise en demeure",
                sha256: "6599bc92feef6d29002bf8dc5d168476d68b81183848b4dddf3ee6db7e4075b2", bytes: 3120),
            DocumentDigest(
                fileName: "02-releve-de-compte.txt", title: "Relevé de compte",
                sha256: "49022a5035707c2b881bf49689d5ae8caaba50bff85f27c68c5d2da49c5655da", bytes: 2210),
            DocumentDigest(
                fileName: "03-requete-injonction-de-payer.txt", title: "Requête en injonction de payer",
                sha256: "273a884b6d3b465f5e3fbbf0cf9a79b2e72a4a19354de3e647abcd59f06a995a", bytes: 4012),
        ],
        exhibits: [
            ExhibitDigest(
                number: 1, title: "Facture FA2025-118 du 31 mars 2025", path: "pieces/FA2025-118.pdf",
                sha256: "0990249a0b4be367beb2d6b13ddbd15629439473883d75ae5f97d8428782dae8", bytes: 48213),
            ExhibitDigest(
                number: 2, title: "Facture FA2025-131 du 10 juin 2025", path: "pieces/FA2025-131.pdf",
                sha256: "b581916b3055621546d868efadf8a7e9281fed7a4e5bd924e2c107fd0bef8c27", bytes: 51877),
            ExhibitDigest(number: 3, title: "Conditions générales de vente"),
        ],
        tool: "recouvre 0.1.0",
        courtDataSource: "forms/courts: annuaire des juridictions, ministère de la Justice, 2025-09")
}

@Suite("DossierXML")
struct DossierXMLTests {
    let forms = ShippedBook.book.dossierSchema

    @Test("the shipped schema compiles")
    func schemaCompiles() throws {
        _ = try XMLSchemaValidator(
            schemaData: try Data(contentsOf: TestPaths.forms.appendingPathComponent(LawBook.schemaPath)),
            name: "dossier.xsd")
    }

    @Test("a realistic B2B dossier renders, validates and matches its golden file")
    func golden() throws {
        let data = try DossierXML.render(DossierSample.input, schema: forms)
        try forms.validate(data, name: "dossier.xml")
        if let diff = Golden.mismatch(data, target: "RecouvreBundleTests", name: "dossier-sample.xml") {
            Issue.record(Comment(rawValue: diff))
        }
    }

    @Test("the same input gives the same bytes")
    func deterministic() throws {
        #expect(
            try DossierXML.render(DossierSample.input, schema: forms)
                == DossierXML.render(DossierSample.input, schema: forms))
    }

    @Test("the XML carries the figures, the period crossing 1 July and its rate source, the route and digests")
    func content() throws {
        let root = try SafeXMLParser.parse(try DossierXML.render(DossierSample.input, schema: forms))
        #expect(root.namespace == DossierXML.namespace)
        #expect(root.attribute("version") == "1")
        #expect(root.child("generation")?.child("as-of")?.text == "2025-10-01")
        let creditor = try #require(root.child("parties")?.child("creditor"))
        #expect(creditor.child("siren")?.text == "843217654")  // written without its spaces
        #expect(creditor.child("merchant")?.text == "true")  // SAS: commercial by its form
        #expect(root.child("parties")?.child("debtor")?.child("name")?.text == "Hauts-de-Seine Logistique & Fils")
        let first = try #require(root.child("statement")?.children(named: "invoice").first)
        let periods = try #require(first.child("periods")?.children(named: "period"))
        #expect(periods.map { $0.child("rate")?.text } == ["13.15", "13.15", "13.15", "12.15"])
        #expect(periods.last?.child("from")?.text == "2025-07-01")
        #expect(periods.last?.child("source")?.text == DossierSample.ecbSource2025H2)
        #expect(first.child("outstanding")?.text == "1180.00")
        let totals = try #require(root.child("statement")?.child("totals"))
        #expect(totals.child("total")?.text == "3846.74")
        #expect(totals.child("extra-recovery-costs")?.text == "0.00")
        let settlements = try #require(root.child("settlements")?.children(named: "settlement"))
        #expect(settlements.map { $0.child("kind")?.text } == ["credit_note", "payment"])
        #expect(settlements[1].child("imputations")?.child("imputation")?.child("amount")?.text == "500.00")
        let court = try #require(root.child("route")?.child("court"))
        #expect(court.child("kind")?.text == "tribunal_des_activites_economiques")
        #expect(court.child("address")?.child("city")?.text == "Nanterre Cedex")
        #expect(root.child("route")?.child("cour-d-appel")?.text == "Cour d'appel de Versailles")
        let exhibits = try #require(root.child("exhibits")?.children(named: "exhibit"))
        #expect(exhibits.map { $0.child("sha256") == nil } == [false, false, true])
        #expect(root.child("documents")?.children(named: "document").count == 3)
        #expect(
            root.child("sources")?.child("rate-tables")?.child("rate-table")?.child("checked-through")?.text
                == "2025-09-30")
    }

    // MARK: hand-broken copies of the sample, rejected with libxml2's line and reason

    /// The rendered sample with the first occurrence of `original` replaced, and that line's number.
    private func broken(_ original: String, _ replacement: String) throws -> (data: Data, line: Int) {
        let text = String(decoding: try DossierXML.render(DossierSample.input, schema: forms), as: UTF8.self)
        let range = try #require(text.range(of: original), "\(original) is not in the sample")
        let line = text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
        return (Data(text.replacingCharacters(in: range, with: replacement).utf8), line)
    }

    private func firstError(_ data: Data) throws -> XMLError {
        let error = try #require(throws: XMLValidationError.self) { try forms.validate(data, name: "dossier.xml") }
        return try #require(error.errors.first)
    }

    @Test("an impossible date is rejected")
    func badDate() throws {
        let (data, line) = try broken("<due>2025-04-30</due>", "<due>2025-02-30</due>")
        let error = try firstError(data)
        #expect(error.line == line)
        #expect(error.file == "dossier.xml")
        #expect(error.message.contains("'2025-02-30' is not a valid value of the atomic type"))
    }

    @Test("an amount with three decimals is rejected")
    func threeDecimals() throws {
        let (data, line) = try broken("<amount>1800.00</amount>", "<amount>1800.005</amount>")
        let error = try firstError(data)
        #expect(error.line == line)
        #expect(error.message.contains("'1800.005' is not accepted by the pattern"))
    }

    @Test("a negative amount is rejected")
    func negativeAmount() throws {
        let (data, line) = try broken("<total>3846.74</total>", "<total>-3846.74</total>")
        let error = try firstError(data)
        #expect(error.line == line)
        #expect(error.message.contains("'-3846.74' is not accepted by the pattern"))
    }

    @Test("an unknown procedure is rejected")
    func unknownEnumeration() throws {
        let (data, line) = try broken("<procedure>injonction_de_payer</procedure>", "<procedure>refere</procedure>")
        let error = try firstError(data)
        #expect(error.line == line)
        #expect(error.message.contains("The value 'refere' is not an element of the set"))
    }

    @Test("a SIREN of 8 digits is rejected")
    func shortSiren() throws {
        let (data, line) = try broken("<siren>843217654</siren>", "<siren>84321765</siren>")
        #expect(try firstError(data).line == line)
    }

    @Test("a missing element is rejected at its parent")
    func missingElement() throws {
        let (data, _) = try broken("<city>Lyon</city>", "")
        let error = try firstError(data)
        #expect(error.message.contains("Expected is"))
        #expect(error.message.contains("city"))
    }

    @Test("a document in the wrong namespace is rejected")
    func wrongNamespace() throws {
        let (data, _) = try broken("xmlns=\"urn:recouvre:dossier:1\"", "xmlns=\"urn:recouvre:dossier:2\"")
        let error = try firstError(data)
        #expect(error.message.contains("No matching global declaration available for the validation root"))
    }

    @Test("a statement recouvre got wrong is a bug report, never a dossier.xml")
    func generatedInvalid() throws {
        var input = DossierSample.input
        input.statement.totals.principal = -1
        let error = try #require(throws: DossierXMLError.self) { try DossierXML.render(input, schema: forms) }
        guard case .generatedInvalid(let validation) = error else {
            Issue.record("expected generatedInvalid, got \(error)")
            return
        }
        #expect(validation.errors.first?.message.contains("'-1.00' is not accepted by the pattern") == true)
        #expect(error.description.contains("c'est un défaut de recouvre"))
        #expect(error.description.contains("dossier.xml:"))
    }

    // MARK: the schema's closed lists are the Swift enums' raw values

    static let enumerations: [(String, [String])] = [
        ("Regime", Regime.allCases.map(\.rawValue)),
        ("Nature", Nature.allCases.map(\.rawValue)),
        ("Procedure", Procedure.allCases.map(\.rawValue)),
        ("CourtKind", CourtKind.allCases.map(\.rawValue)),
        ("PartyKind", PartyKind.allCases.map(\.rawValue)),
        ("Channel", Channel.allCases.map(\.rawValue)),
        ("EventType", Event.Kind.allCases.map(\.rawValue)),
        ("DayBasis", DayBasis.allCases.map(\.rawValue)),
    ]

    @Test("each enumeration of the schema lists exactly the Swift enum's raw values", arguments: enumerations)
    func enumerationsMatch(type: String, values: [String]) throws {
        let schema = try SafeXMLParser.parse(
            try Data(contentsOf: TestPaths.forms.appendingPathComponent(LawBook.schemaPath)))
        let simpleType = try #require(schema.children(named: "simpleType").first { $0.attribute("name") == type })
        let listed = simpleType.child("restriction")?.children(named: "enumeration").compactMap {
            $0.attribute("value")
        }
        #expect(Set(listed ?? []) == Set(values))
    }
}
