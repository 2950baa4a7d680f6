import RecouvreModel

/// A problem of the amicable stage, in French, in the user's terms (exit 1: the input is wrong; exit 2:
/// a usage error such as an unknown profile).
public struct AmicableError: RecouvreError, Sendable, Equatable {
    public var file: String?
    public var message: String
    public var exitCode: Int32

    public init(file: String? = nil, _ message: String, exitCode: Int32 = 1) {
        self.file = file
        self.message = message
        self.exitCode = exitCode
    }

    public var description: String {
        guard let file else { return "recouvre: \(message)" }
        return "\(file): \(message)"
    }
}
