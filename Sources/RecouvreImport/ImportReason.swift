import RecouvreModel

/// The words an importer writes into the cases it makes and that the documents print (an exhibit's
/// title on the bordereau and in the requête), worded in `forms/messages/import.yaml` by the book's
/// catalogue. The importers' notes and errors are the tool's own voice and stay in Swift.
public enum ImportReason: CatalogueReason, Hashable {
    public static let section = "import"

    /// `Facture F124212 du 01/11/2026 (facture électronique UBL)`: the e-invoice itself as an exhibit.
    case invoiceExhibit(number: String, date: String, format: String)
    case creditNoteExhibit(number: String, date: String, format: String)
    /// The CDAR 205 message that records the debtor's acceptance, as an exhibit.
    case approvedStatusExhibit(number: String, date: String)
}
