import ArgumentParser

struct StatementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "statement", abstract: "(being built)")

    func run() throws {
        printError("recouvre statement: not available in this build yet")
        throw ExitCode(2)
    }
}
