import ArgumentParser

struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "route", abstract: "(being built)")

    func run() throws {
        printError("recouvre route: not available in this build yet")
        throw ExitCode(2)
    }
}
