import RecouvreModel

/// The law tables cannot answer: a day no table covers, or a table that cannot be read.
/// Exit status 3 (interfaces.md): the remedy is always to update a file under `forms/rates/`.
public enum RateTableError: RecouvreError, Sendable, Equatable {
    /// `file` has no value for `day` (in `halfYear`); it covers `covered` (nil when empty).
    case notCovered(file: String, day: Day, halfYear: HalfYear, covered: ClosedRange<Day>?, what: Series)
    /// A statutory parameter has no value for `day`.
    case parameterNotCovered(file: String, parameter: String, day: Day)
    /// The statutory parameters were checked only up to `checkedThrough`, before `day`.
    case parametersNotChecked(file: String, checkedThrough: Day, day: Day)
    /// The file is not a valid table.
    case malformed(file: String, problem: String)

    /// The series asked for, named in the message.
    public enum Series: Sendable, Equatable {
        /// The ECB rate in force on that day (L441-10 II, R2192-31).
        case ecb(on: Day)
        /// The taux de l'intérêt légal of a category (L313-2).
        case legal(particulier: Bool)
    }

    public var exitCode: Int32 { 3 }

    // The tool's own voice (exit 3, the tables to update), not a document's wording: French, in Swift,
    // with dates in figures (23/11/2026) — no month names outside forms/messages/calendar.yaml.
    static func date(_ day: Day) -> String { StatementFormatter.french(day) }

    /// `1er semestre 2025`, in this error's voice (the documents take `calendar.yaml`'s words).
    static func halfYear(_ half: HalfYear) -> String {
        half.half == 1 ? "1er semestre \(half.year)" : "2d semestre \(half.year)"
    }

    static func words(_ series: Series) -> String {
        switch series {
        case .ecb(let day): return "taux BCE en vigueur au \(date(day))"
        case .legal(let particulier): return "taux légal \(particulier ? "particulier" : "autres cas")"
        }
    }

    /// In French, for the user (interfaces.md: errors in the user's terms), with the file to update.
    public var description: String {
        switch self {
        case .notCovered(let file, let day, let halfYear, let covered, let what):
            let range =
                covered.map {
                    " (la table couvre du \(Self.date($0.lowerBound)) au \(Self.date($0.upperBound)))"
                } ?? ""
            return
                "forms/\(file) : aucune valeur pour le \(Self.words(what)) (\(Self.halfYear(halfYear)), nécessaire au "
                + "\(Self.date(day)))\(range) ; ajoutez la valeur officielle du \(Self.halfYear(halfYear)) à "
                + "forms/\(file), ou passez --forms DOSSIER avec une copie à jour. recouvre n'extrapole jamais un taux."
        case .parameterNotCovered(let file, let parameter, let day):
            return "forms/\(file) : `\(parameter)` n'a aucune valeur en vigueur le \(Self.date(day)) ; "
                + "ajoutez la valeur et sa source à ce fichier."
        case .parametersNotChecked(let file, let checkedThrough, let day):
            return "forms/\(file) : les paramètres légaux n'ont été vérifiés dans les textes que jusqu'au "
                + "\(Self.date(checkedThrough)), pas jusqu'au \(Self.date(day)) ; vérifiez-les "
                + "(un décret a pu changer une marge ou l'indemnité forfaitaire), puis avancez checked_through dans "
                + "ce fichier, ou passez --forms DOSSIER avec une copie à jour."
        case .malformed(let file, let problem):
            return "forms/\(file) : \(problem)"
        }
    }
}
