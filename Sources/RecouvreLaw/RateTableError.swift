import RecouvreModel

/// The law tables cannot answer: a day no table covers, or a table that cannot be read.
/// Exit status 3 (interfaces.md): the remedy is always to update a file under `forms/rates/`.
public enum RateTableError: RecouvreError, Sendable, Equatable {
    /// `file` has no value for `day` (in `halfYear`); it covers `covered` (nil when empty).
    case notCovered(file: String, day: Day, halfYear: HalfYear, covered: ClosedRange<Day>?, what: String)
    /// A statutory parameter has no value for `day`.
    case parameterNotCovered(file: String, parameter: String, day: Day)
    /// The statutory parameters were checked only up to `checkedThrough`, before `day`.
    case parametersNotChecked(file: String, checkedThrough: Day, day: Day)
    /// The file is not a valid table.
    case malformed(file: String, problem: String)

    public var exitCode: Int32 { 3 }

    public var description: String {
        switch self {
        case .notCovered(let file, let day, let halfYear, let covered, let what):
            let range = covered.map { " (it covers \($0.lowerBound.iso) to \($0.upperBound.iso))" } ?? ""
            return "forms/\(file): no \(what) for \(halfYear) (needed for \(day.iso))\(range); "
                + "add the official value for \(halfYear) to forms/\(file), or pass --forms DIR with an updated copy. "
                + "recouvre never extrapolates a rate."
        case .parameterNotCovered(let file, let parameter, let day):
            return
                "forms/\(file): `\(parameter)` has no value in force on \(day.iso); add the value and its source to that file."
        case .parametersNotChecked(let file, let checkedThrough, let day):
            return
                "forms/\(file): the statutory parameters were checked against the texts up to \(checkedThrough.iso), "
                + "not up to \(day.iso); check them (a decree may have changed a margin or the fee), then move "
                + "checked_through in that file, or pass --forms DIR with an updated copy."
        case .malformed(let file, let problem):
            return "forms/\(file): \(problem)"
        }
    }
}
