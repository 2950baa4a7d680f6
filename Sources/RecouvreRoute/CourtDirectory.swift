import Foundation
import RecouvreModel

/// The compact court directory shipped in `forms/courts/` (built by `forms/courts/build.py` from the
/// Ministère de la Justice, DILA, INSEE and La Poste open data: see `forms/courts/SOURCES.md`).
///
/// The commune and postcode tables stay as raw bytes sorted by key: loading only finds the line
/// starts, and a lookup is a binary search, so the 35 000 communes load in a few milliseconds.
public struct CourtDirectory: Sendable {
    let communeTable: SortedTable
    let postcodeTable: SortedTable
    /// Every court, by its directory id (`tj117`, `tae_lyon`, `ta12`).
    public let courts: [String: DirectoryCourt]
    /// Département (`69`, `2A`, `974`) → id of its tribunal administratif (CJA R221-3).
    public let administrativeCourts: [String: String]
    /// Sources and dates (`meta.tsv`).
    public let meta: [String: String]

    /// The files of `forms/courts/` the directory is made of.
    public static let files = ["communes.tsv", "postcodes.tsv", "courts.tsv", "administrative.tsv", "meta.tsv"]

    /// The directory from the bytes of its files (`communes.tsv` → its bytes), as read by the law-book
    /// loader from `forms/courts/` (a `--forms` folder may override any of them).
    public static func parse(files: [String: Data]) throws -> CourtDirectory {
        func bytes(_ name: String) throws -> Data {
            guard let data = files[name] else {
                throw CourtDataError.malformed(file: "courts/\(name)", line: "(absent)")
            }
            return data
        }
        func text(_ name: String) throws -> String {
            guard let text = String(data: try bytes(name), encoding: .utf8) else {
                throw CourtDataError.malformed(file: "courts/\(name)", line: "(pas du texte UTF-8)")
            }
            return text
        }
        let courts = try parseCourts(try text("courts.tsv"))
        var administrative: [String: String] = [:]
        for fields in try text("administrative.tsv").tsvRows(file: "courts/administrative.tsv", columns: 2) {
            administrative[fields[0]] = fields[1]
        }
        var meta: [String: String] = [:]
        for fields in try text("meta.tsv").tsvRows(file: "courts/meta.tsv", columns: 2) {
            meta[fields[0]] = fields[1]
        }
        return CourtDirectory(
            communeTable: SortedTable(bytes: [UInt8](try bytes("communes.tsv"))),
            postcodeTable: SortedTable(bytes: [UInt8](try bytes("postcodes.tsv"))),
            courts: courts, administrativeCourts: administrative, meta: meta)
    }

    static func parseCourts(_ text: String) throws -> [String: DirectoryCourt] {
        var courts: [String: DirectoryCourt] = [:]
        for fields in try text.tsvRows(file: "courts/courts.tsv", columns: 12) {
            guard let kind = DirectoryCourt.Kind(rawValue: fields[1]),
                let status = DirectoryCourt.AddressStatus(rawValue: fields[6])
            else { throw CourtDataError.malformed(file: "courts/courts.tsv", line: fields.joined(separator: "\t")) }
            func optional(_ s: String) -> String? { s.isEmpty ? nil : s }
            courts[fields[0]] = DirectoryCourt(
                id: fields[0], kind: kind, name: fields[2],
                lines: fields[3].isEmpty ? [] : fields[3].components(separatedBy: " | "),
                postcode: optional(fields[4]), city: optional(fields[5]), status: status, phone: optional(fields[7]),
                email: optional(fields[8]), greffeCode: optional(fields[9]), successor: optional(fields[10]),
                note: optional(fields[11]))
        }
        return courts
    }

    /// The commune with this INSEE code (`69383`, `2A004`), if the directory has it.
    public func commune(insee: String) -> DirectoryCommune? {
        communeTable.line(forKey: insee).flatMap(DirectoryCommune.init(line:))
    }

    /// The communes served by this postcode, in INSEE order.
    public func communes(postcode: String) -> [DirectoryCommune] {
        guard let line = postcodeTable.line(forKey: postcode) else { return [] }
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 2 else { return [] }
        return fields[1].split(separator: " ").compactMap { commune(insee: String($0)) }
    }

    /// Every commune whose name has this key (`CommuneName.key`), optionally within a département
    /// (`69`, `20` for Corsica, `974`). A linear scan, used only when the postcode does not decide.
    public func communes(nameKey: String, department: String?) -> [DirectoryCommune] {
        var found: [DirectoryCommune] = []
        communeTable.forEachLine { line in
            if let department, !DirectoryCommune.insee(line, isIn: department) { return }
            guard let commune = DirectoryCommune(line: line) else { return }
            if commune.nameKeys.contains(nameKey) { found.append(commune) }
        }
        return found
    }

    /// Every commune and arrondissement, in INSEE order (for checks over the whole directory).
    public func allCommunes() -> [DirectoryCommune] {
        var all: [DirectoryCommune] = []
        communeTable.forEachLine { line in if let commune = DirectoryCommune(line: line) { all.append(commune) } }
        return all
    }

    /// Number of communes (and arrondissements) in the directory.
    public var communeCount: Int { communeTable.count }

    public func court(_ id: String) -> DirectoryCourt? { courts[id] }
}

/// A court as the directory knows it.
public struct DirectoryCourt: Sendable, Hashable {
    /// The directory's own kinds (a TC, a TAE and an Alsace-Moselle chamber are distinct).
    public enum Kind: String, Sendable {
        case courDAppel = "ca"
        case tribunalJudiciaire = "tj"
        case tribunalDeProximite = "tprx"
        case tribunalDeCommerce = "tc"
        case tribunalDesActivitesEconomiques = "tae"
        case chambreCommerciale = "cc"
        case tribunalMixteDeCommerce = "tmc"
        case tribunalAdministratif = "ta"
        /// Tribunal de première instance (Saint-Pierre-et-Miquelon, Pacific): not routed.
        case tribunalDePremiereInstance = "tpi"
    }

    /// How far the address can be trusted.
    public enum AddressStatus: String, Sendable {
        /// From the DILA annuaire, checked against the court's area by build.py.
        case ok
        /// Given as unverified by the source (the TAE list).
        case unverified
        /// No address in the sources.
        case missing
        /// The source's address lies outside the court's area (a data error): dropped.
        case rejected
    }

    public var id: String
    public var kind: Kind
    public var name: String
    public var lines: [String]
    public var postcode: String?
    public var city: String?
    public var status: AddressStatus
    public var phone: String?
    public var email: String?
    public var greffeCode: String?
    /// For a TC replaced by a TAE: the TAE's id.
    public var successor: String?
    public var note: String?

    /// The postal address, when the directory has a trustworthy or flagged one.
    public var address: Address? {
        guard let postcode, let city, status == .ok || status == .unverified else { return nil }
        return Address(lines: lines, postcode: postcode, city: city)
    }
}

/// One line of `communes.tsv`.
public struct DirectoryCommune: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// A commune of the current COG.
        case commune = "COM"
        /// A municipal arrondissement of Paris, Lyon or Marseille.
        case arrondissement = "ARM"
        /// A former commune (merged) that the court data still lists.
        case former = "OLD"
    }

    public var insee: String
    public var kind: Kind
    public var name: String
    public var postcodes: [String]
    public var courDAppel: String
    public var tribunalJudiciaire: String
    public var tribunalDeProximite: String?
    /// TC, TMC or chambre commerciale id; `nil` for a commune missing from the 2021 commercial data.
    public var commercialCourt: String?
    /// `ARMS` (courts taken from the arrondissements), `OLD`, `NOTC` (no commercial court in 2021).
    public var flags: Set<String>
    /// For `NOTC`: the commercial courts serving the other communes of the same TJ.
    public var commercialCandidates: [String]

    init?(line: Substring) {
        if let parsed = Self.parsedByBytes(line) {
            guard let parsed else { return nil }
            self = parsed
            return
        }
        self.init(splittingCharacters: line)
    }

    /// Fast path: the same commune as `init(splittingCharacters:)`, with the line cut at its tab bytes
    /// (a tab is a control character, always a `Character` of its own, so the byte split is the
    /// `Character` split) and the postcodes, flags and candidates cut at their space and comma bytes
    /// when those fields are ASCII (one byte, one `Character`). `nil`: declined (a non-ASCII list
    /// field), the caller takes the `Character` path; `.some(nil)`: not a commune line.
    static func parsedByBytes(_ line: Substring) -> DirectoryCommune?? {
        let utf8 = line.utf8
        var fields: [Substring] = []
        fields.reserveCapacity(10)
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == 0x09 {
                fields.append(line[start..<index])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        fields.append(line[start...])
        guard fields.count == 10, let kind = Kind(rawValue: String(fields[1])) else { return .some(nil) }
        guard let postcodes = words(fields[3], 0x20), let flags = words(fields[8], 0x2C),
            let candidates = words(fields[9], 0x20)
        else { return nil }
        return DirectoryCommune(
            insee: String(fields[0]), kind: kind, name: String(fields[2]), postcodes: postcodes,
            courDAppel: String(fields[4]), tribunalJudiciaire: String(fields[5]),
            tribunalDeProximite: fields[6].isEmpty ? nil : String(fields[6]),
            commercialCourt: fields[7].isEmpty ? nil : String(fields[7]), flags: Set(flags),
            commercialCandidates: candidates)
    }

    /// An ASCII field cut at `separator`, empty pieces dropped (as `split(separator:)`); nil when the
    /// field is not ASCII.
    private static func words(_ field: Substring, _ separator: UInt8) -> [String]? {
        let utf8 = field.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var words: [String] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == separator {
                if start != index { words.append(String(field[start..<index])) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex { words.append(String(field[start...])) }
        return words
    }

    private init(
        insee: String, kind: Kind, name: String, postcodes: [String], courDAppel: String,
        tribunalJudiciaire: String, tribunalDeProximite: String?, commercialCourt: String?, flags: Set<String>,
        commercialCandidates: [String]
    ) {
        self.insee = insee
        self.kind = kind
        self.name = name
        self.postcodes = postcodes
        self.courDAppel = courDAppel
        self.tribunalJudiciaire = tribunalJudiciaire
        self.tribunalDeProximite = tribunalDeProximite
        self.commercialCourt = commercialCourt
        self.flags = flags
        self.commercialCandidates = commercialCandidates
    }

    /// The reference parse: the line split at its `Character`s.
    init?(splittingCharacters line: Substring) {
        let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard f.count == 10, let kind = Kind(rawValue: f[1]) else { return nil }
        insee = f[0]
        self.kind = kind
        name = f[2]
        postcodes = f[3].split(separator: " ").map(String.init)
        courDAppel = f[4]
        tribunalJudiciaire = f[5]
        tribunalDeProximite = f[6].isEmpty ? nil : f[6]
        commercialCourt = f[7].isEmpty ? nil : f[7]
        flags = Set(f[8].split(separator: ",").map(String.init))
        commercialCandidates = f[9].split(separator: " ").map(String.init)
    }

    /// The département, as INSEE writes it (`69`, `2A`, `974`).
    public var department: String {
        insee.hasPrefix("97") || insee.hasPrefix("98") ? String(insee.prefix(3)) : String(insee.prefix(2))
    }

    /// Display name: "Lyon 3e Arrondissement", "Nanterre".
    public var displayName: String { name.isEmpty ? insee : name }

    /// The keys a user's city may match: the name; for an arrondissement also "paris15" and the city.
    var nameKeys: Set<String> {
        var keys: Set<String> = [CommuneName.key(name)]
        if kind == .arrondissement, let city = name.split(separator: " ").first {
            keys.insert(CommuneName.key(String(city)))
        }
        return keys
    }

    /// Whether the line's INSEE code lies in a postal département (`20` covers 2A and 2B).
    static func insee(_ line: Substring, isIn department: String) -> Bool {
        if department == "20" { return line.hasPrefix("2A") || line.hasPrefix("2B") }
        if department == "971" { return line.hasPrefix("971") || line.hasPrefix("977") || line.hasPrefix("978") }
        return line.hasPrefix(department)
    }
}

/// A problem in the shipped (or overriding) court files.
public struct CourtDataError: RecouvreError {
    public var file: String
    public var line: String
    public var exitCode: Int32 { 1 }
    public var description: String {
        "forms/\(file): malformed line \"\(line.prefix(80))\" (rebuild with forms/courts/build.py)"
    }

    static func malformed(file: String, line: String) -> CourtDataError { CourtDataError(file: file, line: line) }
}

extension String {
    /// Tab-separated rows with exactly `columns` fields (empty lines skipped).
    ///
    /// Split over the UTF-8 bytes (tab and line feed are single bytes that never occur inside a
    /// multi-byte character): a `Character` split cost ≈ 9 k instructions a line. A line ending in a
    /// carriage return (a file saved with CRLF) is malformed, as it was when `\r\n` made one
    /// `Character` and the file one line.
    func tsvRows(file: String, columns: Int) throws -> [[String]] {
        var rows: [[String]] = []
        for line in utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count == columns, line.last != UInt8(ascii: "\r") else {
                throw CourtDataError.malformed(file: file, line: String(decoding: line, as: UTF8.self))
            }
            rows.append(fields.map { String(decoding: $0, as: UTF8.self) })
        }
        return rows
    }
}
