import ArgumentParser

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "(being built)")

    func run() throws {
        printError("recouvre check: not available in this build yet")
        throw ExitCode(2)
    }
}
