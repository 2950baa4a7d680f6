import RecouvreLaw
import RecouvreModel
import RecouvreRoute

/// What the documents are built from: the case, its statement and its route (design.md stage 4).
public struct DossierInput: Sendable {
    public var `case`: Case
    public var statement: Statement
    public var route: Route
    /// The stage, procedure and mandataire the user chose.
    public var options: DossierOptions
    /// amicable (issue 16): the steps recorded before the court (reminders, promises, plans, formal
    /// notices), in date order, from RecouvreAmicable's `AmicableChronology.steps`; the mise en demeure
    /// recalls the earlier reminders, the requête, the bordereau, the PSPC request and the European
    /// form list them all.
    public var amicableSteps: [AmicableStep]

    public init(
        case: Case, statement: Statement, route: Route, amicableSteps: [AmicableStep] = [],
        options: DossierOptions = DossierOptions()
    ) {
        self.case = `case`
        self.statement = statement
        self.route = route
        self.amicableSteps = amicableSteps
        self.options = options
    }

    /// The stage built: the one asked, else the default for the case.
    public var stage: DossierStage { options.stage ?? DossierStage.default(for: `case`) }
}

/// A pièce of the dossier: the case's exhibits first, in their order, then the documents that are
/// themselves evidence (the notice, the statement).
public struct DossierExhibit: Sendable, Hashable {
    public var number: Int
    public var title: String
    /// The path given in the case file, relative to it (`pieces/devis.pdf`), for a case exhibit with a file.
    public var source: String?
    /// Where the copy or the document sits in the bundle (`pieces/01-devis.pdf`, `01-mise-en-demeure.txt`).
    public var bundlePath: String?
    /// Listed, its file still to produce: "à produire" on the bordereau.
    public var toProduce: Bool
    /// Where the case names the file (`exhibits[2].file`, `events[4].letter`), for error messages.
    public var key: String?

    public init(
        number: Int, title: String, source: String?, bundlePath: String?, toProduce: Bool = false,
        key: String? = nil
    ) {
        self.number = number
        self.title = title
        self.source = source
        self.bundlePath = bundlePath
        self.toProduce = toProduce
        self.key = key
    }

    /// `pieces/NN-<file name>`: numbered so the folder lists in bordereau order and two exhibits with
    /// the same file name cannot collide.
    public static func bundlePath(number: Int, source: String) -> String {
        let name = fileNameByBytes(source) ?? fileNameByCharacters(source)
        return "pieces/\(number < 10 ? "0" : "")\(number)-\(name)"
    }

    /// The last non-empty part of `source` between `/`s, or `source` when it has none.
    static func fileNameByCharacters(_ source: String) -> String {
        source.split(separator: "/").last.map(String.init) ?? source
    }

    /// Fast path (render engineer, issue 14): `fileNameByCharacters` of an ASCII path, because there
    /// every byte is a `Character` of its own (only CR LF joins two, neither a `/`), so the parts
    /// between `/` bytes are the parts between `/` Characters. Nil for any other path.
    static func fileNameByBytes(_ source: String) -> String? {
        let utf8 = source.utf8
        // The byte range of the last part (empty when there is none), or nil for a path that is not ASCII.
        let found = utf8.withContiguousStorageIfAvailable { buffer -> Range<Int>? in
            for byte in buffer where byte >= 0x80 { return nil }
            var end = buffer.count
            while end > 0, buffer[end - 1] == UInt8(ascii: "/") { end -= 1 }
            var start = end
            while start > 0, buffer[start - 1] != UInt8(ascii: "/") { start -= 1 }
            return start..<end
        }
        guard let found, let range = found else { return nil }
        if range.isEmpty || (range.lowerBound == 0 && range.upperBound == utf8.count) { return source }
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return String(source[start..<utf8.index(start, offsetBy: range.count)])
    }
}

/// The documents of a dossier, rendered, in filing order.
public struct Dossier: Sendable {
    public var documents: [RenderedDocument]
    /// Every pièce listed on the bordereau.
    public var exhibits: [DossierExhibit]
    /// The file name of the mise en demeure, when the dossier has one.
    public var formalNotice: String?
    /// What the user must know before filing or sending (terminal and notes.txt, never an exhibit).
    public var warnings: [String]

    public init(
        documents: [RenderedDocument], exhibits: [DossierExhibit], formalNotice: String?, warnings: [String] = []
    ) {
        self.documents = documents
        self.exhibits = exhibits
        self.formalNotice = formalNotice
        self.warnings = warnings
    }
}
