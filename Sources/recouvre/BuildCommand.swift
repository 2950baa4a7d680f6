import ArgumentParser

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "(being built)")

    func run() throws {
        printError("recouvre build: not available in this build yet")
        throw ExitCode(2)
    }
}
