import Foundation
import RecouvreTestSupport
import Testing

@testable import RecouvreBundleIO

/// The write path of a bundle folder: files created relative to the folder opened once, and read
/// back with one read each (`DirectoryHandle`, `FileSystem.holds`): every kind of difference is seen.
@Suite("Bundle write path: openat and one-read read-back")
struct BundleWritePathTests {
    static func scratch() throws -> String {
        try TestPaths.temporaryFolder("recouvre-wp").path
    }

    @Test("holds: the same bytes only — not longer, shorter, other, missing, a FIFO, a folder")
    func holds() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var buffer: [UInt8] = []
        for size in [0, 1, 100, 4096, 65_536, 65_537, 300_000] {
            let bytes = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 1) })
            let path = folder + "/f\(size)"
            try bytes.write(to: URL(fileURLWithPath: path))
            #expect(FileSystem.holds(path, bytes, buffer: &buffer), "\(size)")
            #expect(!FileSystem.holds(path, bytes + Data([0]), buffer: &buffer), "\(size) shorter on disk")
            if size > 0 {
                #expect(!FileSystem.holds(path, bytes.dropLast(), buffer: &buffer), "\(size) longer on disk")
                var other = bytes
                other[other.count / 2] ^= 0x01
                #expect(!FileSystem.holds(path, other, buffer: &buffer), "\(size) one bit")
            }
        }
        #expect(!FileSystem.holds(folder + "/absent", Data(), buffer: &buffer))
        #expect(!FileSystem.holds(folder, Data(), buffer: &buffer))
        #expect(mkfifo(folder + "/fifo", 0o600) == 0)
        #expect(!FileSystem.holds(folder + "/fifo", Data(), buffer: &buffer))
        try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: folder + "/f100")
        let hundred = try Data(contentsOf: URL(fileURLWithPath: folder + "/f100"))
        #expect(!FileSystem.holds(folder + "/link", hundred, buffer: &buffer))
    }

    @Test("a folder sink's bundle reads back intact through its open folder; a change after is found")
    func writeOpening() throws {
        let parent = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let files = [
            BundleFile(path: "01-a.txt", data: Data("a\n".utf8)), BundleFile(path: "empty.txt", data: Data()),
            BundleFile(path: "pieces/01-x.pdf", data: Data([0x25, 0x50, 0x44, 0x46])),
            BundleFile(path: "pieces/sub/02-y.txt", data: Data(repeating: 0x61, count: 70_000)),
        ]
        let target = URL(fileURLWithPath: parent + "/bundle")
        let options = SinkOptions(force: false, debrisRemoved: true, syncFiles: false)
        let folder = try FolderSink(target: target, options: options).writeOpening(allFiles: files)
        #expect(folder.firstDiffering(files) == nil)
        // Written at the target (renamed into place), nothing left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["bundle"])
        for file in files {
            #expect(try Data(contentsOf: target.appendingPathComponent(file.path)) == file.data)
        }
        try Data("b\n".utf8).write(to: target.appendingPathComponent("01-a.txt"))
        #expect(folder.firstDiffering(files) == "01-a.txt")
        try FileManager.default.removeItem(at: target.appendingPathComponent("pieces/sub/02-y.txt"))
        #expect(folder.firstDiffering(Array(files.dropFirst())) == "pieces/sub/02-y.txt")
    }

    @Test("temporary names: version-4 UUID text, never twice")
    func uniqueSuffix() {
        var seen = Set<String>()
        for _ in 0..<1_000 {
            let text = AtomicTarget.uniqueSuffix()
            let uuid = UUID(uuidString: text)
            #expect(uuid?.uuidString == text)
            let bytes = uuid?.uuid
            #expect(bytes.map { $0.6 >> 4 } == 4)
            #expect(bytes.map { $0.8 >> 6 } == 2)
            seen.insert(text)
        }
        #expect(seen.count == 1_000)
    }
}
