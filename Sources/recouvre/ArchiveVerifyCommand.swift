import ArgumentParser
import RecouvreArchive

struct ArchiveVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recomputes the archive's keyed hash chain and names the first entry altered or deleted.",
        discussion: """
            Exit status 0 when the chain is intact (the head hash is printed: keep it elsewhere, and check it
            later with --head, to prove that no newest entry was removed), 1 with the first problem found:
            an entry altered or deleted, an append-only trigger missing, a foreign table, a head given with
            --head that is no longer in the chain. The file is opened read-only.

            Example:
              recouvre archive verify --db ~/archives/cabinet.sqlite
              recouvre archive verify --head 3f1c…e2a0
            """
    )

    @OptionGroup var database: ArchiveDatabaseOption

    @Option(name: .long, help: "A head hash kept elsewhere (archive head): it must still be in the chain.")
    var head: String?

    func run() throws {
        try reportingErrors {
            let path = database.path
            let result = try database.open(.readOnly).verify(head: head)
            let line = ArchiveFormatter.verification(result, path: path)
            guard result.isIntact else { throw ArchiveError(.chainBroken, line) }
            printOut(line)
        }
    }
}

struct ArchiveHeadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "head",
        abstract: "Prints the hash of the chain's last entry, after verifying the chain.",
        discussion: """
            Keep it elsewhere (an e-mail to yourself, a printed register): `archive verify --head HASH` later
            proves that no entry up to it was removed or rewritten.

            Example:
              recouvre archive head > head-2026-12-01.txt
            """
    )

    @OptionGroup var database: ArchiveDatabaseOption

    func run() throws {
        try reportingErrors {
            let result = try database.open(.readOnly).head()
            guard result.isIntact else {
                throw ArchiveError(.chainBroken, ArchiveFormatter.verification(result, path: database.path))
            }
            printOut(result.head)
        }
    }
}

struct ArchiveMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Keys an archive of schema 1: verifies its chain, creates its secret, seals it (schema 2).",
        discussion: """
            Nothing is rewritten: the entries found keep their SHA-256 and are sealed by an HMAC of their
            head; every later entry is an HMAC with the new secret. A chain that does not verify is not
            sealed. Back up the secret file printed.

            Example:
              recouvre archive migrate --db ~/archives/cabinet.sqlite
            """
    )

    @OptionGroup var database: ArchiveDatabaseOption

    func run() throws {
        try reportingErrors {
            let store = try database.open(.migrate)
            let result = try store.verify()
            printOut(
                "\(database.path): migrated to archive schema 2 (keyed chain), "
                    + "\(result.entries) entries sealed; secret: \(store.secretPath ?? "?") (back it up); head \(result.head)"
            )
        }
    }
}
