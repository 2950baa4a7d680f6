import Foundation
import RecouvreTestSupport
import Testing

@testable import RecouvreBundleIO

/// The move into place that never replaces (`renameat2(RENAME_NOREPLACE)`) and a sink told its target
/// is absent (`SinkOptions.knownAbsent`, batch): nothing there is ever written over.
@Suite("moves into place that never replace")
struct NoReplaceTests {
    @Test("renameNoReplace moves onto nothing, refuses a file, a folder or a link with EEXIST and leaves both")
    func renameNoReplace() throws {
        let folder = try TestPaths.temporaryFolder("no-replace")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("source").path
        try Data("new".utf8).write(to: URL(fileURLWithPath: source))
        #expect(try FileSystem.renameNoReplace(source, to: folder.appendingPathComponent("free").path))
        #expect(try Data(contentsOf: folder.appendingPathComponent("free")) == Data("new".utf8))
        #expect(!FileManager.default.fileExists(atPath: source))

        try Data("new".utf8).write(to: URL(fileURLWithPath: source))
        let file = folder.appendingPathComponent("file").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: file))
        let emptyFolder = folder.appendingPathComponent("empty").path
        try FileManager.default.createDirectory(atPath: emptyFolder, withIntermediateDirectories: false)
        let link = folder.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/nonexistent")
        for target in [file, emptyFolder, link] {
            #expect(throws: FileSystemError.self) { _ = try FileSystem.renameNoReplace(source, to: target) }
            do { _ = try FileSystem.renameNoReplace(source, to: target) } catch { #expect(error.code == EEXIST) }
            #expect(try Data(contentsOf: URL(fileURLWithPath: source)) == Data("new".utf8))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: emptyFolder).isEmpty)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "/nonexistent")
    }

    @Test(
        "a sink told its target is absent refuses one that is there, leaving it and no temporary",
        arguments: [false, true])
    func knownAbsent(zip: Bool) throws {
        let folder = try TestPaths.temporaryFolder("no-replace-sink")
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = zip ? "b.zip" : "b"
        let target = folder.appendingPathComponent(name)
        let foreign = Data("someone else's".utf8)
        try foreign.write(to: target)
        let files = [BundleFile(path: "a.txt", data: Data("a".utf8))]
        let options = SinkOptions(force: false, debrisRemoved: true, syncFiles: false, knownAbsent: true)
        let location = try #require(TargetLocation(folder: folder.path, name: name))
        #expect(throws: BundleError.exists(target.path)) {
            if zip {
                try ZipSink(location: location, options: options).write(zipData: Data("zip".utf8))
            } else {
                _ = try FolderSink(location: location, options: options).writeOpening(allFiles: files)
            }
        }
        #expect(try Data(contentsOf: target) == foreign)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name])
        // Absent indeed: written.
        try FileManager.default.removeItem(at: target)
        if zip {
            try ZipSink(location: location, options: options).write(zipData: Data("zip".utf8))
            #expect(try Data(contentsOf: target) == Data("zip".utf8))
        } else {
            _ = try FolderSink(location: location, options: options).writeOpening(allFiles: files)
            #expect(try Data(contentsOf: target.appendingPathComponent("a.txt")) == Data("a".utf8))
        }
    }
}
