import RecouvreArchive
import RecouvreBundle
import RecouvreModel

extension ArchiveOption {
    /// `build --archive DB`: the case completed from the archive (its formal notice, the receipt date)
    /// and the letter actually sent, whose bytes the build serves as the notice's exhibit in the court
    /// dossier (issue 15; domain.md §5); what was taken is printed as warnings. Nil without `--archive`.
    var dossierCompletion: (@Sendable (Case) throws -> CompletedCase)? {
        guard let archive else { return nil }
        return { claim in
            let completion = try claim.completingForDossier(
                from: try ArchiveStore(path: archive, mode: .readOnly), today: Today.day())
            for note in completion.notes { printError("warning: \(note)") }
            return CompletedCase(completion.case, files: completion.letter.map { [$0.path: $0.data] } ?? [:])
        }
    }
}
