import RecouvreModel

/// Countries by ISO 3166-1 alpha-2 code (lower case), named in French in `forms/messages/countries.yaml`
/// (the EU states a European order can reach, and the neighbours the fixtures meet). A code the file
/// does not name is printed as the code itself.
public enum CountryName: CatalogueReason, Hashable {
    public static let section = "countries"

    case at, be, bg, cy, cz, de, dk, ee, es, fi
    case fr, gr, hr, hu, ie, it, lt, lu, lv, mt
    case nl, pl, pt, ro, se, si, sk, ch, gb, mc

    /// `Belgique` for `BE`.
    public static func french(_ code: String, messages: MessageCatalogue) -> String {
        messages.entries["\(section).\(code.lowercased())"] ?? code.uppercased()
    }
}
