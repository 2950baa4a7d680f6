import RecouvreLaw
import RecouvreModel
import RecouvreRoute

/// What the documents are built from: the case, its statement and its route (design.md stage 4).
public struct DossierInput: Sendable {
    public var `case`: Case
    public var statement: Statement
    public var route: Route
    /// The amicable attempts (reminders, promises, plans), one French line each, from
    /// RecouvreAmicable's `AmicableChronology.lines`; the mise en demeure recalls them. Empty: none shown.
    public var amicableSteps: [String]
    public init(case: Case, statement: Statement, route: Route, amicableSteps: [String] = []) {
        self.case = `case`
        self.statement = statement
        self.route = route
        self.amicableSteps = amicableSteps
    }
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

    public init(number: Int, title: String, source: String?, bundlePath: String?) {
        self.number = number
        self.title = title
        self.source = source
        self.bundlePath = bundlePath
    }

    /// `pieces/NN-<file name>`: numbered so the folder lists in bordereau order and two exhibits with
    /// the same file name cannot collide.
    public static func bundlePath(number: Int, source: String) -> String {
        let name = source.split(separator: "/").last.map(String.init) ?? source
        return "pieces/\(number < 10 ? "0" : "")\(number)-\(name)"
    }
}

/// The documents of a dossier, rendered, in filing order.
public struct Dossier: Sendable {
    public var documents: [RenderedDocument]
    /// Every pièce listed on the bordereau.
    public var exhibits: [DossierExhibit]
    /// The file name of the mise en demeure, when the dossier has one.
    public var formalNotice: String?

    public init(documents: [RenderedDocument], exhibits: [DossierExhibit], formalNotice: String?) {
        self.documents = documents
        self.exhibits = exhibits
        self.formalNotice = formalNotice
    }
}
