import Foundation
import RecouvreModel
import RecouvrePDFAttachments
import RecouvreXML

/// E-invoices to cases (`recouvre import ubl|cii|facturx|einvoice FILE…`): the seller becomes the
/// creditor, the buyer the debtor; one case per seller and buyer. Every XML goes through
/// `SafeXMLParser` (no network, no DTD, no entity); a Factur-X PDF is opened with qpdf and its
/// embedded `factur-x.xml` (or `zugferd-invoice.xml`, `xrechnung.xml`) read, and the PDF becomes the
/// invoice's exhibit.
public enum EInvoiceImporter {
    public enum Format: String, Sendable, CaseIterable {
        case ubl, cii, facturx
        /// Detected from the bytes: `%PDF` → Factur-X, else the XML root element.
        case einvoice
    }

    /// One input file.
    public struct Input: Sendable {
        public var name: String
        public var data: Data
        public init(name: String, data: Data) {
            self.name = name
            self.data = data
        }
    }

    /// An XML e-invoice larger than this is refused before it is parsed (a real one is a few hundred kilobytes).
    public static let maximumXMLBytes = 20 * 1024 * 1024

    /// Embedded-file names of the CII in a PDF, in order of preference (Factur-X, ZUGFeRD 2, ZUGFeRD 1, XRechnung).
    static let attachmentNames = [
        "factur-x.xml", "zugferd-invoice.xml", "zugferd-invoice.xml", "xrechnung.xml", "ZUGFeRD-invoice.xml",
    ]

    /// Reads one file into its e-invoice (and, for a PDF, the PDF's bytes as the exhibit).
    public static func read(_ input: Input, format: Format) throws(ImportError) -> EInvoice {
        let isPDF = input.data.prefix(1024).range(of: Data("%PDF-".utf8)) != nil
        switch (format, isPDF) {
        case (.facturx, false):
            throw ImportError(
                "n'est pas un PDF (pas d'en-tête %PDF-)", at: SourceLocation(file: input.name),
                remedy: "pour le XML seul, utilisez `recouvre import cii`")
        case (.ubl, true), (.cii, true):
            throw ImportError(
                "est un PDF, pas un XML \(format.rawValue.uppercased())", at: SourceLocation(file: input.name),
                remedy: "utilisez `recouvre import facturx` (ou `einvoice`, qui reconnaît le format)")
        default: break
        }
        if isPDF { return try facturX(input) }
        guard input.data.count <= maximumXMLBytes else {
            throw ImportError(
                "document XML trop grand (\(input.data.count / 1_048_576) Mo, limite \(maximumXMLBytes / 1_048_576) Mo) : non lu ; rien n'a été écrit",
                at: SourceLocation(file: input.name),
                remedy: "une facture électronique fait quelques centaines de kilo-octets")
        }
        let root: XMLElementNode
        do {
            root = try SafeXMLParser.parse(input.data, name: input.name)
        } catch {
            throw xmlRefusal(error, file: input.name)
        }
        let syntax = EInvoiceReader.syntax(of: root)
        if format == .ubl, syntax != .ubl || root.name == "CrossIndustryInvoice" {
            throw ImportError(
                "n'est pas une facture UBL (élément racine \(root.name))",
                at: SourceLocation(file: input.name, line: root.line),
                remedy: "utilisez `recouvre import einvoice`, qui reconnaît le format")
        }
        if format == .cii, syntax != .cii {
            throw ImportError(
                "n'est pas une facture CII (élément racine \(root.name))",
                at: SourceLocation(file: input.name, line: root.line),
                remedy: "utilisez `recouvre import einvoice`, qui reconnaît le format")
        }
        return try EInvoiceReader.read(root, file: input.name)
    }

    /// libxml2's refusal in French, with its line: the first error only (the rest follow from it).
    static func xmlRefusal(_ error: XMLValidationError, file: String) -> ImportError {
        let first = error.errors.first
        let message = first?.message ?? "document illisible"
        let french: String
        if message.contains("entity declaration") {
            french =
                "déclaration d'entité refusée (protection contre XXE et l'expansion d'entités « billion laughs ») : \(message)"
        } else if message.contains("external DTD") || message.contains("external resource") {
            french = "DTD ou ressource externe refusée : recouvre ne charge rien hors du fichier : \(message)"
        } else if message.contains("Document is empty") {
            french = "le document XML est vide"
        } else if message.lowercased().contains("huge") || message.contains("depth") || message.contains("limit")
            || message.contains("larger than")
        {
            french = "document XML trop grand ou trop profond (limites de libxml2) : \(message)"
        } else {
            french = "XML mal formé ou tronqué : \(message)"
        }
        return ImportError(
            "\(french) ; rien n'a été écrit",
            at: SourceLocation(file: file, line: first?.line ?? 0, column: first?.column ?? 0),
            remedy: "demandez une facture électronique conforme (UBL 2.1, CII ou Factur-X)")
    }

    static func facturX(_ input: Input) throws(ImportError) -> EInvoice {
        let files: [EmbeddedFile]
        do {
            files = try PDFAttachments.embeddedFiles(in: input.data, name: input.name)
        } catch {
            throw ImportError(
                "le PDF ne peut pas être lu : \(error.message)", at: SourceLocation(file: input.name),
                remedy: "vérifiez que le fichier est un PDF complet")
        }
        let xml =
            attachmentNames.lazy.compactMap { wanted in files.first { $0.name.lowercased() == wanted.lowercased() } }
            .first
            ?? files.first { $0.name.lowercased().hasSuffix(".xml") && $0.relationship != nil }
        guard let xml else {
            let found = files.map(\.name)
            throw ImportError(
                "le PDF ne contient pas de facture XML (factur-x.xml)"
                    + (found.isEmpty
                        ? " : aucun fichier joint" : " : fichiers joints \(found.joined(separator: ", "))"),
                at: SourceLocation(file: input.name),
                remedy: "ce PDF n'est pas une Factur-X ; importez le XML de la facture, ou saisissez-la dans un dossier"
            )
        }
        let xmlName = "\(input.name)#\(xml.name)"
        let root: XMLElementNode
        do {
            root = try SafeXMLParser.parse(xml.data, name: xmlName)
        } catch {
            throw xmlRefusal(error, file: xmlName)
        }
        var invoice = try EInvoiceReader.read(root, file: xmlName)
        invoice.pdfAttachment = xml.name
        return invoice
    }

    /// E-invoice files to cases: each file read (every problem of every file reported), then grouped by
    /// seller and buyer.
    /// `messages`: the book's catalogue, which words the exhibits' titles (`ImportReason`).
    public static func importFiles(
        _ inputs: [Input], format: Format = .einvoice, messages: MessageCatalogue
    ) throws(ImportError) -> ImportResult {
        var invoices: [(EInvoice, Input)] = []
        var problems: [ImportProblem] = []
        for input in inputs {
            do {
                invoices.append((try read(input, format: format), input))
            } catch {
                problems.append(contentsOf: error.problems)
            }
        }
        if !problems.isEmpty { throw ImportError(problems) }
        var notes: [ImportNote] = []
        let cases = assemble(invoices, notes: &notes, messages: messages)
        return ImportResult(
            kind: format.rawValue, sources: inputs.map(\.name), cases: cases, notes: notes, linesRead: inputs.count,
            documents: invoices.map(\.0))
    }

    /// The SIREN (and SIRET) of a party: its legal registration identifier (scheme 0002 SIREN, 0009
    /// SIRET; a 14-digit SIRET mislabelled 0002 is read as a SIRET), else an identifier of scheme 0009 or
    /// 0002, else a French routing identifier (scheme 0225: the SIREN, possibly followed by `_…`).
    static func identifiers(
        _ party: EInvoice.Party, role: String, notes: inout [ImportNote]
    ) -> (
        siren: String?, siret: String?
    ) {
        var candidates: [(scheme: String?, value: String, location: SourceLocation?)] = []
        if let id = party.legalID { candidates.append((party.legalIDScheme, id, party.legalIDLocation)) }
        for id in party.identifiers where id.scheme == "0009" || id.scheme == "0002" {
            candidates.append((id.scheme, id.value, party.location))
        }
        for id in party.identifiers where id.scheme == "0225" {
            let digits = id.value.prefix { $0.isNumber }
            if digits.count >= 9 {
                candidates.append(("0225", String(digits.prefix(digits.count >= 14 ? 14 : 9)), party.location))
            }
        }
        for candidate in candidates {
            guard candidate.scheme == nil || ["0002", "0009", "0225"].contains(candidate.scheme!) else { continue }
            let digits = CompanyIdentifier.digits(candidate.value)
            let (siren, siret) = PartyDetails.identifiers(digits)
            if let siren {
                if candidate.scheme == "0002", digits.count == 14 {
                    notes.append(
                        ImportNote(
                            .info,
                            "\(role) : identifiant \(digits) à 14 chiffres déclaré SIREN (schéma 0002) : lu comme un SIRET",
                            at: candidate.location))
                }
                return (siren, siret)
            }
            if digits.count == 9 || digits.count == 14 {
                notes.append(
                    ImportNote(
                        .warning,
                        "\(role) : identifiant \(digits) (schéma \(candidate.scheme ?? "?")) : clé de Luhn fausse, SIREN non repris",
                        at: candidate.location))
            }
        }
        return (nil, nil)
    }

    static func details(_ party: EInvoice.Party, role: String, notes: inout [ImportNote]) -> PartyDetails {
        var details = PartyDetails()
        details.name = party.name
        let (siren, siret) = identifiers(party, role: role, notes: &notes)
        details.siren = siren
        details.siret = siret
        details.lines = party.lines
        details.postcode = party.postcode
        details.city = party.city
        details.country = party.country
        if let email = party.email, email.contains("@"), !email.contains(" ") { details.email = email }
        details.phone = party.phone
        return details
    }

    static func score(_ details: PartyDetails) -> Int {
        details.lines.count + (details.postcode == nil ? 0 : 1) + (details.city == nil ? 0 : 1)
            + (details.email == nil ? 0 : 1)
    }

    static func partyKey(_ details: PartyDetails) -> String { details.siren ?? details.name ?? "inconnu" }

    /// Groups invoices by seller and buyer; nets credit notes against the invoice they name; leaves out
    /// paid invoices and foreign currencies, with a note.
    static func assemble(
        _ invoices: [(EInvoice, Input)], notes: inout [ImportNote], messages: MessageCatalogue
    ) -> [ImportedCase] {
        struct Group {
            var seller: PartyDetails
            var buyer: PartyDetails
            var sellerIBAN: String?
            var items: [(EInvoice, Input)] = []
            var notes: [ImportNote] = []
        }
        var order: [String] = []
        var groups: [String: Group] = [:]
        for (invoice, input) in invoices {
            let at = SourceLocation(file: invoice.file)
            if invoice.currency.uppercased() != "EUR" {
                notes.append(
                    ImportNote(
                        .skipped,
                        "facture \(invoice.number) en \(invoice.currency) (\(Money.plain(invoice.amountDue)) à payer) : seuls les euros "
                            + "sont calculés ; convertissez-la en EUR au cours du contrat et saisissez-la dans un dossier",
                        at: invoice.locations["amount"] ?? at))
                continue
            }
            var groupNotes: [ImportNote] = []
            let seller = details(invoice.seller, role: "vendeur", notes: &groupNotes)
            let buyer = details(invoice.buyer, role: "acheteur", notes: &groupNotes)
            let key = partyKey(seller) + "\u{1F}" + partyKey(buyer)
            if groups[key] == nil {
                order.append(key)
                groups[key] = Group(seller: seller, buyer: buyer, sellerIBAN: invoice.payeeIBAN, notes: groupNotes)
            }
            groups[key]!.items.append((invoice, input))
            // The parties are taken from the invoice that says most of them (a MINIMUM profile has no address).
            if score(buyer) + score(seller) > score(groups[key]!.buyer) + score(groups[key]!.seller) {
                groups[key]!.buyer = buyer
                groups[key]!.seller = seller
                groups[key]!.notes = groupNotes
            }
            if groups[key]!.sellerIBAN == nil { groups[key]!.sellerIBAN = invoice.payeeIBAN }
        }
        let sellers = Set(order.map { $0.split(separator: "\u{1F}").first.map(String.init) ?? "" })
        var result: [ImportedCase] = []
        var fileNames: Set<String> = []
        for key in order {
            guard let group = groups[key] else { continue }
            var caseNotes = group.notes
            var locations: [String: SourceLocation] = [:]
            var caseInvoices: [Invoice] = []
            var creditNotes: [CreditNote] = []
            var exhibits: [Exhibit] = []
            var attachments: [ImportAttachment] = []
            var clauses: [(String, SourceLocation?)] = []
            var terms: [String] = []
            var contractReference: String?
            var pendingCredits: [(EInvoice, Decimal)] = []
            var replaced: Set<String> = []
            for (invoice, _) in group.items where invoice.typeCode == "384" {
                replaced.formUnion(invoice.precedingInvoices)
            }
            // The same invoice in several files (its XML and its Factur-X PDF): kept once, the PDF first.
            var items: [(EInvoice, Input)] = []
            var kept: [String: EInvoice] = [:]
            let ordered =
                group.items.filter { $0.0.pdfAttachment != nil } + group.items.filter { $0.0.pdfAttachment == nil }
            for (invoice, input) in ordered {
                if let first = kept[invoice.number], first.issueDate == invoice.issueDate,
                    first.amountDue == invoice.amountDue,
                    first.typeCode == invoice.typeCode
                {
                    caseNotes.append(
                        ImportNote(
                            .info,
                            "facture \(invoice.number) déjà lue dans \(first.file) : ce fichier-ci n'est pas repris une seconde fois",
                            at: SourceLocation(file: invoice.file)))
                    continue
                }
                if kept[invoice.number] == nil { kept[invoice.number] = invoice }
                items.append((invoice, input))
            }
            items.sort { a, b in
                (group.items.firstIndex { $0.1.name == a.1.name } ?? 0)
                    < (group.items.firstIndex { $0.1.name == b.1.name } ?? 0)
            }
            for (invoice, input) in items {
                let at = invoice.locations["amount"] ?? SourceLocation(file: invoice.file)
                if replaced.contains(invoice.number) {
                    caseNotes.append(
                        ImportNote(
                            .info,
                            "facture \(invoice.number) remplacée par une facture rectificative (384) : non reprise",
                            at: at))
                    continue
                }
                let isCredit = invoice.isCreditNote || invoice.amountDue < 0
                if invoice.amountDue == 0 || (invoice.alreadyPaidFrame && !isCredit) {
                    let frame =
                        invoice.alreadyPaidFrame
                        ? " (cadre de facturation \(invoice.businessProcess!) : déjà payée)" : ""
                    caseNotes.append(
                        ImportNote(
                            .skipped,
                            "facture \(invoice.number) : rien à payer (BT-115 = \(Money.plain(invoice.amountDue)))\(frame)",
                            at: at))
                    continue
                }
                if isCredit {
                    if !invoice.isCreditNote {
                        caseNotes.append(
                            ImportNote(
                                .info,
                                "document \(invoice.number) de type \(invoice.typeCode) à montant négatif : traité comme un avoir",
                                at: at))
                    }
                    pendingCredits.append((invoice, invoice.amountDue < 0 ? -invoice.amountDue : invoice.amountDue))
                    exhibitFor(invoice, input, exhibits: &exhibits, attachments: &attachments, messages: messages)
                    continue
                }
                let path = "invoices[\(caseInvoices.count)]"
                for (field, location) in invoice.locations where !field.hasPrefix("note") && !field.isEmpty {
                    locations["\(path).\(field)"] = location
                }
                locations[path] = invoice.locations[""]
                var due = invoice.dueDate
                if due == nil {
                    due = invoice.issueDate.adding(days: 30)
                    caseNotes.append(
                        ImportNote(
                            .warning,
                            "facture \(invoice.number) sans date d'échéance (BT-9) : \(due!.iso), 30 jours après l'émission "
                                + "(C. com. L441-10 I, délai supplétif)\(invoice.paymentTerms.map { " ; conditions : « \($0) »" } ?? "")",
                            at: invoice.locations["issued"]))
                } else if due! < invoice.issueDate {
                    caseNotes.append(
                        ImportNote(
                            .warning,
                            "facture \(invoice.number) : échéance \(due!.iso) avant l'émission, ramenée à l'émission",
                            at: invoice.locations["due"]))
                    due = invoice.issueDate
                }
                if invoice.typeCode == "393" {
                    caseNotes.append(
                        ImportNote(
                            .warning,
                            "facture \(invoice.number) de type 393 (facture affacturée) : la créance peut appartenir au factor",
                            at: at))
                }
                if invoice.typeCode == "384" {
                    caseNotes.append(
                        ImportNote(
                            .info,
                            "facture rectificative \(invoice.number) (384)\(invoice.precedingInvoices.isEmpty ? "" : " de \(invoice.precedingInvoices.joined(separator: ", "))")",
                            at: at))
                }
                let clause = invoice.notes("PMD").map(\.content).joined(separator: " ")
                caseInvoices.append(
                    Invoice(
                        number: invoice.number, issued: invoice.issueDate, due: due!, amount: invoice.amountDue,
                        description: nil,
                        penaltyClause: clause.isEmpty ? nil : clause))
                if let prepaid = invoice.prepaid, prepaid > 0 {
                    caseNotes.append(
                        ImportNote(
                            .info,
                            "facture \(invoice.number) : \(Money.plain(prepaid)) déjà payés d'avance (BT-113) ; est réclamé le montant à payer "
                                + "\(Money.plain(invoice.amountDue)) (BT-115)",
                            at: at))
                }
                exhibitFor(invoice, input, exhibits: &exhibits, attachments: &attachments, messages: messages)
                for note in invoice.notes("PMD") {
                    clauses.append((note.content, invoice.locations["note.\(invoice.notes.firstIndex(of: note)!)"]))
                }
                if invoice.notes("PMD").isEmpty {
                    caseNotes.append(
                        ImportNote(
                            .warning,
                            "facture \(invoice.number) sans mention des pénalités de retard (note PMD, C. com. L441-9) : "
                                + "le taux légal par défaut (BCE + 10 points, L441-10 II) s'appliquera",
                            at: invoice.locations[""]))
                }
                for note in invoice.notes("PMT") {
                    caseNotes.append(
                        ImportNote(
                            .info, "facture \(invoice.number), indemnité forfaitaire (PMT) : « \(note.content) »",
                            at: at))
                }
                for note in invoice.notes("AAB") {
                    caseNotes.append(
                        ImportNote(.info, "facture \(invoice.number), escompte (AAB) : « \(note.content) »", at: at))
                }
                if let paymentTerms = invoice.paymentTerms, !terms.contains(paymentTerms) { terms.append(paymentTerms) }
                if contractReference == nil { contractReference = invoice.contractReference }
            }
            // Credit notes are netted against the invoice they name (BT-25); one naming none, or an
            // invoice not imported, still reduces the debtor's balance.
            let numbers = Set(caseInvoices.map(\.number))
            for (credit, amount) in pendingCredits {
                let target = credit.precedingInvoices.first { numbers.contains($0) }
                let at = credit.locations["amount"]
                creditNotes.append(
                    CreditNote(number: credit.number, date: credit.issueDate, amount: amount, invoice: target))
                let index = creditNotes.count - 1
                locations["credit_notes[\(index)]"] = credit.locations[""]
                locations["credit_notes[\(index)].amount"] = credit.locations["amount"]
                locations["credit_notes[\(index)].number"] = credit.locations["number"]
                if let target {
                    caseNotes.append(
                        ImportNote(
                            .info, "avoir \(credit.number) (\(Money.plain(amount))) imputé sur la facture \(target)",
                            at: at))
                } else {
                    let named =
                        credit.precedingInvoices.isEmpty
                        ? "ne désigne aucune facture (BT-25)"
                        : "désigne \(credit.precedingInvoices.joined(separator: ", ")), absente de l'import"
                    caseNotes.append(
                        ImportNote(
                            .warning, "avoir \(credit.number) (\(Money.plain(amount))) \(named) : déduit du solde",
                            at: at))
                }
            }
            let buyerName = group.buyer.name ?? "?"
            guard !caseInvoices.isEmpty else {
                notes.append(contentsOf: caseNotes)
                if !pendingCredits.isEmpty {
                    notes.append(
                        ImportNote(
                            .skipped, "acheteur « \(buyerName) » : seulement des avoirs, aucune facture à réclamer",
                            at: SourceLocation(file: pendingCredits[0].0.file)))
                }
                continue
            }
            // Over-credited invoices: the credit note goes unallocated rather than exceed its invoice.
            var creditedByInvoice: [String: Decimal] = [:]
            for index in creditNotes.indices {
                guard let target = creditNotes[index].invoice,
                    let invoice = caseInvoices.first(where: { $0.number == target })
                else { continue }
                let total = (creditedByInvoice[target] ?? 0) + creditNotes[index].amount
                if total > invoice.amount {
                    creditNotes[index].invoice = nil
                } else {
                    creditedByInvoice[target] = total
                }
            }
            var (creditor, sellerNotes) = group.seller.party(
                role: "créancier (vendeur)", at: group.items[0].0.seller.location)
            var (debtor, buyerNotes) = group.buyer.party(
                role: "débiteur (acheteur)", at: group.items[0].0.buyer.location)
            if creditor.iban == nil, let iban = group.sellerIBAN, Self.isIBAN(iban) {
                creditor.iban = iban.replacingOccurrences(of: " ", with: "").uppercased()
            }
            if debtor.legalForm == nil, debtor.kind == .company {
                debtor.legalForm = PartyDetails.legalForm(in: debtor.name)
            }
            caseNotes.append(contentsOf: sellerNotes + buyerNotes)
            var contract = Contract(
                reference: contractReference, paymentTerms: terms.isEmpty ? nil : terms.joined(separator: " ; "))
            let parsed = clauses.map { (PenaltyClauseParser.parse($0.0), $0) }
            let rates = Set(
                parsed.compactMap { outcome, _ -> PenaltyRateClause? in
                    if case .rate(let rate) = outcome { return rate }
                    return nil
                })
            for (outcome, clause) in parsed where outcome == .unreadable {
                caseNotes.append(
                    ImportNote(
                        .warning,
                        "clause de pénalités (PMD) non comprise : « \(clause.0) » ; le taux par défaut (BCE + 10 points, "
                            + "C. com. L441-10 II) s'appliquera : écrivez contract.penalty_rate si la clause en fixe un autre",
                        at: clause.1))
            }
            if rates.count == 1 {
                contract.penaltyRate = rates.first
            } else if rates.count > 1 {
                caseNotes.append(
                    ImportNote(
                        .warning,
                        "les factures citent des taux de pénalités différents : aucun n'est retenu, choisissez contract.penalty_rate",
                        at: nil))
            }
            let debtorKey = partyKey(group.buyer)
            var fileName = CaseFileName.make(sellers.count > 1 ? partyKey(group.seller) + "-" + debtorKey : debtorKey)
            var counter = 2
            let base = fileName.dropLast(5)
            while fileNames.contains(fileName) {
                fileName = "\(base)-\(counter).yaml"
                counter += 1
            }
            fileNames.insert(fileName)
            locations[""] = group.items[0].0.locations[""]
            locations["creditor"] = group.items[0].0.seller.location
            locations["debtor"] = group.items[0].0.buyer.location
            if let legal = group.items[0].0.buyer.legalIDLocation { locations["debtor.siren"] = legal }
            if let legal = group.items[0].0.seller.legalIDLocation { locations["creditor.siren"] = legal }
            let reference = caseInvoices.count == 1 ? caseInvoices[0].number : debtorKey
            let value = Case(
                reference: reference, creditor: creditor, debtor: debtor, contract: contract, invoices: caseInvoices,
                creditNotes: creditNotes, exhibits: exhibits)
            if value.totalInvoiced - value.totalCredited <= 0 {
                notes.append(contentsOf: caseNotes)
                notes.append(
                    ImportNote(
                        .skipped,
                        "acheteur « \(buyerName) » : les avoirs (\(Money.plain(value.totalCredited))) couvrent les factures "
                            + "(\(Money.plain(value.totalInvoiced))), rien à réclamer",
                        at: group.items[0].0.locations[""]))
                continue
            }
            result.append(
                ImportedCase(
                    value: value, debtorKey: debtorKey, fileName: fileName, locations: locations,
                    notes: caseNotes, attachments: attachments, sources: group.items.map(\.1.name)))
        }
        return result
    }

    static func exhibitFor(
        _ invoice: EInvoice, _ input: Input, exhibits: inout [Exhibit], attachments: inout [ImportAttachment],
        messages: MessageCatalogue
    ) {
        let base = URL(fileURLWithPath: input.name).lastPathComponent
        let path = "pieces/" + base
        guard !attachments.contains(where: { $0.path == path }) else { return }
        let format = invoice.pdfAttachment != nil ? "Factur-X" : invoice.syntax
        let date = french(invoice.issueDate)
        let title =
            invoice.isCreditNote || invoice.amountDue < 0
            ? ImportReason.creditNoteExhibit(number: invoice.number, date: date, format: format)
            : .invoiceExhibit(number: invoice.number, date: date, format: format)
        exhibits.append(Exhibit(title: messages.text(title), file: path))
        attachments.append(ImportAttachment(path: path, data: input.data))
    }

    static func french(_ day: Day) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(day.day))/\(two(day.month))/\(day.year)"
    }

    static func isIBAN(_ text: String) -> Bool {
        let compact = text.replacingOccurrences(of: " ", with: "").uppercased()
        guard (15...34).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return false }
        let rearranged = compact.dropFirst(4) + compact.prefix(4)
        var remainder = 0
        for c in rearranged {
            let value = c.isNumber ? Int(String(c))! : Int(c.asciiValue! - UInt8(ascii: "A")) + 10
            remainder = (value >= 10 ? remainder * 100 + value : remainder * 10 + value) % 97
        }
        return remainder == 1
    }
}
