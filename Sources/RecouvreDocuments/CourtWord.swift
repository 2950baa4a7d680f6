import RecouvreModel

/// A court's name inside a sentence, with its article (`le tribunal…`, `du tribunal…`, `au tribunal…`,
/// `à la chambre…`), worded in `forms/messages/documents.yaml`; `CourtWords` chooses the gender from
/// the directory's name.
public enum CourtWord: CatalogueReason, Hashable {
    public static let section = "documents"

    case articleMasculine(court: String)
    case articleFeminine(court: String)
    case genitiveMasculine(court: String)
    case genitiveFeminine(court: String)
    case dativeMasculine(court: String)
    case dativeFeminine(court: String)
    /// The court of a référé-provision when the route names none.
    case administrativeCourt
}
