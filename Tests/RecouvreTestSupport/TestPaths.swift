import Foundation

/// Where things are, for tests: the checkout, its fixtures and forms, and the built binary.
public enum TestPaths {
    /// The checkout's root (from this file's path: Tests/RecouvreTestSupport/TestPaths.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var fixtures: URL { root.appendingPathComponent("fixtures") }
    public static var forms: URL { root.appendingPathComponent("forms") }

    /// The valid fixtures: every folder of `fixtures/` holding a `case.yaml`, sorted (not `invalid/`).
    public static var validFixtureNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: fixtures.appendingPathComponent($0).appendingPathComponent("case.yaml").path)
        }.sorted()
    }

    /// `fixtures/<name>`.
    public static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

    /// The `recouvre` executable built beside the test binary (or `$RECOUVRE_BIN`).
    public static var binary: URL {
        if let env = ProcessInfo.processInfo.environment["RECOUVRE_BIN"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        var dir: URL
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        } else {
            dir = Bundle.main.bundleURL.deletingLastPathComponent()
        }
        // On macOS the test bundle is a folder: walk up until a sibling `recouvre` appears.
        for _ in 0..<5 {
            let candidate = dir.appendingPathComponent("recouvre")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("recouvre")
    }

    /// A fresh empty temporary folder.
    public static func temporaryFolder(_ label: String = "recouvre-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
