import Foundation
import RecouvreModel

/// Walks a YAML/JSON document (`FlatYAML`, read in one pass of libyaml) into a `Case`, checking every key against the case format
/// (version 1, docs/case-format.md) and the shape and syntax of every value (dates, amounts, words
/// from a closed list), with its line, column and key path. What the values mean together (check
/// digits, duplicates, allocations, dates in order, exhibit files) is the validator's business
/// (`CaseValidator`), which reads the `Case` and the locations recorded here.
///
/// The `Case` is built even when some values could not be read: a placeholder stands in for each,
/// its path is marked unreadable in the locations, and the validator stays silent about it, so the
/// user gets every problem of the file in one go. Values are read from the scalar's literal text
/// (amounts never pass through a `Double`); only the keys of the format are visited, so the walk is
/// bounded by the schema's depth.
final class CaseFileDecoder {
    let file: String
    /// The document read, one pass of libyaml (`YAMLEvents.compose`); a node is an index in it.
    let doc: FlatYAML
    private(set) var problems: [CaseFileProblem] = []
    /// The paths of the values reported here (not read, or read with a problem).
    private(set) var unreadable: Set<String> = []

    /// Stands for a date that could not be read.
    static let placeholderDay = Day(ordinal: 0)
    static let placeholderAddress = Address(lines: [], postcode: nil, city: "")

    init(file: String, document: FlatYAML) {
        self.file = file
        self.doc = document
    }

    /// Problems in the order of the file (stable for problems at the same place).
    var sortedProblems: [CaseFileProblem] {
        Self.sorted(problems)
    }

    static func sorted(_ problems: [CaseFileProblem]) -> [CaseFileProblem] {
        problems.enumerated().sorted { a, b in
            (a.element.file, a.element.line, a.element.column, a.offset)
                < (b.element.file, b.element.line, b.element.column, b.offset)
        }.map(\.element)
    }

    func report(_ node: Int?, _ path: String, _ message: String, _ remedy: String? = nil) {
        unreadable.insert(path)
        problems.append(
            CaseFileProblem(
                file: file, line: node.map(doc.line) ?? 0, column: node.map(doc.column) ?? 0,
                keyPath: path, message: message, remedy: remedy))
    }

    /// The locations of the values of the document, found on demand (the document is kept, not a
    /// table of paths), with the paths reported here.
    func locations() -> SourceLocations {
        let doc = self.doc
        let file = self.file
        var locations = SourceLocations(file: file) { path in
            doc.node(at: path).map { SourceLocation(file: file, line: doc.line($0), column: doc.column($0)) }
        }
        for path in unreadable { locations.markUnreadable(path) }
        return locations
    }

    // MARK: The case

    func decodeCase(_ root: Int) -> Case? {
        guard doc.kind(root) == .mapping else {
            report(
                root, "",
                "pas un fichier de dossier : attendu des clés telles que version, reference, creditor, debtor, invoices",
                "`recouvre init` écrit un exemple")
            return nil
        }
        guard let fields = fields(of: root, path: "", schema: .root) else { return nil }
        var version: Int?
        if let node = fields["version"] { version = self.version(node) }
        let reference = fields["reference"].flatMap { self.text($0, "reference") }
        let asOf = optional(fields["as_of"]).flatMap { self.date($0, "as_of") }
        let creditor = fields["creditor"].map { party($0, "creditor") }
        let debtor = fields["debtor"].map { party($0, "debtor") }
        let contract = optional(fields["contract"]).map { self.contract($0, "contract") } ?? Contract()
        let invoices = fields["invoices"].map { self.invoices($0) } ?? []
        let payments = optional(fields["payments"]).map { self.payments($0) } ?? []
        let creditNotes = optional(fields["credit_notes"]).map { self.creditNotes($0) } ?? []
        let events = optional(fields["events"]).map { self.events($0) } ?? []
        let exhibits = optional(fields["exhibits"]).map { self.exhibits($0) } ?? []
        let placeholder = Party(kind: .company, name: "", address: Self.placeholderAddress)
        return Case(
            version: version ?? 1, reference: reference ?? "", asOf: asOf, creditor: creditor ?? placeholder,
            debtor: debtor ?? placeholder, contract: contract, invoices: invoices, payments: payments,
            creditNotes: creditNotes, events: events, exhibits: exhibits)
    }

    private func version(_ node: Int) -> Int? {
        guard let raw = scalar(node, "version") else { return nil }
        guard let number = Int(raw.trimmingCharacters(in: .whitespaces)) else {
            report(node, "version", "« \(raw) » n'est pas un numéro de version", "attendu 1")
            return nil
        }
        guard number == 1 else {
            report(
                node, "version", "la version \(number) n'est pas prise en charge : ce recouvre lit la version 1",
                "écrivez version: 1, ou utilisez la version de recouvre qui a écrit ce fichier")
            return nil
        }
        return number
    }

    // MARK: Parties and addresses

    private func party(_ node: Int, _ path: String) -> Party {
        guard let fields = fields(of: node, path: path, schema: .party) else {
            return Party(kind: .company, name: "", address: Self.placeholderAddress)
        }
        let kind: PartyKind? = fields["kind"].flatMap {
            self.choice($0, "\(path).kind", what: "un type de partie connu")
        }
        let name = fields["name"].flatMap { self.text($0, "\(path).name") }
        let legalForm = optional(fields["legal_form"]).flatMap { self.text($0, "\(path).legal_form") }
        let siren = optional(fields["siren"]).flatMap { self.text($0, "\(path).siren") }.map(Self.identifierDigits)
        let siret = optional(fields["siret"]).flatMap { self.text($0, "\(path).siret") }.map(Self.identifierDigits)
        let rcs = optional(fields["rcs"]).flatMap { self.text($0, "\(path).rcs") }
        let professional = optional(fields["professional"]).flatMap { self.bool($0, "\(path).professional") }
        let merchant = optional(fields["merchant"]).flatMap { self.bool($0, "\(path).merchant") }
        let address = fields["address"].map { self.address($0, "\(path).address") }
        let representative = optional(fields["representative"]).flatMap { self.text($0, "\(path).representative") }
        let email = optional(fields["email"]).flatMap { self.text($0, "\(path).email") }
        let phone = optional(fields["phone"]).flatMap { self.text($0, "\(path).phone") }
        let iban = optional(fields["iban"]).flatMap { self.text($0, "\(path).iban") }
            .map(Self.compactIBAN)
        let civility: Civility? = optional(fields["civility"]).flatMap {
            self.choice($0, "\(path).civility", what: "une civilité connue")
        }
        let firstNames = optional(fields["first_names"]).flatMap { self.text($0, "\(path).first_names") }
        let surname = optional(fields["surname"]).flatMap { self.text($0, "\(path).surname") }
        let profession = optional(fields["profession"]).flatMap { self.text($0, "\(path).profession") }
        let nationality = optional(fields["nationality"]).flatMap { self.text($0, "\(path).nationality") }
        let birthDate = optional(fields["birth_date"]).flatMap { self.date($0, "\(path).birth_date") }
        let birthPlace = optional(fields["birth_place"]).flatMap { self.text($0, "\(path).birth_place") }
        let mediator = optional(fields["mediator"]).flatMap { self.mediator($0, "\(path).mediator") }
        let office = optional(fields["office"]).flatMap { self.text($0, "\(path).office") }
        return Party(
            kind: kind ?? .company, name: name ?? "", legalForm: legalForm, siren: siren, siret: siret, rcs: rcs,
            professional: professional, merchant: merchant, address: address ?? Self.placeholderAddress,
            representative: representative, email: email, phone: phone, iban: iban,
            civility: civility, firstNames: firstNames, surname: surname, profession: profession,
            nationality: nationality, birthDate: birthDate, birthPlace: birthPlace, mediator: mediator,
            office: office)
    }

    private func mediator(_ node: Int, _ path: String) -> Mediator? {
        guard let fields = fields(of: node, path: path, schema: .mediator) else { return nil }
        let name = fields["name"].flatMap { self.text($0, "\(path).name") }
        let address = optional(fields["address"]).flatMap { self.text($0, "\(path).address") }
        let website = optional(fields["website"]).flatMap { self.text($0, "\(path).website") }
        return Mediator(name: name ?? "", address: address, website: website)
    }

    private func address(_ node: Int, _ path: String) -> Address {
        guard let fields = fields(of: node, path: path, schema: .address) else { return Self.placeholderAddress }
        let lines = fields["lines"].flatMap { self.lines($0, "\(path).lines") }
        let city = fields["city"].flatMap { self.text($0, "\(path).city") }
        let country = optional(fields["country"]).flatMap { self.text($0, "\(path).country") } ?? "FR"
        let postcode = optional(fields["postcode"]).flatMap { self.text($0, "\(path).postcode") }
        let insee = optional(fields["insee"]).flatMap { self.text($0, "\(path).insee") }
        return Address(lines: lines ?? [], postcode: postcode, city: city ?? "", insee: insee, country: country)
    }

    private func lines(_ node: Int, _ path: String) -> [String]? {
        guard doc.kind(node) == .sequence else {
            report(node, path, "attendu une liste de lignes d'adresse", "écrivez lines: [\"4 avenue Jean Jaurès\"]")
            return nil
        }
        var result: [String] = []
        result.reserveCapacity(doc.count(node))
        for index in 0..<doc.count(node) {
            result.append(text(doc.child(node, index), "\(path)[\(index)]") ?? "")
        }
        return result
    }

    // MARK: The contract

    private func contract(_ node: Int, _ path: String) -> Contract {
        var contract = Contract()
        guard let fields = fields(of: node, path: path, schema: .contract) else { return contract }
        contract.nature = optional(fields["nature"]).flatMap {
            self.choice($0, "\(path).nature", what: "une nature connue")
        }
        contract.reference = optional(fields["reference"]).flatMap { self.text($0, "\(path).reference") }
        contract.paymentTerms = optional(fields["payment_terms"]).flatMap { self.text($0, "\(path).payment_terms") }
        if let node = optional(fields["penalty_rate"]), let raw = scalar(node, "\(path).penalty_rate") {
            switch PenaltyRateParser.parse(raw) {
            case .success(let clause): contract.penaltyRate = clause
            case .failure(let failure):
                report(node, "\(path).penalty_rate", failure.message(for: raw), PenaltyRateParser.expected)
            }
        }
        contract.flatFee = optional(fields["flat_fee"]).flatMap { self.bool($0, "\(path).flat_fee") } ?? true
        if let node = optional(fields["capitalisation"]) {
            contract.capitalisationBasis = capitalisation(node, "\(path).capitalisation")
        }
        if let node = optional(fields["collective_proceedings"]) {
            if doc.kind(node) == .mapping {
                let (opened, details) = proceedings(node, "\(path).collective_proceedings")
                contract.collectiveProceedings = opened
                contract.proceedingsDetails = details
            } else {
                contract.collectiveProceedings = collectiveProceedings(node, "\(path).collective_proceedings")
            }
        }
        contract.extraRecoveryCosts = optional(fields["extra_recovery_costs"])
            .flatMap { self.amount($0, "\(path).extra_recovery_costs") }
        contract.property = optional(fields["property"]).map { address($0, "\(path).property") }
        contract.performanceCountry = optional(fields["performance_country"])
            .flatMap { self.text($0, "\(path).performance_country") }
        contract.lease.deposit = optional(fields["deposit"]).flatMap { self.amount($0, "\(path).deposit") }
        contract.lease.ended = optional(fields["lease_ended"]).flatMap { self.date($0, "\(path).lease_ended") }
        contract.lease.chargesRegularised = optional(fields["charges_regularised"])
            .flatMap { self.bool($0, "\(path).charges_regularised") }
        contract.lease.resolutoryClauseAcquired = optional(fields["resolutory_clause_acquired"])
            .flatMap { self.date($0, "\(path).resolutory_clause_acquired") }
        return contract
    }

    /// `capitalisation`: `contract` (the contract provides it), `requested` (asked of the judge),
    /// or the older `true` (= contract) / `false`.
    private func capitalisation(_ node: Int, _ path: String) -> CapitalisationBasis? {
        guard let raw = scalar(node, path) else { return nil }
        switch raw.lowercased() {
        case "true", "contract": return .contract
        case "requested": return .requested
        case "false": return nil
        default:
            report(
                node, path, "« \(Self.shortened(raw)) » n'est ni contract, ni requested, ni false",
                "contract si le contrat la prévoit, requested si elle est demandée au juge")
            return nil
        }
    }

    /// The map form of `collective_proceedings`.
    private func proceedings(_ node: Int, _ path: String) -> (CollectiveProceedings?, ProceedingsDetails?) {
        guard let fields = fields(of: node, path: path, schema: .proceedings) else { return (nil, nil) }
        let opened = optional(fields["opened"]).flatMap { self.date($0, "\(path).opened") }
        var details = ProceedingsDetails()
        details.kind = optional(fields["kind"]).flatMap {
            self.choice($0, "\(path).kind", what: "un type de procédure connu")
        }
        details.court = optional(fields["court"]).flatMap { self.text($0, "\(path).court") }
        details.bodacc = optional(fields["bodacc"]).flatMap { self.date($0, "\(path).bodacc") }
        if let mandataireNode = optional(fields["mandataire"]) {
            let mandatairePath = "\(path).mandataire"
            if let mandataire = self.fields(of: mandataireNode, path: mandatairePath, schema: .mandataire) {
                let name = mandataire["name"].flatMap { self.text($0, "\(mandatairePath).name") }
                let address = optional(mandataire["address"]).map { self.address($0, "\(mandatairePath).address") }
                details.mandataire = Mandataire(name: name ?? "", address: address)
            }
        }
        return (opened.map { .opened($0) } ?? .openedUnknownDate, details)
    }

    private func collectiveProceedings(_ node: Int, _ path: String) -> CollectiveProceedings? {
        guard let raw = scalar(node, path) else { return nil }
        switch raw.lowercased() {
        case "true": return .openedUnknownDate
        case "false": return nil
        default:
            if let day = Day(iso: raw) { return .opened(day) }
            report(
                node, path, "« \(Self.shortened(raw)) » n'est ni true, ni false, ni une date",
                "écrivez la date du jugement d'ouverture, AAAA-MM-JJ, ou true si elle est inconnue")
            return nil
        }
    }

    // MARK: Invoices, payments, credit notes

    private func invoices(_ node: Int) -> [Invoice] {
        guard let items = list(node, "invoices", item: "facture") else { return [] }
        var result: [Invoice] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            // Paths are made only for a problem: 100 000 invoices, no string each.
            func path() -> String { "invoices[\(index)]" }
            guard let fields = fields(of: item, path: path(), schema: .invoice) else {
                result.append(Invoice(number: "", issued: Self.placeholderDay, due: Self.placeholderDay, amount: 0))
                continue
            }
            let number = fields["number"].flatMap { self.text($0, "\(path()).number") }
            let issued = fields["issued"].flatMap { self.date($0, "\(path()).issued") }
            let due = fields["due"].flatMap { self.date($0, "\(path()).due") }
            let amount = fields["amount"].flatMap { self.amount($0, "\(path()).amount") }
            if let node = optional(fields["currency"]) { currency(node, "\(path()).currency") }
            let description = optional(fields["description"]).flatMap { self.text($0, "\(path()).description") }
            let kind: InvoiceKind =
                optional(fields["kind"]).flatMap { self.choice($0, "\(path()).kind", what: "un type de facture connu") }
                ?? .invoice
            let status: InvoiceStatus? = optional(fields["status"]).flatMap {
                self.choice($0, "\(path()).status", what: "un statut de facture connu")
            }
            let statusDate = optional(fields["status_date"]).flatMap { self.date($0, "\(path()).status_date") }
            let statusFile = optional(fields["status_file"]).flatMap { self.text($0, "\(path()).status_file") }
            let penaltyClause = optional(fields["penalty_clause"]).flatMap { self.text($0, "\(path()).penalty_clause") }
            result.append(
                Invoice(
                    number: number ?? "", issued: issued ?? Self.placeholderDay, due: due ?? Self.placeholderDay,
                    amount: amount ?? 0, description: description, kind: kind, status: status,
                    statusDate: statusDate, statusFile: statusFile, penaltyClause: penaltyClause))
        }
        return result
    }

    private func currency(_ node: Int, _ path: @autoclosure () -> String) {
        guard let raw = text(node, path()), raw != "EUR" else { return }
        if raw.uppercased() == "EUR" || raw == "€" {
            report(node, path(), "« \(raw) » n'est pas écrit comme le code de la devise", "écrivez EUR")
        } else {
            report(
                node, path(), "« \(Self.shortened(raw)) » : seuls les euros sont calculés",
                "convertissez le montant en EUR au taux du contrat et écrivez currency: EUR")
        }
    }

    private func payments(_ node: Int) -> [Payment] {
        guard let items = list(node, "payments", item: "paiement") else { return [] }
        var result: [Payment] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            // Paths are made only for a problem: 100 000 invoices, no string each.
            func path() -> String { "payments[\(index)]" }
            guard let fields = fields(of: item, path: path(), schema: .payment) else {
                result.append(Payment(date: Self.placeholderDay, amount: 0))
                continue
            }
            let date = fields["date"].flatMap { self.date($0, "\(path()).date") }
            let amount = fields["amount"].flatMap { self.amount($0, "\(path()).amount") }
            let invoice = optional(fields["invoice"]).flatMap { self.text($0, "\(path()).invoice") }
            let reference = optional(fields["reference"]).flatMap { self.text($0, "\(path()).reference") }
            result.append(
                Payment(date: date ?? Self.placeholderDay, amount: amount ?? 0, invoice: invoice, reference: reference))
        }
        return result
    }

    private func creditNotes(_ node: Int) -> [CreditNote] {
        guard let items = list(node, "credit_notes", item: "avoir") else { return [] }
        var result: [CreditNote] = []
        for (index, item) in items.enumerated() {
            // Paths are made only for a problem: 100 000 invoices, no string each.
            func path() -> String { "credit_notes[\(index)]" }
            guard let fields = fields(of: item, path: path(), schema: .creditNote) else {
                result.append(CreditNote(number: "", date: Self.placeholderDay, amount: 0))
                continue
            }
            let number = fields["number"].flatMap { self.text($0, "\(path()).number") }
            let date = fields["date"].flatMap { self.date($0, "\(path()).date") }
            let amount = fields["amount"].flatMap { self.amount($0, "\(path()).amount") }
            let invoice = optional(fields["invoice"]).flatMap { self.text($0, "\(path()).invoice") }
            result.append(
                CreditNote(
                    number: number ?? "", date: date ?? Self.placeholderDay, amount: amount ?? 0, invoice: invoice))
        }
        return result
    }

    // MARK: Events and exhibits

    private func events(_ node: Int) -> [Event] {
        guard let items = list(node, "events", item: "évènement") else { return [] }
        var result: [Event] = []
        for (index, item) in items.enumerated() {
            let path = "events[\(index)]"
            guard let fields = fields(of: item, path: path, schema: .event) else {
                result.append(Event(type: .reminder, date: Self.placeholderDay))
                continue
            }
            let type: Event.Kind? = fields["type"].flatMap {
                self.choice($0, "\(path).type", what: "un type d'évènement connu")
            }
            var event = Event(type: type ?? .reminder, date: Self.placeholderDay)
            event.date = fields["date"].flatMap { self.date($0, "\(path).date") } ?? Self.placeholderDay
            event.received = optional(fields["received"]).flatMap { self.date($0, "\(path).received") }
            event.served = optional(fields["served"]).flatMap { self.date($0, "\(path).served") }
            event.channel = optional(fields["channel"]).flatMap {
                self.choice($0, "\(path).channel", what: "un canal connu")
            }
            event.tracking = optional(fields["tracking"]).flatMap { self.text($0, "\(path).tracking") }
            event.court = optional(fields["court"]).flatMap { self.text($0, "\(path).court") }
            event.step = optional(fields["step"]).flatMap { self.text($0, "\(path).step") }
            event.file = optional(fields["file"]).flatMap { self.text($0, "\(path).file") }
            event.letter = optional(fields["letter"]).flatMap { self.text($0, "\(path).letter") }
            event.dispatchProof = optional(fields["dispatch_proof"]).flatMap { self.text($0, "\(path).dispatch_proof") }
            event.receiptFile = optional(fields["receipt_file"]).flatMap { self.text($0, "\(path).receipt_file") }
            event.presented = optional(fields["presented"]).flatMap { self.date($0, "\(path).presented") }
            event.outcome = optional(fields["outcome"]).flatMap {
                self.choice($0, "\(path).outcome", what: "une issue connue")
            }
            event.judgmentKind = optional(fields["kind"]).flatMap {
                self.choice($0, "\(path).kind", what: "un type de décision connu")
            }
            if let node = optional(fields["invoices"]) {
                event.invoices = invoiceList(node, "\(path).invoices")
            }
            if let node = optional(fields["awarded"]) { event.awarded = award(node, "\(path).awarded") }
            event.serviceFile = optional(fields["service_file"]).flatMap { self.text($0, "\(path).service_file") }
            event.until = optional(fields["until"]).flatMap { self.date($0, "\(path).until") }
            event.amount = optional(fields["amount"]).flatMap { self.amount($0, "\(path).amount") }
            if let node = optional(fields["instalments"]) {
                event.instalments = instalments(node, "\(path).instalments")
            }
            event.express = optional(fields["express"]).flatMap { self.bool($0, "\(path).express") }
            event.remediesMentioned = optional(fields["remedies_mentioned"])
                .flatMap { self.bool($0, "\(path).remedies_mentioned") }
            if let type {
                checkEventKeys(type, fields, path)
                if type == .promise, fields["until"] == nil {
                    report(item, "\(path).until", "absent : une promesse dit pour quand", "ajoutez until: 2025-07-15")
                }
                if type == .plan, fields["instalments"] == nil {
                    report(
                        item, "\(path).instalments", "absent : un échéancier liste ses échéances",
                        "ajoutez instalments: [ { date: 2025-08-01, amount: 300.00 } ]")
                }
            }
            result.append(event)
        }
        return result
    }

    /// The event types each type-specific key belongs to.
    static let eventKeys: [(key: String, types: [Event.Kind])] = [
        ("step", [.reminder]), ("file", [.reminder, .judgment, .claimReceived, .rejection]),
        ("letter", [.formalNotice]), ("dispatch_proof", [.formalNotice]),
        ("receipt_file", [.formalNotice, .claimReceived]),
        ("presented", [.formalNotice]), ("outcome", [.formalNotice]),
        ("kind", [.judgment]), ("invoices", [.judgment]), ("awarded", [.judgment]), ("service_file", [.judgment]),
        ("until", [.promise]), ("amount", [.promise]), ("instalments", [.plan]),
        ("express", [.rejection]), ("remedies_mentioned", [.rejection]),
    ]

    private func checkEventKeys(_ type: Event.Kind, _ fields: Fields, _ path: String) {
        if type != .formalNotice, let node = fields["received"] {
            report(
                node, "\(path).received", "seule une formal_notice a une date de réception",
                "retirez received, ou écrivez type: formal_notice")
        }
        if type != .judgment, let node = fields["served"] {
            report(
                node, "\(path).served", "seul un judgment a une date de signification",
                "retirez served, ou écrivez type: judgment")
        }
        if type != .judgment, let node = fields["court"] {
            report(
                node, "\(path).court", "seul un judgment nomme une juridiction",
                "retirez court, ou écrivez type: judgment")
        }
        for entry in Self.eventKeys where !entry.types.contains(type) {
            guard let node = fields[entry.key] else { continue }
            let names = entry.types.map(\.rawValue).joined(separator: " ou ")
            report(
                node, "\(path).\(entry.key)", "seul un évènement \(names) a la clé \(entry.key)",
                "retirez \(entry.key), ou écrivez type: \(entry.types[0].rawValue)")
        }
    }

    /// `invoices: [numbers]` of a judgment.
    private func invoiceList(_ node: Int, _ path: String) -> [String]? {
        guard doc.kind(node) == .sequence else {
            report(
                node, path, "attendu une liste de numéros de facture, trouvé \(shape(of: node))",
                "écrivez invoices: [\"FA2025-118\"]")
            return nil
        }
        return (0..<doc.count(node)).map { index in text(doc.child(node, index), "\(path)[\(index)]") ?? "" }
    }

    private func award(_ node: Int, _ path: String) -> Award? {
        guard let fields = fields(of: node, path: path, schema: .award) else { return nil }
        var award = Award()
        award.principal = optional(fields["principal"]).flatMap { self.amount($0, "\(path).principal") }
        award.costs = optional(fields["costs"]).flatMap { self.amount($0, "\(path).costs") }
        award.article700 = optional(fields["article_700"]).flatMap { self.amount($0, "\(path).article_700") }
        if let interestNode = optional(fields["interest"]) {
            let interestPath = "\(path).interest"
            if let interest = self.fields(of: interestNode, path: interestPath, schema: .awardedInterest) {
                let from = optional(interest["from"]).flatMap { self.date($0, "\(interestPath).from") }
                if let rateNode = interest["rate"], let raw = scalar(rateNode, "\(interestPath).rate") {
                    let lowered = raw.lowercased().trimmingCharacters(in: .whitespaces)
                    if lowered == "legal" || lowered == "légal" || lowered == "taux légal" {
                        award.interest = AwardedInterest(rate: .legal, from: from)
                    } else {
                        switch PenaltyRateParser.parse(raw) {
                        case .success(let clause): award.interest = AwardedInterest(rate: .clause(clause), from: from)
                        case .failure(let failure):
                            report(
                                rateNode, "\(interestPath).rate", failure.message(for: raw),
                                "attendu legal, un taux en pour cent tel que 12.0, ou « ECB + 10 »")
                        }
                    }
                }
            }
        }
        return award
    }

    private func instalments(_ node: Int, _ path: String) -> [Instalment] {
        guard let items = list(node, path, item: "échéance") else { return [] }
        var result: [Instalment] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard let fields = fields(of: item, path: itemPath, schema: .instalment) else {
                result.append(Instalment(date: Self.placeholderDay, amount: 0))
                continue
            }
            let date = fields["date"].flatMap { self.date($0, "\(itemPath).date") }
            let amount = fields["amount"].flatMap { self.amount($0, "\(itemPath).amount") }
            result.append(Instalment(date: date ?? Self.placeholderDay, amount: amount ?? 0))
        }
        return result
    }

    private func exhibits(_ node: Int) -> [Exhibit] {
        guard let items = list(node, "exhibits", item: "pièce") else { return [] }
        var result: [Exhibit] = []
        for (index, item) in items.enumerated() {
            let path = "exhibits[\(index)]"
            guard let fields = fields(of: item, path: path, schema: .exhibit) else {
                result.append(Exhibit(title: ""))
                continue
            }
            let title = fields["title"].flatMap { self.text($0, "\(path).title") }
            let file = optional(fields["file"]).flatMap { self.text($0, "\(path).file") }
            let toProduce = optional(fields["to_produce"]).flatMap { self.bool($0, "\(path).to_produce") } ?? false
            result.append(Exhibit(title: title ?? "", file: file, toProduce: toProduce))
        }
        return result
    }

    // MARK: Structure

    /// A null value (`key:` with nothing, `~`, `null`) for an optional key means the key is absent.
    func optional(_ node: Int?) -> Int? {
        guard let node else { return nil }
        if doc.isNull(node) { return nil }
        return node
    }

    static func isNull(_ text: String) -> Bool {
        text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// The values of a mapping by key, after reporting unknown keys (with the nearest valid key) and
    /// missing required keys. `nil` when `node` is not a mapping.
    func fields(of node: Int, path: @autoclosure () -> String, schema: Schema) -> Fields? {
        guard doc.kind(node) == .mapping else {
            report(
                node, path(),
                "attendu une table de clés (\(schema.keys.prefix(3).joined(separator: ", ")), …), trouvé \(shape(of: node))",
                schema.example)
            return nil
        }
        let count = doc.count(node)
        var values = Fields(schema: schema)
        var suggested: Set<String> = []
        for pair in stride(from: 0, to: count, by: 2) {
            let keyNode = doc.child(node, pair)
            let value = doc.child(node, pair + 1)
            guard doc.kind(keyNode) == .scalar else {
                report(keyNode, path(), "une clé est un nom simple, trouvé \(shape(of: keyNode))", nil)
                continue
            }
            // The key's bytes against the schema's: no `String` made for a known key.
            if let known = doc.withBytes(keyNode, schema.index(ofKey:)) {
                values.set(known, value)
                continue
            }
            let name = doc.string(keyNode)
            let base = path()
            let keyPath = base.isEmpty ? name : "\(base).\(name)"
            if let near = Suggestion.nearest(to: name, in: schema.keys) {
                suggested.insert(near)
                report(keyNode, keyPath, "clé inconnue", "vouliez-vous dire \(near) ?")
            } else {
                report(keyNode, keyPath, "clé inconnue", "attendu l'une de : \(schema.keys.joined(separator: ", "))")
            }
        }
        // A misspelt required key is reported once, as the unknown key with its correction.
        for required in schema.required where !values.has(required) {
            let base = path()
            let keyPath = base.isEmpty ? required : "\(base).\(required)"
            if suggested.contains(required) {
                unreadable.insert(keyPath)
            } else {
                report(node, keyPath, "absent", "obligatoire : ajoutez \(schema.hint(for: required))")
            }
        }
        return values
    }

    /// The known keys of one mapping and their values (nodes of the document), by the key's place
    /// in the schema, kept inline (no allocation per mapping: a file holds tens of thousands).
    struct Fields {
        /// The schema's keys as bytes (`Schema.keyBytes`, `keyStarts`): a key asked for is found
        /// by its bytes, as the file's keys are (every key of a schema is ASCII, and so is every key
        /// asked for: the same bytes is the same string).
        private let keyBytes: [UInt8]
        private let keyStarts: [Int]
        private var values: InlineArray<32, Int32> = .init(repeating: -1)

        init(schema: Schema) {
            keyBytes = schema.keyBytes
            keyStarts = schema.keyStarts
        }

        mutating func set(_ index: Int, _ value: Int) {
            values[index] = Int32(value)
        }

        subscript(key: String) -> Int? {
            let found =
                key.utf8.withContiguousStorageIfAvailable {
                    Schema.index(ofKey: $0, keyBytes: keyBytes, keyStarts: keyStarts)
                }
                ?? Array(key.utf8).withUnsafeBufferPointer {
                    Schema.index(ofKey: $0, keyBytes: keyBytes, keyStarts: keyStarts)
                }
            guard let found else { return nil }
            let value = values[found]
            return value < 0 ? nil : Int(value)
        }

        func has(_ key: String) -> Bool {
            self[key] != nil
        }
    }

    /// The items of a list; `nil` (reported) when `node` is not a list.
    func list(_ node: Int, _ path: String, item: String) -> [Int]? {
        guard doc.kind(node) == .sequence else {
            report(
                node, path, "attendu une liste, trouvé \(shape(of: node))", "commencez chaque \(item) par « - »")
            return nil
        }
        return (0..<doc.count(node)).map { doc.child(node, $0) }
    }

    func shape(of node: Int) -> String {
        switch doc.kind(node) {
        case .scalar:
            return doc.isNull(node) ? "rien" : "le texte « \(Self.shortened(doc.string(node))) »"
        case .mapping: return "une table"
        case .sequence: return "une liste"
        }
    }

    static func shortened(_ text: String) -> String {
        let oneLine = text.replacingOccurrences(of: "\n", with: " ")
        return oneLine.count > 40 ? String(oneLine.prefix(40)) + "…" : oneLine
    }

    // MARK: Scalars

    /// The literal text of a scalar (reported when the value is a list, a mapping or empty).
    func scalar(_ node: Int, _ path: @autoclosure () -> String) -> String? {
        guard doc.kind(node) == .scalar else {
            report(node, path(), "attendu une seule valeur, trouvé \(shape(of: node))", nil)
            return nil
        }
        if doc.isNull(node) {
            report(node, path(), "est vide", "donnez une valeur ou retirez la clé")
            return nil
        }
        return doc.string(node)
    }

    /// A non-blank text, trimmed.
    func text(_ node: Int, _ path: @autoclosure () -> String) -> String? {
        guard let raw = scalar(node, path()) else { return nil }
        // Most texts have nothing to trim; Foundation's trimming is costly over 100 000 values.
        // An ASCII first and last byte that is not white space (tab to carriage return, space) is
        // the usual case, read without looking up the Unicode properties.
        if let first = raw.utf8.first, let last = raw.utf8.last, Self.isASCIIInk(first), Self.isASCIIInk(last) {
            return raw
        }
        if let first = raw.unicodeScalars.first, let last = raw.unicodeScalars.last,
            !first.properties.isWhitespace, !last.properties.isWhitespace
        {
            return raw
        }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            report(node, path(), "ne contient que des blancs", "donnez une valeur ou retirez la clé")
            return nil
        }
        return trimmed
    }

    func date(_ node: Int, _ path: @autoclosure () -> String) -> Day? {
        // The usual case read from the bytes, without a `String`: `Day(iso:)`'s own rule.
        if isPresentScalar(node), let day = doc.withBytes(node, Self.isoDay) { return day }
        guard let raw = scalar(node, path()) else { return nil }
        guard let day = Day(iso: raw) else {
            report(
                node, path(), "« \(Self.shortened(raw)) » n'est pas une date",
                FrenchInput.date(raw).map { "écrivez \($0)" } ?? "attendu AAAA-MM-JJ")
            return nil
        }
        return day
    }

    /// Euros with at most two decimals, from the literal text of a YAML number or string. Zero is read
    /// here; where an amount must be more than 0 is the validator's business.
    func amount(_ node: Int, _ path: @autoclosure () -> String) -> Decimal? {
        if isPresentScalar(node), let value = doc.withBytes(node, Self.plainAmount) { return value }
        guard let raw = scalar(node, path()) else { return nil }
        let shown = Self.shortened(raw)
        switch Money.parse(raw) {
        case .success(let value):
            return value
        case .failure(let failure):
            switch failure {
            case .empty:
                report(node, path(), "est vide", "attendu un montant en euros tel que 1800.00")
            case .thousandsSeparator:
                report(
                    node, path(), "« \(shown) » groupe les milliers",
                    FrenchInput.amount(raw).map { "écrivez \($0)" }
                        ?? "écrivez des chiffres et un point seulement, tel que 1800.00")
            case .decimalComma:
                report(
                    node, path(), "« \(shown) » a une virgule décimale",
                    FrenchInput.amount(raw).map { "écrivez \($0)" } ?? "écrivez un point, tel que 1800.50")
            case .tooManyDecimals(let count):
                report(
                    node, path(), "« \(shown) » a \(count) décimales",
                    "les montants sont en euros et centimes : deux décimales au plus")
            case .negative:
                report(
                    node, path(), "« \(shown) » est négatif", "les montants sont positifs ; l'argent rendu est un avoir"
                )
            case .notANumber:
                report(node, path(), "« \(shown) » n'est pas un montant", "attendu des euros, tel que 1800.00")
            }
            return nil
        }
    }

    /// The common case of an amount, `1800` or `1800.5` or `1800.00` (digits, at most two decimals),
    /// read as an integer number of cents without Foundation's parser; `nil` for anything else,
    /// which `Money.parse` then reads or explains. Both give the same `Decimal` for the same text.
    static func plainAmount(_ text: String) -> Decimal? {
        var text = text
        return text.withUTF8(plainAmount)
    }

    static func plainAmount(_ bytes: UnsafeBufferPointer<UInt8>) -> Decimal? {
        var units: UInt64 = 0
        var digits = 0
        var decimals = -1
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard decimals < 0, digits > 0 else { return nil }
                decimals = 0
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                digits += 1
                if decimals >= 0 { decimals += 1 }
                // Money.parse takes at most 15 digits before the point.
                guard decimals <= 2, decimals >= 0 || digits <= 15 else { return nil }
                units = units * 10 + UInt64(byte - UInt8(ascii: "0"))
            } else {
                return nil
            }
        }
        guard digits > 0, decimals != 0 else { return nil }
        return Decimal(sign: .plus, exponent: -max(decimals, 0), significand: Decimal(units))
    }

    /// A SIREN or SIRET without its spaces (`CompanyIdentifier.digits`); an ASCII text with no
    /// white space is returned as it is, without walking its `Character`s.
    static func identifierDigits(_ text: String) -> String {
        // ASCII white space: tab, line feed, vertical tab, form feed, carriage return, space.
        if text.utf8.allSatisfy(isASCIIInk) { return text }
        return CompanyIdentifier.digits(text)
    }

    /// An IBAN without its white space, in capitals: `text.filter { !$0.isWhitespace }.uppercased()`
    /// (`compactIBANByCharacters`). Fast path for an ASCII text: the same bytes, because each ASCII
    /// `Character` is one byte (but CR LF, white space as its two bytes are), the ASCII white space
    /// is U+0009 to U+000D and U+0020, and `uppercased` maps ASCII a–z to A–Z and nothing else.
    static func compactIBAN(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return compactIBANByCharacters(text) }
        if utf8.allSatisfy({ isASCIIInk($0) && !(0x61...0x7A).contains($0) }) { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for byte in utf8 where isASCIIInk(byte) {
            bytes.append((0x61...0x7A).contains(byte) ? byte - 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The reference `compactIBAN` (any text), by `Character`s.
    static func compactIBANByCharacters(_ text: String) -> String {
        text.filter { !$0.isWhitespace }.uppercased()
    }

    /// An ASCII byte that is not Unicode white space (U+0009 to U+000D, U+0020).
    @inline(__always) static func isASCIIInk(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte)
    }

    /// A scalar that is not null: what `scalar` returns without a report.
    @inline(__always) func isPresentScalar(_ node: Int) -> Bool {
        doc.kind(node) == .scalar && !doc.isNull(node)
    }

    /// `YYYY-MM-DD` as `Day(iso:)` reads it (exactly ten bytes, four-digit year), from the bytes.
    static func isoDay(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? { Day.iso(utf8: bytes) }

    func bool(_ node: Int, _ path: @autoclosure () -> String) -> Bool? {
        guard let raw = scalar(node, path()) else { return nil }
        switch raw.lowercased() {
        case "true": return true
        case "false": return false
        default:
            report(
                node, path(), "« \(Self.shortened(raw)) » n'est ni true ni false",
                FrenchInput.boolean(raw).map { "écrivez \($0)" } ?? "attendu true ou false")
            return nil
        }
    }

    /// One of a closed list of words (`kind`, `nature`, `type`, `channel`).
    func choice<E: RawRepresentable & CaseIterable>(_ node: Int, _ path: @autoclosure () -> String, what: String) -> E?
    where E.RawValue == String {
        guard let raw = text(node, path()) else { return nil }
        if let value = E(rawValue: raw) { return value }
        let names = E.allCases.map(\.rawValue)
        let list = names.dropLast().joined(separator: ", ") + " ou " + (names.last ?? "")
        report(node, path(), "« \(Self.shortened(raw)) » n'est pas \(what)", "attendu \(list)")
        return nil
    }
}
