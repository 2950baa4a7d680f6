import Foundation

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
