import RecouvreModel

/// Why a case cannot be routed: the user's terms, the field to fix and how (exit status 1).
public enum RouteError: RecouvreError, Equatable {
    /// The INSEE code is not in the directory.
    case unknownINSEE(field: String, insee: String)
    /// No commune has this postcode and city.
    case unknownCommune(field: String, postcode: String?, city: String)
    /// The postcode's commune does not have the city's name.
    case cityMismatch(field: String, postcode: String, city: String, commune: String, insee: String)
    /// Several communes match: the user must choose (candidates: "name (INSEE)").
    case ambiguous(field: String, postcode: String?, city: String, candidates: [String])
    /// A postcode that is not 5 digits.
    case badPostcode(field: String, postcode: String)
    /// Saint-Pierre-et-Miquelon, the Pacific collectivities: their own courts and procedure.
    case unsupportedTerritory(field: String, code: String)
    /// A commune missing from the 2021 commercial-court data (created or re-created since).
    case noCommercialCourt(field: String, commune: String, insee: String, candidates: [String], dataDate: String)
    /// Routing for a French debtor needs a French address.
    case missingAddress(field: String)

    public var exitCode: Int32 { 1 }

    public var description: String {
        switch self {
        case .unknownINSEE(let field, let insee):
            return "\(field).insee: \"\(insee)\" is not an INSEE commune code of the court directory "
                + "(expected 5 characters such as 69383 or 2A004; check it on the INSEE's Code officiel géographique)"
        case .unknownCommune(let field, let postcode, let city):
            let place = [postcode, city].compactMap { $0 }.joined(separator: " ")
            return "\(field): no commune \"\(place)\" in the court directory; check the postcode and the city, "
                + "or give the INSEE code in \(field).insee"
        case .cityMismatch(let field, let postcode, let city, let commune, let insee):
            return "\(field): postcode \(postcode) belongs to \(commune) (INSEE \(insee)), not to \"\(city)\"; "
                + "correct the city or the postcode, or give the INSEE code in \(field).insee"
        case .ambiguous(let field, let postcode, let city, let candidates):
            let place = [postcode, city.isEmpty ? nil : "\"\(city)\""].compactMap { $0 }.joined(separator: " ")
            return "\(field): \(place) matches several communes: \(candidates.joined(separator: ", ")); "
                + "write the commune's exact name in \(field).city or its INSEE code in \(field).insee"
        case .badPostcode(let field, let postcode):
            return "\(field).postcode: \"\(postcode)\" is not a French postcode (expected 5 digits, for example 69003)"
        case .unsupportedTerritory(let field, let code):
            return "\(field): \(code) is in Saint-Pierre-et-Miquelon or a Pacific collectivity, whose courts and "
                + "procedure (tribunal de première instance, local law) this tool does not cover; consult a local lawyer"
        case .noCommercialCourt(let field, let commune, let insee, let candidates, let dataDate):
            return "\(field): \(commune) (INSEE \(insee)) has no commercial court in the \(dataDate) Infogreffe data "
                + "(commune created or re-created since); the commercial courts of its tribunal judiciaire are "
                + "\(candidates.joined(separator: ", ")): check on infogreffe.fr which one serves it before filing; "
                + "recouvre will not guess"
        case .missingAddress(let field):
            return "\(field): a postcode and a city (or an INSEE code) are needed to find the competent court"
        }
    }
}
