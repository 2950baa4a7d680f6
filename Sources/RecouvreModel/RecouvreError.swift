/// An error that the command line prints as it is and maps to an exit status (interfaces.md):
/// 1 the input is wrong, 2 usage, 3 the law tables don't cover the dates asked.
public protocol RecouvreError: Error, CustomStringConvertible {
    var exitCode: Int32 { get }
}
