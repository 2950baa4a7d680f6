import RecouvreModel

/// A problem with the templates or form maps under `forms/` (shipped or a firm's `--forms` override):
/// the user's input, exit status 1, with the file and what to fix.
public struct DocumentError: RecouvreError, Sendable, Hashable {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var exitCode: Int32 { 1 }
    public var description: String { "forms/\(file): \(message)" }
}
