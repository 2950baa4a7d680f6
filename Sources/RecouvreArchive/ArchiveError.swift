import RecouvreModel

/// A problem with the archive of formal notices (implemented by issue #7).
public struct ArchiveError: RecouvreError, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var exitCode: Int32 { 1 }
    public var description: String { message }
}
