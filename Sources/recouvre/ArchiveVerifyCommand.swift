import ArgumentParser
import RecouvreArchive

struct ArchiveVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recomputes the archive's hash chain and names the first entry altered or deleted.",
        discussion: """
            Exit status 0 when the chain is intact (the head hash is printed: keep it elsewhere to prove
            later that no newest entry was removed), 1 with the first problem found.

            Example:
              recouvre archive verify --db ~/archives/cabinet.sqlite
            """
    )

    @OptionGroup var database: ArchiveDatabaseOption

    func run() throws {
        try reportingErrors {
            let path = database.path
            let result = try ArchiveStore(path: path).verify()
            let line = ArchiveFormatter.verification(result, path: path)
            guard result.isIntact else { throw ArchiveError(.chainBroken, line) }
            printOut(line)
        }
    }
}
