import Foundation
import RecouvreModel
import RecouvreXML

/// A lifecycle status of an invoice, from a CDAR message (UN/CEFACT Cross Domain Acknowledgement and
/// Response D22B, the French "cycle de vie" profile `urn.cpro.gouv.fr:1p0:CDV:invoice`, flux 6): the
/// invoice it concerns (MDT-87), the status code and label (MDT-105, MDT-106), its date (MDT-78), the
/// amount collected (MDT-215, for 211/212) and the reason (MDT-113/114, for a dispute).
public struct CDARStatus: Sendable, Hashable {
    public var file: String
    /// MDT-87: the invoice number (BT-1).
    public var invoice: String
    /// MDT-91: the invoice's type code (BT-3).
    public var invoiceType: String?
    /// MDT-105: `212` Encaissée, `205` Approuvée, `207` En litige, `210` Refusée, `225`/`226` Affacturée…
    public var code: String
    /// MDT-106, as written (`En_litige`): for messages only; decisions are taken on the code.
    public var label: String?
    /// MDT-78 (the status's deposit date), else MDT-8 (the message's).
    public var date: Day
    /// MDT-215 with MDT-207 `MEN` (encaissé) or `MPA` (paiement transmis).
    public var amount: Decimal?
    public var reasonCode: String?
    public var reason: String?
    /// The issuer (seller) and recipient (buyer) SIREN, when given (MDT-38, MDT-57).
    public var issuerID: String?
    public var location: SourceLocation

    static let namespace = "urn:un:unece:uncefact:data:standard:CrossDomainAcknowledgementAndResponse:100"

    /// The labels of the codes recouvre acts on (XP Z12-012; `cdar/status-codes.csv` of the samples).
    public static let labels: [String: String] = [
        "200": "Déposée", "202": "Reçue", "203": "Mise à disposition", "204": "Prise en charge", "205": "Approuvée",
        "206": "Approuvée partiellement", "207": "En litige", "208": "Suspendue", "210": "Refusée",
        "211": "Paiement transmis", "212": "Encaissée", "213": "Rejetée", "220": "Annulée", "225": "Affacturée",
        "226": "Affacturée confidentiel", "228": "Non affacturée",
    ]

    /// Reads every status of a CDAR message (a MULTI message carries several invoices).
    public static func read(_ data: Data, name: String) throws(ImportError) -> [CDARStatus] {
        let root: XMLElementNode
        do {
            root = try SafeXMLParser.parse(data, name: name)
        } catch {
            throw EInvoiceImporter.xmlRefusal(error, file: name)
        }
        guard root.name == "CrossDomainAcknowledgementAndResponse" else {
            throw ImportError(
                "n'est pas un message de statut CDAR (élément racine \(root.name))",
                at: SourceLocation(file: name, line: root.line, context: "/" + root.name),
                remedy:
                    "donnez les messages « cycle de vie » reçus de la plateforme (CrossDomainAcknowledgementAndResponse)"
            )
        }
        let cursor = XMLCursor(root: root, file: name)
        let messageDate = XMLCursor.day(
            cursor.text("ExchangedDocument", "IssueDateTime", "DateTimeString").map { String($0.prefix(8)) })
        var result: [CDARStatus] = []
        for acknowledgement in cursor.children("AcknowledgementDocument") {
            let statusDate =
                XMLCursor.day(acknowledgement.text("IssueDateTime", "DateTimeString").map { String($0.prefix(8)) })
                ?? messageDate
            for reference in acknowledgement.children("ReferenceReferencedDocument") {
                guard let invoice = reference.text("IssuerAssignedID") else {
                    throw ImportError("statut sans numéro de facture (MDT-87 IssuerAssignedID)", at: reference.location)
                }
                guard let code = reference.text("ProcessConditionCode") else {
                    throw ImportError(
                        "statut de la facture \(invoice) sans code (MDT-105 ProcessConditionCode)",
                        at: reference.location)
                }
                guard let date = statusDate else {
                    throw ImportError(
                        "statut de la facture \(invoice) sans date (MDT-78)", at: acknowledgement.location)
                }
                var amount: Decimal?
                var reasonCode: String?
                var reason: String?
                for status in reference.children("SpecifiedDocumentStatus") {
                    if reasonCode == nil { reasonCode = status.text("ReasonCode") }
                    if reason == nil {
                        reason = status.text("Reason").map {
                            $0.trimmingCharacters(in: .whitespacesAndNewlines.union(["\u{00A0}"]))
                        }
                    }
                    for characteristic in status.children("SpecifiedDocumentCharacteristic") {
                        let type = characteristic.text("TypeCode")
                        if amount == nil, type == "MEN" || type == "MPA" {
                            amount = XMLCursor.decimal(characteristic.text("ValueAmount"))
                        }
                    }
                }
                result.append(
                    CDARStatus(
                        file: name, invoice: invoice, invoiceType: reference.text("TypeCode"), code: code,
                        label: reference.text("ProcessCondition"), date: date, amount: amount, reasonCode: reasonCode,
                        reason: reason, issuerID: reference.text("IssuerTradeParty", "GlobalID"),
                        location: reference.location))
            }
        }
        if result.isEmpty {
            throw ImportError(
                "le message ne porte aucun statut de facture (ReferenceReferencedDocument)", at: cursor.location)
        }
        return result
    }

    /// `212 Encaissée`.
    public var shown: String { "\(code) \(Self.labels[code] ?? label?.replacingOccurrences(of: "_", with: " ") ?? "")" }
}
