import ArgumentParser

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "(being built)")

    func run() throws {
        printError("recouvre verify: not available in this build yet")
        throw ExitCode(2)
    }
}
