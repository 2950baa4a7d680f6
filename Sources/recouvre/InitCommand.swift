import ArgumentParser

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "(being built)")

    func run() throws {
        printError("recouvre init: not available in this build yet")
        throw ExitCode(2)
    }
}
