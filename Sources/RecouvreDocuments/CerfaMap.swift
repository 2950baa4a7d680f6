import Foundation
import RecouvreForms
import Yams

/// The box-by-box layout of a CERFA requête, read from `forms/cerfa/<number>.yaml` (`12946-02.yaml`
/// for `12946*02`): which box receives which of the dossier's fields. A firm updates it when the
/// form changes version, without a compiler.
public struct CerfaMap: Sendable, Hashable, Decodable {
    public var number: String
    public var version: String
    public var title: String
    /// Who the requête is addressed to, as the form says.
    public var addressee: String
    public var source: String
    public var boxes: [Box]

    public struct Box: Sendable, Hashable, Decodable {
        public var id: String
        public var label: String
        public var fields: [CerfaField]
    }

    /// `cerfa/12946-02.yaml`.
    public static func path(for number: String) -> String {
        "cerfa/\(number.replacingOccurrences(of: "*", with: "-")).yaml"
    }

    public static func load(number: String, forms: Forms) throws -> CerfaMap {
        let path = path(for: number)
        let text: String
        do { text = try forms.text(path) } catch {
            throw DocumentError(file: path, message: "no box map for CERFA \(number) (\(error))")
        }
        let map: CerfaMap
        do { map = try YAMLDecoder().decode(CerfaMap.self, from: text) } catch {
            throw DocumentError(
                file: path,
                message: "cannot be read as a CERFA map (\(error)); "
                    + "each box needs id, label and fields from: "
                    + CerfaField.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard map.number == number else {
            throw DocumentError(file: path, message: "describes CERFA \(map.number), expected \(number)")
        }
        return map
    }
}

/// What the dossier can write in a box of a CERFA requête (CPC 1407 lists what the requête must say).
public enum CerfaField: String, Sendable, Hashable, Decodable, CaseIterable {
    case court = "court"
    case creditor = "creditor"
    case creditorAgent = "creditor.agent"
    case debtor = "debtor"
    case amountPrincipal = "amount.principal"
    case amountInterest = "amount.interest"
    case amountFees = "amount.fees"
    case amountTotal = "amount.total"
    case claimBasis = "claim.basis"
    case claimInvoices = "claim.invoices"
    case exhibits = "exhibits"
    case oppositionReferral = "opposition.referral"
    case signature = "signature"
}
