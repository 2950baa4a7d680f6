import RecouvreModel

/// The words of a party's identity line, worded in `forms/messages/documents.yaml`.
public enum PartyWord: CatalogueReason, Hashable {
    public static let section = "documents"

    case partyPublicBody
    case partySoleTrader
    case partySiren(siren: String)
    case partyRCS(rcs: String)
}
