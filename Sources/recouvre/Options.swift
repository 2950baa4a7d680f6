import ArgumentParser
import Foundation
import RecouvreArchive
import RecouvreBundle
import RecouvreForms
import RecouvreModel

/// `--as-of DATE`, shared by the commands that compute as of a date.
struct AsOfOption: ParsableArguments {
    @Option(name: .long, help: "Date du calcul (AAAA-MM-JJ) ; par défaut : le as_of du cas, sinon aujourd'hui.")
    var asOf: String?

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError("--as-of \(asOf) n'est pas une date (attendu AAAA-MM-JJ, par exemple 2026-11-23)")
        }
    }

    var day: Day? { asOf.flatMap(Day.init(iso:)) }
}

/// `--forms DIR`, a folder overriding the shipped forms/ file by file.
struct FormsOption: ParsableArguments {
    @Option(
        name: .long, help: "Un dossier qui remplace, fichier par fichier, les forms/ livrés (modèles, tables de taux).")
    var forms: String?

    /// The law book: the shipped `forms/` with this override, read and checked once.
    func book() throws -> LawBook {
        try LawBook.load(forms: Forms.locate(override: forms))
    }

    /// The pipeline every command calls, on that book.
    func pipeline() throws -> DossierPipeline {
        DossierPipeline(book: try book(), tool: "recouvre \(Recouvre.version)")
    }
}

/// Today in the user's calendar: the one place the command line reads the clock, turned at once into
/// a calendar day in the user's time zone, then passed to the library as a value.
enum Today {
    static func day() -> Day {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
    }
}

/// `--format text|json`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--archive DB`: take the formal notice and its receipt date from the archive of formal notices when
/// the case file has none (civil interest runs from the receipt, C. civ. 1231-6, 1344-1).
struct ArchiveOption: ParsableArguments {
    @Option(
        name: .long,
        help: """
            Une archive (recouvre archive) où prendre la mise en demeure et sa date de réception quand le fichier \
            de cas n'en donne pas.
            """)
    var archive: String?

    /// The case completed from the archive when one is named; what was taken is printed as a warning.
    func completing(_ claim: Case) throws -> Case {
        guard let archive else { return claim }
        return try Self.complete(claim, archive: archive)
    }

    /// The same, as a closure for the library (`build`), or nil without `--archive`.
    var completion: (@Sendable (Case) throws -> Case)? {
        guard let archive else { return nil }
        return { claim in try Self.complete(claim, archive: archive) }
    }

    static func complete(_ claim: Case, archive: String) throws -> Case {
        let completed = try claim.completingFormalNotice(
            from: try ArchiveStore(path: archive, mode: .readOnly), today: Today.day())
        if let note = completed.note { printError("warning: \(note)") }
        return completed.case
    }
}
