import Foundation

/// Where things are, for tests: the checkout, its fixtures and forms, and the built binary.
public enum TestPaths {
    /// The checkout's root (from this file's path: Tests/RecouvreTestSupport/TestPaths.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var fixtures: URL { root.appendingPathComponent("fixtures") }
    public static var forms: URL { root.appendingPathComponent("forms") }

    /// The frozen copy of `forms/rates/` the tests compute with (Tests/Fixtures/forms-pinned/rates).
    public static var pinnedRates: URL { root.appendingPathComponent("Tests/Fixtures/forms-pinned/rates") }

    /// A complete forms folder whose `rates/` is the pinned copy and whose every other entry is the
    /// checkout's (folders linked, files copied: the law-book loader reads only regular files), made
    /// once per test process. Tests and goldens computed with it do not change when a half-year's
    /// rates are added to `forms/rates/` (Tests/Fixtures/forms-pinned/README.md).
    public static let pinnedForms: URL = {
        let manager = FileManager.default
        let folder: URL
        do { folder = try temporaryFolder("pinned-forms") } catch {
            fatalError("cannot create the pinned forms folder: \(error)")
        }
        do {
            for name in try manager.contentsOfDirectory(atPath: forms.path) where name != "rates" {
                let source = forms.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                _ = manager.fileExists(atPath: source.path, isDirectory: &isDirectory)
                if isDirectory.boolValue {
                    try manager.createSymbolicLink(at: folder.appendingPathComponent(name), withDestinationURL: source)
                } else {
                    try manager.copyItem(at: source, to: folder.appendingPathComponent(name))
                }
            }
            try manager.copyItem(at: pinnedRates, to: folder.appendingPathComponent("rates"))
        } catch {
            fatalError("cannot assemble the pinned forms folder at \(folder.path): \(error)")
        }
        return folder
    }()

    /// The valid fixtures: every folder of `fixtures/` holding a `case.yaml`, sorted (not `invalid/`).
    public static var validFixtureNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(
                atPath: fixtures.appendingPathComponent($0).appendingPathComponent("case.yaml").path)
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

    /// A fresh empty folder `<label>-<UUID>` in the process's `temporaryRoot`, so removed with it when
    /// the tests end (TemporaryRoot.swift); a test may still remove its own earlier.
    public static func temporaryFolder(_ label: String = "recouvre-test") throws -> URL {
        let url = temporaryRoot.appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
