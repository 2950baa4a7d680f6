import Foundation
import RecouvreModel
import Yams

/// Walks a composed YAML/JSON tree into a `Case`, checking every key against case-format.md
/// (version 1) and collecting every problem with its line, column and key path, so the user fixes
/// a file in one go. Values are read from the scalar's literal text (amounts never pass through a
/// `Double`); only the keys of the format are visited, so the walk is bounded by the schema's depth.
final class CaseFileDecoder {
    let file: String
    let folder: URL
    private(set) var problems: [CaseFileProblem] = []
    /// Every invoice number written, even on an invoice with other problems, so that a payment
    /// naming it is not reported as naming an unknown invoice.
    private var invoiceNumbers: Set<String> = []

    init(file: String, folder: URL) {
        self.file = file
        self.folder = folder
    }

    /// Problems in the order of the file (stable for problems at the same place).
    var sortedProblems: [CaseFileProblem] {
        problems.enumerated().sorted { a, b in
            (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
        }.map(\.element)
    }

    func report(_ node: Node?, _ path: String, _ message: String, _ remedy: String? = nil) {
        let mark = node?.mark
        problems.append(
            CaseFileProblem(
                file: file, line: mark?.line ?? 0, column: mark?.column ?? 0,
                keyPath: path, message: message, remedy: remedy))
    }

    // MARK: The case

    func decodeCase(_ root: Node) -> Case? {
        guard case .mapping = root else {
            report(
                root, "", "not a case file: expected keys such as version, reference, creditor, debtor, invoices",
                "`recouvre init` writes an example")
            return nil
        }
        guard let fields = fields(of: root, path: "", schema: .root) else { return nil }
        var version: Int?
        if let node = fields["version"] { version = self.version(node) }
        let reference = fields["reference"].flatMap { self.text($0, "reference") }
        let asOf = optional(fields["as_of"]).flatMap { self.date($0, "as_of") }
        let creditor = fields["creditor"].flatMap { party($0, "creditor") }
        let debtor = fields["debtor"].flatMap { party($0, "debtor") }
        let contract = optional(fields["contract"]).map { self.contract($0, "contract") } ?? Contract()
        let invoices = fields["invoices"].flatMap { self.invoices($0) } ?? []
        let numbers = invoiceNumbers
        let payments = optional(fields["payments"]).map { self.payments($0, invoices: numbers) } ?? []
        let creditNotes = optional(fields["credit_notes"]).map { self.creditNotes($0, invoices: numbers) } ?? []
        let events = optional(fields["events"]).map { self.events($0) } ?? []
        let exhibits = optional(fields["exhibits"]).map { self.exhibits($0) } ?? []
        checkAllocations(
            invoices: invoices, payments: payments, creditNotes: creditNotes,
            paymentsNode: optional(fields["payments"]), creditNotesNode: optional(fields["credit_notes"]))
        guard problems.isEmpty, let version, let reference, let creditor, let debtor else { return nil }
        return Case(
            version: version, reference: reference, asOf: asOf, creditor: creditor, debtor: debtor,
            contract: contract, invoices: invoices, payments: payments, creditNotes: creditNotes,
            events: events, exhibits: exhibits)
    }

    private func version(_ node: Node) -> Int? {
        guard let raw = scalar(node, "version") else { return nil }
        guard let number = Int(raw.trimmingCharacters(in: .whitespaces)) else {
            report(node, "version", "\"\(raw)\" is not a version number", "expected 1")
            return nil
        }
        guard number == 1 else {
            report(
                node, "version", "version \(number) is not supported: this recouvre reads version 1",
                "write version: 1, or use the recouvre release that wrote this file")
            return nil
        }
        return number
    }

    // MARK: Parties and addresses

    private func party(_ node: Node, _ path: String) -> Party? {
        guard let fields = fields(of: node, path: path, schema: .party) else { return nil }
        let kind: PartyKind? = fields["kind"].flatMap { self.choice($0, "\(path).kind", what: "kind") }
        let name = fields["name"].flatMap { self.text($0, "\(path).name") }
        let legalForm = optional(fields["legal_form"]).flatMap { self.text($0, "\(path).legal_form") }
        let siren = optional(fields["siren"]).flatMap { self.identifier($0, "\(path).siren", siret: false) }
        let siret = optional(fields["siret"]).flatMap { self.identifier($0, "\(path).siret", siret: true) }
        if let siren, let siret, !siret.hasPrefix(siren), let node = fields["siret"] {
            report(
                node, "\(path).siret", "SIRET \(siret) does not belong to SIREN \(siren)",
                "a SIRET starts with the 9 digits of its company's SIREN")
        }
        let rcs = optional(fields["rcs"]).flatMap { self.text($0, "\(path).rcs") }
        let professional = optional(fields["professional"]).flatMap { self.bool($0, "\(path).professional") }
        if kind == .company || kind == .publicBody, professional == false, let node = fields["professional"] {
            report(
                node, "\(path).professional", "a company or public body always acts professionally",
                "remove professional, or write kind: individual")
        }
        let merchant = optional(fields["merchant"]).flatMap { self.bool($0, "\(path).merchant") }
        let address = fields["address"].flatMap { self.address($0, "\(path).address") }
        let representative = optional(fields["representative"]).flatMap { self.text($0, "\(path).representative") }
        let email = optional(fields["email"]).flatMap { self.email($0, "\(path).email") }
        let phone = optional(fields["phone"]).flatMap { self.text($0, "\(path).phone") }
        let iban = optional(fields["iban"]).flatMap { self.iban($0, "\(path).iban") }
        let civility: Civility? = optional(fields["civility"]).flatMap {
            self.choice($0, "\(path).civility", what: "civility")
        }
        let firstNames = optional(fields["first_names"]).flatMap { self.text($0, "\(path).first_names") }
        let surname = optional(fields["surname"]).flatMap { self.text($0, "\(path).surname") }
        let profession = optional(fields["profession"]).flatMap { self.text($0, "\(path).profession") }
        let nationality = optional(fields["nationality"]).flatMap { self.text($0, "\(path).nationality") }
        let birthDate = optional(fields["birth_date"]).flatMap { self.date($0, "\(path).birth_date") }
        let birthPlace = optional(fields["birth_place"]).flatMap { self.text($0, "\(path).birth_place") }
        let mediator = optional(fields["mediator"]).flatMap { self.mediator($0, "\(path).mediator") }
        let office = optional(fields["office"]).flatMap { self.text($0, "\(path).office") }
        guard let kind, let name, let address else { return nil }
        return Party(
            kind: kind, name: name, legalForm: legalForm, siren: siren, siret: siret, rcs: rcs,
            professional: professional, merchant: merchant, address: address,
            representative: representative, email: email, phone: phone, iban: iban,
            civility: civility, firstNames: firstNames, surname: surname, profession: profession,
            nationality: nationality, birthDate: birthDate, birthPlace: birthPlace, mediator: mediator,
            office: office)
    }

    private func mediator(_ node: Node, _ path: String) -> Mediator? {
        guard let fields = fields(of: node, path: path, schema: .mediator) else { return nil }
        let name = fields["name"].flatMap { self.text($0, "\(path).name") }
        let address = optional(fields["address"]).flatMap { self.text($0, "\(path).address") }
        let website = optional(fields["website"]).flatMap { self.text($0, "\(path).website") }
        guard let name else { return nil }
        return Mediator(name: name, address: address, website: website)
    }

    private func address(_ node: Node, _ path: String) -> Address? {
        guard let fields = fields(of: node, path: path, schema: .address) else { return nil }
        let lines = fields["lines"].flatMap { self.lines($0, "\(path).lines") }
        let city = fields["city"].flatMap { self.text($0, "\(path).city") }
        var country = "FR"
        if let node = optional(fields["country"]), let raw = text(node, "\(path).country") {
            if let code = countryCode(node, raw, "\(path).country") { country = code }
        }
        var postcode: String?
        if let node = optional(fields["postcode"]), let raw = text(node, "\(path).postcode") {
            if country == "FR", !(raw.count == 5 && raw.allSatisfy { $0.isASCII && $0.isNumber }) {
                report(
                    node, "\(path).postcode", "\"\(raw)\" is not a French postcode",
                    "expected 5 digits, such as 21000; for an address abroad add its country")
            } else {
                postcode = raw
            }
        } else if country == "FR", fields["postcode"] == nil {
            report(
                node, "\(path).postcode", "missing: a French address needs its postcode",
                "add postcode: \"21000\"")
        }
        var insee: String?
        if let node = optional(fields["insee"]), let raw = text(node, "\(path).insee") {
            if Self.isInseeCode(raw) {
                insee = raw
            } else {
                report(
                    node, "\(path).insee", "\"\(raw)\" is not an INSEE commune code",
                    "expected 5 characters, such as 21231, or 2A004 in Corsica")
            }
        }
        guard let lines, let city else { return nil }
        return Address(lines: lines, postcode: postcode, city: city, insee: insee, country: country)
    }

    private func countryCode(_ node: Node, _ raw: String, _ path: String) -> String? {
        if Self.isCountryCode(raw) { return raw }
        let upper = raw.uppercased()
        let hint = Self.isCountryCode(upper) ? "write \(upper)" : "an ISO 3166-1 alpha-2 code such as FR, BE, DE"
        report(node, path, "\"\(raw)\" is not a country code", hint)
        return nil
    }

    static func isCountryCode(_ text: String) -> Bool {
        text.utf8.count == 2 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }

    static func isInseeCode(_ text: String) -> Bool {
        let chars = Array(text)
        guard chars.count == 5, chars.allSatisfy({ $0.isASCII }) else { return false }
        let rest = chars[2...].allSatisfy { $0.isNumber }
        if chars[0] == "2", chars[1] == "A" || chars[1] == "B" { return rest }
        return chars[0].isNumber && chars[1].isNumber && rest
    }

    private func lines(_ node: Node, _ path: String) -> [String]? {
        guard case .sequence(let sequence) = node else {
            report(node, path, "expected a list of address lines", "write lines: [\"4 avenue Jean Jaurès\"]")
            return nil
        }
        if sequence.isEmpty {
            report(node, path, "the list is empty", "give at least the street line, such as [\"4 avenue Jean Jaurès\"]")
            return nil
        }
        var result: [String] = []
        var valid = true
        for (index, item) in sequence.enumerated() {
            if let line = text(item, "\(path)[\(index)]") { result.append(line) } else { valid = false }
        }
        return valid ? result : nil
    }

    /// SIREN or SIRET, written with or without spaces; kept as digits.
    private func identifier(_ node: Node, _ path: String, siret: Bool) -> String? {
        guard let raw = text(node, path) else { return nil }
        let digits = CompanyIdentifier.digits(raw)
        let name = siret ? "SIRET" : "SIREN"
        let length = siret ? 14 : 9
        guard digits.count == length, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            report(node, path, "\"\(raw)\" is not a \(name)", "expected \(length) digits")
            return nil
        }
        let valid = siret ? CompanyIdentifier.isValidSiret(digits) : CompanyIdentifier.isValidSiren(digits)
        guard valid else {
            report(
                node, path, "\(name) \(digits) fails its check digit (Luhn)",
                "copy the number from the Kbis or annuaire-entreprises.data.gouv.fr")
            return nil
        }
        return digits
    }

    private func email(_ node: Node, _ path: String) -> String? {
        guard let raw = text(node, path) else { return nil }
        let parts = raw.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !raw.contains(" ") else {
            report(node, path, "\"\(raw)\" is not an email address", "expected name@domain.fr")
            return nil
        }
        return raw
    }

    /// IBAN with its ISO 13616 check (mod 97 = 1): a wrong IBAN on a letter sends the debtor's
    /// payment nowhere.
    private func iban(_ node: Node, _ path: String) -> String? {
        guard let raw = text(node, path) else { return nil }
        let compact = raw.filter { !$0.isWhitespace }.uppercased()
        guard Self.isValidIBAN(compact) else {
            report(
                node, path, "\"\(raw)\" is not a valid IBAN (wrong length, characters or check digits)",
                "copy it from the bank's RIB, such as FR76 3000 6000 0112 3456 7890 189")
            return nil
        }
        return compact
    }

    static func isValidIBAN(_ text: String) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let bytes = Array(text.utf8)
        guard (15...34).contains(bytes.count), bytes.allSatisfy({ isLetter($0) || isDigit($0) }),
            bytes[0..<2].allSatisfy(isLetter), bytes[2..<4].allSatisfy(isDigit)
        else { return false }
        var remainder = 0
        for byte in bytes[4...] + bytes[..<4] {
            let value = isDigit(byte) ? Int(byte - UInt8(ascii: "0")) : Int(byte - UInt8(ascii: "A")) + 10
            remainder = (value >= 10 ? remainder * 100 + value : remainder * 10 + value) % 97
        }
        return remainder == 1
    }

    // MARK: The contract

    private func contract(_ node: Node, _ path: String) -> Contract {
        var contract = Contract()
        guard let fields = fields(of: node, path: path, schema: .contract) else { return contract }
        contract.nature = optional(fields["nature"]).flatMap { self.choice($0, "\(path).nature", what: "nature") }
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
            if case .mapping = node {
                let (opened, details) = proceedings(node, "\(path).collective_proceedings")
                contract.collectiveProceedings = opened
                contract.proceedingsDetails = details
            } else {
                contract.collectiveProceedings = collectiveProceedings(node, "\(path).collective_proceedings")
            }
        }
        contract.extraRecoveryCosts = optional(fields["extra_recovery_costs"])
            .flatMap { self.amount($0, "\(path).extra_recovery_costs", allowZero: true) }
        contract.property = optional(fields["property"]).flatMap { address($0, "\(path).property") }
        if let node = optional(fields["performance_country"]), let raw = text(node, "\(path).performance_country") {
            contract.performanceCountry = countryCode(node, raw, "\(path).performance_country")
        }
        contract.lease.deposit = optional(fields["deposit"])
            .flatMap { self.amount($0, "\(path).deposit", allowZero: true) }
        contract.lease.ended = optional(fields["lease_ended"]).flatMap { self.date($0, "\(path).lease_ended") }
        contract.lease.chargesRegularised = optional(fields["charges_regularised"])
            .flatMap { self.bool($0, "\(path).charges_regularised") }
        contract.lease.resolutoryClauseAcquired = optional(fields["resolutory_clause_acquired"])
            .flatMap { self.date($0, "\(path).resolutory_clause_acquired") }
        // Rent arrears go to the juge des contentieux de la protection of the place of the property, not
        // of the tenant's home (domain.md §4; the rule of former COJ R. 221-48, carried over to the JCP in
        // 2020 — current article number not verified): without its address no court can be chosen.
        if contract.nature == .residentialLease, optional(fields["property"]) == nil {
            report(
                node, "\(path).property", "missing: a residential lease needs the address of the property",
                "add property: { lines: [\"27 rue Solférino\"], postcode: \"59000\", city: \"Lille\" }")
        }
        return contract
    }

    /// `capitalisation`: `contract` (the contract provides it), `requested` (asked of the judge),
    /// or the older `true` (= contract) / `false`.
    private func capitalisation(_ node: Node, _ path: String) -> CapitalisationBasis? {
        guard let raw = scalar(node, path) else { return nil }
        switch raw.lowercased() {
        case "true", "contract": return .contract
        case "requested": return .requested
        case "false": return nil
        default:
            report(
                node, path, "\"\(Self.shortened(raw))\" is neither contract, requested nor false",
                "contract when the contract provides it, requested when it is asked of the judge")
            return nil
        }
    }

    /// The map form of `collective_proceedings`.
    private func proceedings(_ node: Node, _ path: String) -> (CollectiveProceedings?, ProceedingsDetails?) {
        guard let fields = fields(of: node, path: path, schema: .proceedings) else { return (nil, nil) }
        let opened = optional(fields["opened"]).flatMap { self.date($0, "\(path).opened") }
        var details = ProceedingsDetails()
        details.kind = optional(fields["kind"]).flatMap { self.choice($0, "\(path).kind", what: "kind of proceedings") }
        details.court = optional(fields["court"]).flatMap { self.text($0, "\(path).court") }
        details.bodacc = optional(fields["bodacc"]).flatMap { self.date($0, "\(path).bodacc") }
        if let mandataireNode = optional(fields["mandataire"]) {
            let mandatairePath = "\(path).mandataire"
            if let mandataire = self.fields(of: mandataireNode, path: mandatairePath, schema: .mandataire) {
                let name = mandataire["name"].flatMap { self.text($0, "\(mandatairePath).name") }
                let address = optional(mandataire["address"]).flatMap { self.address($0, "\(mandatairePath).address") }
                if let name { details.mandataire = Mandataire(name: name, address: address) }
            }
        }
        return (opened.map { .opened($0) } ?? .openedUnknownDate, details)
    }

    private func collectiveProceedings(_ node: Node, _ path: String) -> CollectiveProceedings? {
        guard let raw = scalar(node, path) else { return nil }
        switch raw.lowercased() {
        case "true": return .openedUnknownDate
        case "false": return nil
        default:
            if let day = Day(iso: raw) { return .opened(day) }
            report(
                node, path, "\"\(raw)\" is neither true, false nor a date",
                "write the date of the opening judgment, YYYY-MM-DD, or true when it is unknown")
            return nil
        }
    }

    // MARK: Invoices, payments, credit notes

    private func invoices(_ node: Node) -> [Invoice]? {
        guard let items = list(node, "invoices", item: "invoice") else { return nil }
        if items.isEmpty {
            report(node, "invoices", "the list is empty", "a case claims at least one invoice")
            return nil
        }
        var result: [Invoice] = []
        var seen: [String: (index: Int, line: Int)] = [:]
        for (index, item) in items.enumerated() {
            let path = "invoices[\(index)]"
            guard let fields = fields(of: item, path: path, schema: .invoice) else { continue }
            let number = fields["number"].flatMap { self.text($0, "\(path).number") }
            let issued = fields["issued"].flatMap { self.date($0, "\(path).issued") }
            let due = fields["due"].flatMap { self.date($0, "\(path).due") }
            let amount = fields["amount"].flatMap { self.amount($0, "\(path).amount") }
            if let node = optional(fields["currency"]) { currency(node, "\(path).currency") }
            let description = optional(fields["description"]).flatMap { self.text($0, "\(path).description") }
            let kind: InvoiceKind =
                optional(fields["kind"]).flatMap { self.choice($0, "\(path).kind", what: "invoice kind") } ?? .invoice
            let status: InvoiceStatus? = optional(fields["status"]).flatMap {
                self.choice($0, "\(path).status", what: "invoice status")
            }
            let statusDate = optional(fields["status_date"]).flatMap { self.date($0, "\(path).status_date") }
            let statusFile = optional(fields["status_file"]).flatMap { self.text($0, "\(path).status_file") }
            let penaltyClause = optional(fields["penalty_clause"]).flatMap { self.text($0, "\(path).penalty_clause") }
            if let number { invoiceNumbers.insert(number) }
            if let number, let node = fields["number"] {
                if let first = seen[number] {
                    report(
                        node, "\(path).number",
                        "\"\(number)\" is already the number of invoices[\(first.index)] (line \(first.line))",
                        "each invoice appears once, with its own number")
                } else {
                    seen[number] = (index, node.mark?.line ?? 0)
                }
            }
            if let issued, let due, due < issued, let node = fields["due"] {
                report(
                    node, "\(path).due", "\(due.iso) is before the issue date \(issued.iso)",
                    "the due date is on or after issued")
            }
            if let number, let issued, let due, let amount {
                result.append(
                    Invoice(
                        number: number, issued: issued, due: due, amount: amount, description: description,
                        kind: kind, status: status, statusDate: statusDate, statusFile: statusFile,
                        penaltyClause: penaltyClause))
            }
        }
        return result
    }

    private func currency(_ node: Node, _ path: @autoclosure () -> String) {
        guard let raw = text(node, path()), raw != "EUR" else { return }
        if raw.uppercased() == "EUR" || raw == "€" {
            report(node, path(), "\"\(raw)\" is not written as the currency code", "write EUR")
        } else {
            report(
                node, path(), "\"\(raw)\": only euros are computed",
                "convert the amount to EUR at the contract's rate and write currency: EUR")
        }
    }

    private func payments(_ node: Node, invoices: Set<String>) -> [Payment] {
        guard let items = list(node, "payments", item: "payment") else { return [] }
        var result: [Payment] = []
        for (index, item) in items.enumerated() {
            let path = "payments[\(index)]"
            guard let fields = fields(of: item, path: path, schema: .payment) else { continue }
            let date = fields["date"].flatMap { self.date($0, "\(path).date") }
            let amount = fields["amount"].flatMap { self.amount($0, "\(path).amount") }
            let invoice = optional(fields["invoice"]).flatMap { invoiceReference($0, "\(path).invoice", invoices) }
            let reference = optional(fields["reference"]).flatMap { self.text($0, "\(path).reference") }
            if let date, let amount {
                result.append(Payment(date: date, amount: amount, invoice: invoice, reference: reference))
            }
        }
        return result
    }

    private func creditNotes(_ node: Node, invoices: Set<String>) -> [CreditNote] {
        guard let items = list(node, "credit_notes", item: "credit note") else { return [] }
        var result: [CreditNote] = []
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let path = "credit_notes[\(index)]"
            guard let fields = fields(of: item, path: path, schema: .creditNote) else { continue }
            let number = fields["number"].flatMap { self.text($0, "\(path).number") }
            let date = fields["date"].flatMap { self.date($0, "\(path).date") }
            let amount = fields["amount"].flatMap { self.amount($0, "\(path).amount") }
            let invoice = optional(fields["invoice"]).flatMap { invoiceReference($0, "\(path).invoice", invoices) }
            if let number, let node = fields["number"] {
                if let first = seen[number] {
                    report(
                        node, "\(path).number", "\"\(number)\" is already the number of credit_notes[\(first)]",
                        "each credit note appears once, with its own number")
                } else {
                    seen[number] = index
                }
            }
            if let number, let date, let amount {
                result.append(CreditNote(number: number, date: date, amount: amount, invoice: invoice))
            }
        }
        return result
    }

    private func invoiceReference(_ node: Node, _ path: @autoclosure () -> String, _ invoices: Set<String>) -> String? {
        guard let raw = text(node, path()) else { return nil }
        if invoices.contains(raw) { return raw }
        if invoices.isEmpty { return nil }  // the invoices themselves are wrong: reported there
        var remedy = "name the number of one of the invoices, or leave invoice out to impute by law"
        if invoices.count <= 1000, let near = Suggestion.nearest(to: raw, in: invoices.sorted()) {
            remedy = "did you mean \"\(near)\"?"
        }
        report(node, path(), "\"\(raw)\" is not the number of any invoice in this case", remedy)
        return nil
    }

    /// Payments and credit notes naming an invoice cannot settle more than its amount: the excess
    /// would be a refund, not a payment, and no rule would say where it goes.
    private func checkAllocations(
        invoices: [Invoice], payments: [Payment], creditNotes: [CreditNote],
        paymentsNode: Node?, creditNotesNode: Node?
    ) {
        guard problems.isEmpty else { return }
        var amounts: [String: Decimal] = [:]
        for invoice in invoices { amounts[invoice.number] = invoice.amount }
        var settled: [String: Decimal] = [:]
        // The node and the key path of an entry are looked up only for the few that are reported.
        var entries: [(day: Day, invoice: String, amount: Decimal, list: String, index: Int)] = []
        if case .sequence? = paymentsNode {
            for (index, payment) in payments.enumerated() {
                guard let invoice = payment.invoice else { continue }
                entries.append((payment.date, invoice, payment.amount, "payments", index))
            }
        }
        if case .sequence? = creditNotesNode {
            for (index, note) in creditNotes.enumerated() {
                guard let invoice = note.invoice else { continue }
                entries.append((note.date, invoice, note.amount, "credit_notes", index))
            }
        }
        var reported: Set<String> = []
        for entry in entries.sorted(by: { $0.day < $1.day }) {
            let total = (settled[entry.invoice] ?? 0) + entry.amount
            settled[entry.invoice] = total
            if let amount = amounts[entry.invoice], total > amount, !reported.contains(entry.invoice) {
                reported.insert(entry.invoice)
                let listNode = entry.list == "payments" ? paymentsNode : creditNotesNode
                let item = listNode?.sequence?[entry.index]
                let node = item?.mapping?["amount"] ?? item
                report(
                    node, "\(entry.list)[\(entry.index)].amount",
                    "payments and credit notes on \(entry.invoice) reach \(Money.plain(total)), more than its amount \(Money.plain(amount))",
                    "check the amounts, or the invoice each one names")
            }
        }
    }

    // MARK: Events and exhibits

    private func events(_ node: Node) -> [Event] {
        guard let items = list(node, "events", item: "event") else { return [] }
        var result: [Event] = []
        for (index, item) in items.enumerated() {
            let path = "events[\(index)]"
            guard let fields = fields(of: item, path: path, schema: .event) else { continue }
            let type: Event.Kind? = fields["type"].flatMap { self.choice($0, "\(path).type", what: "event type") }
            let date = fields["date"].flatMap { self.date($0, "\(path).date") }
            let received = optional(fields["received"]).flatMap { self.date($0, "\(path).received") }
            let served = optional(fields["served"]).flatMap { self.date($0, "\(path).served") }
            let channel: Channel? = optional(fields["channel"]).flatMap {
                self.choice($0, "\(path).channel", what: "channel")
            }
            let tracking = optional(fields["tracking"]).flatMap { self.text($0, "\(path).tracking") }
            let court = optional(fields["court"]).flatMap { self.text($0, "\(path).court") }
            var event = Event(type: type ?? .reminder, date: date ?? Day(ordinal: 0))
            event.step = optional(fields["step"]).flatMap { self.text($0, "\(path).step") }
            event.file = optional(fields["file"]).flatMap { self.text($0, "\(path).file") }
            event.letter = optional(fields["letter"]).flatMap { self.text($0, "\(path).letter") }
            event.dispatchProof = optional(fields["dispatch_proof"]).flatMap { self.text($0, "\(path).dispatch_proof") }
            event.receiptFile = optional(fields["receipt_file"]).flatMap { self.text($0, "\(path).receipt_file") }
            event.presented = optional(fields["presented"]).flatMap { self.date($0, "\(path).presented") }
            event.outcome = optional(fields["outcome"]).flatMap { self.choice($0, "\(path).outcome", what: "outcome") }
            event.judgmentKind = optional(fields["kind"]).flatMap {
                self.choice($0, "\(path).kind", what: "kind of decision")
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
                    report(item, "\(path).until", "missing: a promise says by when", "add until: 2025-07-15")
                }
                if type == .plan, fields["instalments"] == nil {
                    report(
                        item, "\(path).instalments", "missing: a plan lists its instalments",
                        "add instalments: [ { date: 2025-08-01, amount: 300.00 } ]")
                }
            }
            if let type, type != .formalNotice, let node = fields["received"] {
                report(
                    node, "\(path).received", "only a formal_notice has a receipt date",
                    "remove received, or write type: formal_notice")
            }
            if let type, type != .judgment, let node = fields["served"] {
                report(
                    node, "\(path).served", "only a judgment has a date of service",
                    "remove served, or write type: judgment")
            }
            if let type, type != .judgment, let node = fields["court"] {
                report(node, "\(path).court", "only a judgment names a court", "remove court, or write type: judgment")
            }
            if let date, let received, received < date, let node = fields["received"] {
                report(
                    node, "\(path).received", "\(received.iso) is before the notice was sent on \(date.iso)",
                    "received is the date on the avis de réception, on or after date")
            }
            if let type, let date {
                event.type = type
                event.date = date
                event.received = received
                event.served = served
                event.channel = channel
                event.tracking = tracking
                event.court = court
                result.append(event)
            }
        }
        return result
    }

    /// The event types each type-specific key belongs to (received, served and court are checked
    /// with their own messages).
    static let eventKeys: [(key: String, types: [Event.Kind])] = [
        ("step", [.reminder]), ("file", [.reminder, .judgment]),
        ("letter", [.formalNotice]), ("dispatch_proof", [.formalNotice]), ("receipt_file", [.formalNotice]),
        ("presented", [.formalNotice]), ("outcome", [.formalNotice]),
        ("kind", [.judgment]), ("invoices", [.judgment]), ("awarded", [.judgment]), ("service_file", [.judgment]),
        ("until", [.promise]), ("amount", [.promise]), ("instalments", [.plan]),
        ("express", [.rejection]), ("remedies_mentioned", [.rejection]),
    ]

    private func checkEventKeys(_ type: Event.Kind, _ fields: Fields, _ path: String) {
        for entry in Self.eventKeys where !entry.types.contains(type) {
            guard let node = fields[entry.key] else { continue }
            let names = entry.types.map(\.rawValue).joined(separator: " or ")
            report(
                node, "\(path).\(entry.key)", "only a \(names) event has \(entry.key)",
                "remove \(entry.key), or write type: \(entry.types[0].rawValue)")
        }
    }

    /// `invoices: [numbers]` of a judgment: the numbers must be invoices of the case.
    private func invoiceList(_ node: Node, _ path: String) -> [String]? {
        guard case .sequence(let sequence) = node else {
            report(node, path, "expected a list of invoice numbers, found \(Self.shape(of: node))", "write invoices: [\"FA2025-118\"]")
            return nil
        }
        var result: [String] = []
        for (index, item) in sequence.enumerated() {
            if let number = invoiceReference(item, "\(path)[\(index)]", invoiceNumbers) { result.append(number) }
        }
        return result
    }

    private func award(_ node: Node, _ path: String) -> Award? {
        guard let fields = fields(of: node, path: path, schema: .award) else { return nil }
        var award = Award()
        award.principal = optional(fields["principal"]).flatMap { self.amount($0, "\(path).principal", allowZero: true) }
        award.costs = optional(fields["costs"]).flatMap { self.amount($0, "\(path).costs", allowZero: true) }
        award.article700 = optional(fields["article_700"])
            .flatMap { self.amount($0, "\(path).article_700", allowZero: true) }
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
                                "expected legal, a rate in percent such as 12.0, or \"ECB + 10\"")
                        }
                    }
                }
            }
        }
        return award
    }

    private func instalments(_ node: Node, _ path: String) -> [Instalment] {
        guard let items = list(node, path, item: "instalment") else { return [] }
        if items.isEmpty {
            report(node, path, "the list is empty", "a plan has at least one instalment")
            return []
        }
        var result: [Instalment] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard let fields = fields(of: item, path: itemPath, schema: .instalment) else { continue }
            let date = fields["date"].flatMap { self.date($0, "\(itemPath).date") }
            let amount = fields["amount"].flatMap { self.amount($0, "\(itemPath).amount") }
            if let date, let amount { result.append(Instalment(date: date, amount: amount)) }
        }
        return result
    }

    private func exhibits(_ node: Node) -> [Exhibit] {
        guard let items = list(node, "exhibits", item: "exhibit") else { return [] }
        var result: [Exhibit] = []
        for (index, item) in items.enumerated() {
            let path = "exhibits[\(index)]"
            guard let fields = fields(of: item, path: path, schema: .exhibit) else { continue }
            let title = fields["title"].flatMap { self.text($0, "\(path).title") }
            var file: String?
            if let node = optional(fields["file"]), let raw = text(node, "\(path).file") {
                var isFolder: ObjCBool = false
                let url = raw.hasPrefix("/") ? URL(fileURLWithPath: raw) : folder.appendingPathComponent(raw)
                if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
                    report(
                        node, "\(path).file", "\"\(raw)\" does not exist",
                        "the path is relative to the folder of the case file")
                } else if isFolder.boolValue {
                    report(node, "\(path).file", "\"\(raw)\" is a folder", "name the exhibit's file")
                } else {
                    file = raw
                }
            }
            let toProduce = optional(fields["to_produce"]).flatMap { self.bool($0, "\(path).to_produce") } ?? false
            if let title { result.append(Exhibit(title: title, file: file, toProduce: toProduce)) }
        }
        return result
    }

    // MARK: Structure

    /// A null value (`key:` with nothing, `~`, `null`) for an optional key means the key is absent.
    func optional(_ node: Node?) -> Node? {
        guard let node else { return nil }
        if case .scalar(let scalar) = node, scalar.style == .plain, Self.isNull(scalar.string) { return nil }
        return node
    }

    static func isNull(_ text: String) -> Bool {
        text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// The values of a mapping by key, after reporting unknown keys (with the nearest valid key) and
    /// missing required keys. `nil` when `node` is not a mapping.
    func fields(of node: Node, path: String, schema: Schema) -> Fields? {
        guard case .mapping(let mapping) = node else {
            report(
                node, path,
                "expected a mapping of keys (\(schema.keys.prefix(3).joined(separator: ", ")), …), found \(Self.shape(of: node))",
                schema.example)
            return nil
        }
        var values = Fields()
        values.reserveCapacity(mapping.count)
        var suggested: Set<String> = []
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else {
                report(keyNode, path, "a key must be a plain name, found \(Self.shape(of: keyNode))", nil)
                continue
            }
            let name = key.string
            if schema.keySet.contains(name) {
                values.append(name, value)
                continue
            }
            let keyPath = path.isEmpty ? name : "\(path).\(name)"
            if let near = Suggestion.nearest(to: name, in: schema.keys) {
                suggested.insert(near)
                report(keyNode, keyPath, "unknown key", "did you mean \(near)?")
            } else {
                report(keyNode, keyPath, "unknown key", "expected one of: \(schema.keys.joined(separator: ", "))")
            }
        }
        // A misspelt required key is reported once, as the unknown key with its correction.
        for required in schema.required where !values.has(required) && !suggested.contains(required) {
            let keyPath = path.isEmpty ? required : "\(path).\(required)"
            report(node, keyPath, "missing", "required: add \(schema.hint(for: required))")
        }
        return values
    }

    /// The known keys of one mapping and their values: a handful each, so a linear search beats
    /// hashing when a file holds tens of thousands of mappings. Keys and values are kept apart so
    /// that a search compares keys without copying the values (YAML nodes) it passes over.
    struct Fields {
        private var keys: [String] = []
        private var values: [Node] = []

        mutating func reserveCapacity(_ count: Int) {
            keys.reserveCapacity(count)
            values.reserveCapacity(count)
        }

        mutating func append(_ key: String, _ value: Node) {
            keys.append(key)
            values.append(value)
        }

        subscript(key: String) -> Node? {
            keys.firstIndex(of: key).map { values[$0] }
        }

        /// Whether `key` is present, without copying its value.
        func has(_ key: String) -> Bool {
            keys.contains(key)
        }
    }

    /// The items of a list; `nil` (reported) when `node` is not a list.
    func list(_ node: Node, _ path: String, item: String) -> Node.Sequence? {
        guard case .sequence(let sequence) = node else {
            report(node, path, "expected a list, found \(Self.shape(of: node))", "start each \(item) with \"- \"")
            return nil
        }
        return sequence
    }

    static func shape(of node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            return scalar.style == .plain && isNull(scalar.string)
                ? "nothing" : "the text \"\(shortened(scalar.string))\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    static func shortened(_ text: String) -> String {
        let oneLine = text.replacingOccurrences(of: "\n", with: " ")
        return oneLine.count > 40 ? String(oneLine.prefix(40)) + "…" : oneLine
    }

    // MARK: Scalars

    /// The literal text of a scalar (reported when the value is a list, a mapping or empty).
    func scalar(_ node: Node, _ path: @autoclosure () -> String) -> String? {
        guard case .scalar(let scalar) = node else {
            report(node, path(), "expected a single value, found \(Self.shape(of: node))", nil)
            return nil
        }
        if scalar.style == .plain, Self.isNull(scalar.string) {
            report(node, path(), "is empty", "give a value or remove the key")
            return nil
        }
        return scalar.string
    }

    /// A non-blank text, trimmed.
    func text(_ node: Node, _ path: @autoclosure () -> String) -> String? {
        guard let raw = scalar(node, path()) else { return nil }
        // Most texts have nothing to trim; Foundation's trimming is costly over 100 000 values.
        if let first = raw.unicodeScalars.first, let last = raw.unicodeScalars.last,
            !first.properties.isWhitespace, !last.properties.isWhitespace
        {
            return raw
        }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            report(node, path(), "is blank", "give a value or remove the key")
            return nil
        }
        return trimmed
    }

    func date(_ node: Node, _ path: @autoclosure () -> String) -> Day? {
        guard let raw = scalar(node, path()) else { return nil }
        guard let day = Day(iso: raw) else {
            report(node, path(), "\"\(Self.shortened(raw))\" is not a date", "expected YYYY-MM-DD")
            return nil
        }
        return day
    }

    /// Euros with at most two decimals, from the literal text of a YAML number or string.
    func amount(_ node: Node, _ path: @autoclosure () -> String, allowZero: Bool = false) -> Decimal? {
        guard let raw = scalar(node, path()) else { return nil }
        if let value = Self.plainAmount(raw), value != 0 || allowZero { return value }
        let shown = Self.shortened(raw)
        switch Money.parse(raw) {
        case .success(let value):
            if value == 0 && !allowZero {
                report(node, path(), "the amount is 0", "an amount here is more than 0; remove the entry instead")
                return nil
            }
            return value
        case .failure(let failure):
            switch failure {
            case .empty:
                report(node, path(), "is empty", "expected an amount in euros such as 1800.00")
            case .thousandsSeparator:
                report(node, path(), "\"\(shown)\" groups thousands", "write digits and a dot only, such as 1800.00")
            case .decimalComma:
                report(node, path(), "\"\(shown)\" has a decimal comma", "write a dot, such as 1800.50")
            case .tooManyDecimals(let count):
                report(
                    node, path(), "\"\(shown)\" has \(count) decimals",
                    "amounts are in euros and cents: at most two decimals")
            case .negative:
                report(node, path(), "\"\(shown)\" is negative", "amounts are positive; money returned is a credit note")
            case .notANumber:
                report(node, path(), "\"\(shown)\" is not an amount", "expected euros such as 1800.00")
            }
            return nil
        }
    }

    /// The common case of an amount, `1800` or `1800.5` or `1800.00` (digits, at most two decimals),
    /// read as an integer number of cents without Foundation's parser; `nil` for anything else,
    /// which `Money.parse` then reads or explains. Both give the same `Decimal` for the same text.
    static func plainAmount(_ text: String) -> Decimal? {
        var units: UInt64 = 0
        var digits = 0
        var decimals = -1
        for byte in text.utf8 {
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

    func bool(_ node: Node, _ path: String) -> Bool? {
        guard let raw = scalar(node, path) else { return nil }
        switch raw.lowercased() {
        case "true": return true
        case "false": return false
        default:
            report(node, path, "\"\(Self.shortened(raw))\" is not true or false", "expected true or false")
            return nil
        }
    }

    /// One of a closed list of words (`kind`, `nature`, `type`, `channel`).
    func choice<E: RawRepresentable & CaseIterable>(_ node: Node, _ path: String, what: String) -> E?
    where E.RawValue == String {
        guard let raw = text(node, path) else { return nil }
        if let value = E(rawValue: raw) { return value }
        let names = E.allCases.map(\.rawValue)
        let list = names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
        report(node, path, "\"\(Self.shortened(raw))\" is not a known \(what)", "expected \(list)")
        return nil
    }
}
