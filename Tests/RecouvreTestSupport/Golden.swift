import Foundation

/// Golden files: compare bytes; on a difference, a unified diff. Regenerate with
/// `RECOUVRE_UPDATE_GOLDEN=1 swift test` and review the regenerated diff like code.
public enum Golden {
    public static var updating: Bool { ProcessInfo.processInfo.environment["RECOUVRE_UPDATE_GOLDEN"] == "1" }

    /// `Tests/<target>/Golden/<name>`.
    public static func url(target: String, name: String) -> URL {
        TestPaths.root.appendingPathComponent("Tests").appendingPathComponent(target)
            .appendingPathComponent("Golden").appendingPathComponent(name)
    }

    /// `nil` when `actual` matches the golden file (or it was just regenerated); otherwise a message with
    /// a unified diff, to hand to `Issue.record`.
    public static func mismatch(_ actual: String, target: String, name: String) -> String? {
        mismatch(Data(actual.utf8), target: target, name: name)
    }

    public static func mismatch(_ actual: Data, target: String, name: String) -> String? {
        let file = url(target: target, name: name)
        if updating {
            try? FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            do { try actual.write(to: file) } catch { return "could not write golden \(file.path): \(error)" }
            return nil
        }
        guard let expected = try? Data(contentsOf: file) else {
            return "golden file \(file.path) is missing; create it with RECOUVRE_UPDATE_GOLDEN=1 swift test"
        }
        if expected == actual { return nil }
        return "\(name) differs from its golden file (regenerate with RECOUVRE_UPDATE_GOLDEN=1 swift test):\n"
            + unifiedDiff(expected: expected, actual: actual, label: name)
    }

    /// A unified diff through the system's `diff -u` (readable, standard); a plain note if it is absent.
    public static func unifiedDiff(expected: Data, actual: Data, label: String) -> String {
        guard let dir = try? TestPaths.temporaryFolder("golden-diff") else {
            return "(diff unavailable: \(expected.count) bytes expected, \(actual.count) actual)"
        }
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("expected")
        let b = dir.appendingPathComponent("actual")
        try? expected.write(to: a)
        try? actual.write(to: b)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        process.arguments = ["-u", "--label", "golden/\(label)", "--label", "actual/\(label)", a.path, b.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch {
            return "(diff unavailable: \(expected.count) bytes expected, \(actual.count) actual)"
        }
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        _ = ChildExit.status(process)
        return String(decoding: out, as: UTF8.self)
    }
}
