import Foundation
import Subprocess

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// What a run of the `recouvre` binary gave.
public struct CLIResult: Sendable, CustomStringConvertible {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// Runs the built `recouvre` as a user would, capturing stdout, stderr and the exit status, with the
/// pinned rate tables (`RECOUVRE_FORMS` = `TestPaths.pinnedForms` unless `environment` sets it).
public enum CLI {
    public static func run(
        _ arguments: [String], in directory: URL? = nil,
        environment: [String: String] = [:]
    ) async throws -> CLIResult {
        // The binary computes with the pinned rate tables (TestPaths.pinnedForms) unless the test
        // names its own RECOUVRE_FORMS: adding a half-year to forms/rates/ changes no CLI test.
        var environment = environment
        if environment["RECOUVRE_FORMS"] == nil { environment["RECOUVRE_FORMS"] = TestPaths.pinnedForms.path }
        let env: Environment = .inherit.updating(
            Dictionary(
                uniqueKeysWithValues: environment.map {
                    (Environment.Key(stringLiteral: $0.key), Optional($0.value))
                }))
        let result = try await Subprocess.run(
            .path(FilePath(TestPaths.binary.path)),
            arguments: Arguments(arguments),
            environment: env,
            workingDirectory: directory.map { FilePath($0.path) } ?? FilePath(TestPaths.root.path),
            output: .string(limit: 64 * 1024 * 1024),
            error: .string(limit: 16 * 1024 * 1024)
        )
        let status: Int32
        switch result.terminationStatus {
        case .exited(let code): status = code
        case .signaled(let signal): status = 128 + signal
        }
        return CLIResult(status: status, stdout: result.standardOutput, stderr: result.standardError)
    }
}
