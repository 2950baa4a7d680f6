import Foundation
import RecouvreModel
import RecouvreXML

/// What an e-invoice (EN 16931: UBL 2.1 or UN/CEFACT CII, Factur-X) says that a claim needs, with the
/// business-term numbers of EN 16931 and where each value was found.
public struct EInvoice: Sendable, Hashable {
    public struct Note: Sendable, Hashable {
        /// BT-21, the subject code (`PMD`, `PMT`, `AAB`, `REG`…), when given.
        public var subject: String?
        /// BT-22.
        public var content: String
    }

    public struct Party: Sendable, Hashable {
        public var name: String?
        /// BT-30 / BT-47: the legal registration identifier, and its scheme (`0002` SIREN, `0009` SIRET).
        public var legalID: String?
        public var legalIDScheme: String?
        /// Other identifiers (BT-29/BT-46, BT-34/BT-49 endpoints), by scheme: `0225` is the French routing id.
        public var identifiers: [Identifier] = []
        public var vatID: String?
        public var lines: [String] = []
        public var postcode: String?
        public var city: String?
        public var country: String?
        public var email: String?
        public var phone: String?
        public var location: SourceLocation?
        public var legalIDLocation: SourceLocation?
    }

    public struct Identifier: Sendable, Hashable {
        public var scheme: String?
        public var value: String
    }

    /// `CII` or `UBL`.
    public var syntax: String
    public var file: String
    /// BT-24, the specification identifier (`urn:cen.eu:en16931:2017`, `urn:factur-x.eu:1p0:minimum`…).
    public var profile: String?
    /// BT-23, the business process: in France the billing frame (`B1`, `S1`, `M1`; `B2`/`S2`/`M2` already paid).
    public var businessProcess: String?
    /// BT-1.
    public var number: String
    /// BT-3: 380 invoice, 381 credit note, 384 corrective, 386 prepayment, 389 self-billed, 393 factored.
    public var typeCode: String
    /// BT-2.
    public var issueDate: Day
    /// BT-9.
    public var dueDate: Day?
    /// BT-5.
    public var currency: String
    /// BT-115, the amount due for payment.
    public var amountDue: Decimal
    /// BT-112, the total with VAT.
    public var totalWithVAT: Decimal?
    /// BT-113, paid in advance.
    public var prepaid: Decimal?
    public var seller: Party
    public var buyer: Party
    /// BT-20.
    public var paymentTerms: String?
    /// BG-1.
    public var notes: [Note]
    /// BT-25: the invoices this one refers to (the invoice a credit note cancels).
    public var precedingInvoices: [String]
    /// BT-12.
    public var contractReference: String?
    /// BT-84, the seller's account for payment.
    public var payeeIBAN: String?
    /// Where the number, dates and amounts were read (`number`, `issued`, `due`, `amount`).
    public var locations: [String: SourceLocation]
    /// For a Factur-X: the embedded file's name in the PDF.
    public var pdfAttachment: String?

    public var isCreditNote: Bool {
        ["381", "261", "262", "296", "308", "396", "420", "458", "532"].contains(typeCode)
    }

    /// The billing frame says the invoice was already paid (B2, S2, M2: XP Z12-012 cadres de facturation).
    public var alreadyPaidFrame: Bool { ["B2", "S2", "M2"].contains(businessProcess?.uppercased() ?? "") }

    public func notes(_ subject: String) -> [Note] { notes.filter { $0.subject?.uppercased() == subject } }
}

/// Reads the root element of a parsed e-invoice, CII or UBL.
enum EInvoiceReader {
    static let ciiNamespace = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
    static let ublInvoiceNamespace = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    static let ublCreditNoteNamespace = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"

    enum Syntax: String {
        case cii = "CII"
        case ubl = "UBL"
    }

    /// A note's text with its runs of blanks and line breaks (the XML's indentation) as one space.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func syntax(of root: XMLElementNode) -> Syntax? {
        if root.name == "CrossIndustryInvoice" { return .cii }
        if root.name == "Invoice" || root.name == "CreditNote",
            root.namespace == ublInvoiceNamespace || root.namespace == ublCreditNoteNamespace
        {
            return .ubl
        }
        return nil
    }

    static func read(_ root: XMLElementNode, file: String) throws(ImportError) -> EInvoice {
        let cursor = XMLCursor(root: root, file: file)
        switch syntax(of: root) {
        case .cii: return try cii(cursor)
        case .ubl: return try ubl(cursor)
        case nil:
            throw ImportError(
                "ni une facture UBL (Invoice, CreditNote) ni une facture CII (CrossIndustryInvoice) : l'élément racine est \(root.name)",
                at: SourceLocation(file: file, line: root.line, context: "/" + root.name),
                remedy: "donnez le XML de la facture, ou le PDF Factur-X qui le contient")
        }
    }

    static func required(
        _ value: XMLCursor?, _ what: String, in parent: XMLCursor, _ path: String, leaf: Bool = true
    ) throws(ImportError) -> XMLCursor {
        guard let value, !leaf || value.text != nil else {
            throw ImportError(
                "\(what) absent (\(path))", at: parent.location,
                remedy: "une facture EN 16931 porte toujours cet élément")
        }
        return value
    }

    // MARK: CII (Factur-X, ZUGFeRD, XRechnung CII)

    static func cii(_ root: XMLCursor) throws(ImportError) -> EInvoice {
        let context = root.child("ExchangedDocumentContext")
        guard let document = root.child("ExchangedDocument") else {
            throw ImportError(
                "ExchangedDocument absent", at: root.location,
                remedy: "une facture CII porte BT-1, BT-2 et BT-3 dans ExchangedDocument")
        }
        let number = try required(
            document.child("ID"), "numéro de facture (BT-1)", in: document, "ExchangedDocument/ID")
        let type = document.child("TypeCode")
        let issued = try required(
            document.child("IssueDateTime", "DateTimeString"), "date d'émission (BT-2)", in: document, "IssueDateTime")
        guard let issueDate = XMLCursor.day(issued.text) else {
            throw ImportError(
                "date d'émission « \(issued.text ?? "") » illisible", at: issued.location,
                remedy: "attendu AAAAMMJJ (format 102)")
        }
        guard let transaction = root.child("SupplyChainTradeTransaction"),
            let agreement = transaction.child("ApplicableHeaderTradeAgreement"),
            let settlement = transaction.child("ApplicableHeaderTradeSettlement")
        else {
            throw ImportError(
                "SupplyChainTradeTransaction incomplet (accord ou règlement absent)", at: root.location)
        }
        let summation = try required(
            settlement.child("SpecifiedTradeSettlementHeaderMonetarySummation"), "totaux", in: settlement,
            "SpecifiedTradeSettlementHeaderMonetarySummation", leaf: false)
        let due = try required(
            summation.child("DuePayableAmount"), "montant à payer (BT-115)", in: summation, "DuePayableAmount")
        guard let amountDue = XMLCursor.decimal(due.text) else {
            throw ImportError("montant à payer « \(due.text ?? "") » illisible", at: due.location)
        }
        var locations: [String: SourceLocation] = [
            "number": number.location, "issued": issued.location, "amount": due.location, "": root.location,
        ]
        var dueDate: Day?
        var terms: [String] = []
        for term in settlement.children("SpecifiedTradePaymentTerms") {
            if dueDate == nil, let dueText = term.child("DueDateDateTime", "DateTimeString") {
                dueDate = XMLCursor.day(dueText.text)
                locations["due"] = dueText.location
            }
            if let description = term.text("Description") { terms.append(description) }
        }
        var notes: [EInvoice.Note] = []
        for note in document.children("IncludedNote") {
            guard let content = note.text("Content") else { continue }
            notes.append(EInvoice.Note(subject: note.text("SubjectCode"), content: collapsed(content)))
            locations["note.\(notes.count - 1)"] = note.location
        }
        let preceding = settlement.children("InvoiceReferencedDocument").compactMap { $0.text("IssuerAssignedID") }
        let iban = settlement.children("SpecifiedTradeSettlementPaymentMeans").lazy.compactMap {
            $0.text("PayeePartyCreditorFinancialAccount", "IBANID")
        }.first
        return EInvoice(
            syntax: "CII", file: root.file,
            profile: context?.text("GuidelineSpecifiedDocumentContextParameter", "ID"),
            businessProcess: context?.text("BusinessProcessSpecifiedDocumentContextParameter", "ID"),
            number: number.text!, typeCode: type?.text ?? "380", issueDate: issueDate, dueDate: dueDate,
            currency: settlement.text("InvoiceCurrencyCode") ?? "EUR", amountDue: amountDue,
            totalWithVAT: XMLCursor.decimal(summation.text("GrandTotalAmount")),
            prepaid: XMLCursor.decimal(summation.text("TotalPrepaidAmount")),
            seller: ciiParty(agreement.child("SellerTradeParty")), buyer: ciiParty(agreement.child("BuyerTradeParty")),
            paymentTerms: terms.isEmpty ? nil : terms.joined(separator: " "), notes: notes,
            precedingInvoices: preceding,
            contractReference: agreement.text("ContractReferencedDocument", "IssuerAssignedID"), payeeIBAN: iban,
            locations: locations, pdfAttachment: nil)
    }

    static func ciiParty(_ party: XMLCursor?) -> EInvoice.Party {
        var result = EInvoice.Party()
        guard let party else { return result }
        result.location = party.location
        result.name = party.text("Name")
        if let legal = party.child("SpecifiedLegalOrganization", "ID") {
            result.legalID = legal.text
            result.legalIDScheme = legal.attribute("schemeID")
            result.legalIDLocation = legal.location
        }
        for id in party.children("ID") + party.children("GlobalID") {
            if let value = id.text { result.identifiers.append(.init(scheme: id.attribute("schemeID"), value: value)) }
        }
        for uri in party.children("URIUniversalCommunication") {
            guard let id = uri.child("URIID"), let value = id.text else { continue }
            if id.attribute("schemeID") == "EM" {
                result.email = value
            } else {
                result.identifiers.append(.init(scheme: id.attribute("schemeID"), value: value))
            }
        }
        for tax in party.children("SpecifiedTaxRegistration") where tax.child("ID")?.attribute("schemeID") == "VA" {
            result.vatID = tax.text("ID")
        }
        if let address = party.child("PostalTradeAddress") {
            result.lines = ["LineOne", "LineTwo", "LineThree"].compactMap { address.text($0) }
            result.postcode = address.text("PostcodeCode")
            result.city = address.text("CityName")
            result.country = address.text("CountryID")
        }
        if let contact = party.child("DefinedTradeContact") {
            if result.email == nil { result.email = contact.text("EmailURIUniversalCommunication", "URIID") }
            result.phone = contact.text("TelephoneUniversalCommunication", "CompleteNumber")
        }
        return result
    }

    // MARK: UBL 2.1 (Invoice, CreditNote)

    static func ubl(_ root: XMLCursor) throws(ImportError) -> EInvoice {
        let creditNote = root.node.name == "CreditNote"
        let number = try required(root.child("ID"), "numéro de facture (BT-1)", in: root, "cbc:ID")
        let issued = try required(root.child("IssueDate"), "date d'émission (BT-2)", in: root, "cbc:IssueDate")
        guard let issueDate = XMLCursor.day(issued.text) else {
            throw ImportError(
                "date d'émission « \(issued.text ?? "") » illisible", at: issued.location, remedy: "attendu AAAA-MM-JJ")
        }
        let totals = try required(
            root.child("LegalMonetaryTotal"), "totaux (LegalMonetaryTotal)", in: root, "cac:LegalMonetaryTotal",
            leaf: false)
        let payable = try required(
            totals.child("PayableAmount"), "montant à payer (BT-115)", in: totals, "cbc:PayableAmount")
        guard let amountDue = XMLCursor.decimal(payable.text) else {
            throw ImportError("montant à payer « \(payable.text ?? "") » illisible", at: payable.location)
        }
        var locations: [String: SourceLocation] = [
            "number": number.location, "issued": issued.location, "amount": payable.location, "": root.location,
        ]
        var dueDate: Day?
        if let due = root.child("DueDate") {
            dueDate = XMLCursor.day(due.text)
            locations["due"] = due.location
        } else {
            for means in root.children("PaymentMeans") {
                if let due = means.child("PaymentDueDate") {
                    dueDate = XMLCursor.day(due.text)
                    locations["due"] = due.location
                    break
                }
            }
        }
        var notes: [EInvoice.Note] = []
        for note in root.children("Note") {
            guard let text = note.text else { continue }
            // EN 16931 in UBL: the subject code as a prefix, `#PMD#text`.
            var subject: String?
            var content = text
            if text.hasPrefix("#") {
                let parts = text.dropFirst().split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                if parts.count == 2, (1...4).contains(parts[0].count), parts[0].allSatisfy({ $0.isLetter }) {
                    subject = String(parts[0])
                    content = String(parts[1]).trimmedSpaces
                }
            }
            notes.append(EInvoice.Note(subject: subject, content: collapsed(content)))
            locations["note.\(notes.count - 1)"] = note.location
        }
        let terms = root.children("PaymentTerms").compactMap { $0.text("Note") }
        let preceding = root.children("BillingReference").compactMap { $0.text("InvoiceDocumentReference", "ID") }
        let iban = root.children("PaymentMeans").lazy.compactMap { $0.text("PayeeFinancialAccount", "ID") }.first
        let type = root.text(creditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode") ?? (creditNote ? "381" : "380")
        return EInvoice(
            syntax: "UBL", file: root.file, profile: root.text("CustomizationID"),
            businessProcess: root.text("ProfileID"),
            number: number.text!, typeCode: type, issueDate: issueDate, dueDate: dueDate,
            currency: root.text("DocumentCurrencyCode") ?? "EUR", amountDue: amountDue,
            totalWithVAT: XMLCursor.decimal(totals.text("TaxInclusiveAmount")),
            prepaid: XMLCursor.decimal(totals.text("PrepaidAmount")),
            seller: ublParty(root.child("AccountingSupplierParty", "Party")),
            buyer: ublParty(root.child("AccountingCustomerParty", "Party")),
            paymentTerms: terms.isEmpty ? nil : terms.joined(separator: " "), notes: notes,
            precedingInvoices: preceding,
            contractReference: root.text("ContractDocumentReference", "ID"), payeeIBAN: iban, locations: locations,
            pdfAttachment: nil)
    }

    static func ublParty(_ party: XMLCursor?) -> EInvoice.Party {
        var result = EInvoice.Party()
        guard let party else { return result }
        result.location = party.location
        result.name = party.text("PartyLegalEntity", "RegistrationName") ?? party.text("PartyName", "Name")
        if let legal = party.child("PartyLegalEntity", "CompanyID") {
            result.legalID = legal.text
            result.legalIDScheme = legal.attribute("schemeID")
            result.legalIDLocation = legal.location
        }
        if let endpoint = party.child("EndpointID"), let value = endpoint.text {
            result.identifiers.append(.init(scheme: endpoint.attribute("schemeID"), value: value))
        }
        for identification in party.children("PartyIdentification") {
            if let id = identification.child("ID"), let value = id.text {
                result.identifiers.append(.init(scheme: id.attribute("schemeID"), value: value))
            }
        }
        for tax in party.children("PartyTaxScheme") where tax.text("TaxScheme", "ID") == "VAT" {
            result.vatID = tax.text("CompanyID")
        }
        if let address = party.child("PostalAddress") {
            result.lines =
                [address.text("StreetName"), address.text("AdditionalStreetName")].compactMap { $0 }
                + address.children("AddressLine").compactMap { $0.text("Line") }
            result.postcode = address.text("PostalZone")
            result.city = address.text("CityName")
            result.country = address.text("Country", "IdentificationCode")
        }
        if let contact = party.child("Contact") {
            result.email = contact.text("ElectronicMail")
            result.phone = contact.text("Telephone")
        }
        return result
    }
}
