import Foundation
import RecouvreCaseFile
import RecouvreModel

/// A case completed before its dossier is built (`build --archive`), with the bytes of files it
/// names that are not in its folder: the notice as sent, read from the archive (issue 15), which the
/// court dossier produces as the notice's exhibit.
public struct CompletedCase: Sendable {
    public var `case`: Case
    /// Path the case names (`events[i].letter`) → bytes; served before the case's folder.
    public var files: [String: Data]

    public init(_ claim: Case, files: [String: Data] = [:]) {
        self.case = claim
        self.files = files
    }
}

/// Exhibits some of which are given as bytes (`CompletedCase.files`), the others read from `base`.
public struct OverlaidExhibits: ExhibitSource {
    public let files: [String: Data]
    public let base: any ExhibitSource

    public init(_ files: [String: Data], over base: any ExhibitSource) {
        self.files = files
        self.base = base
    }

    public func entry(at path: String) -> ExhibitEntry {
        if let data = files[path] { return .file(size: data.count) }
        return base.entry(at: path)
    }

    public func contents(of path: String) throws(ExhibitReadError) -> Data {
        if let data = files[path] { return data }
        return try base.contents(of: path)
    }
}
