import ArgumentParser

struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "archive", abstract: "(being built)")

    func run() throws {
        printError("recouvre archive: not available in this build yet")
        throw ExitCode(2)
    }
}
