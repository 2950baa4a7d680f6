import Foundation
import RecouvreBundle
import RecouvreBundleIO
import RecouvreDocuments
import RecouvreTestSupport
import Testing

/// Issue 12 (large cases): `build` into a folder writes each file into the staging folder as it is
/// made (`StagedFolder`), so that at most one large file's bytes are in memory. The bundle is the one
/// written from memory, byte for byte; an interrupted build leaves no debris and the target as it was.
@Suite("Streamed builds into a staged folder")
struct StagedBuildTests {
    static let pipeline = DossierBuildTests.pipeline
    static let inMemory: DossierPipeline = {
        var pipeline = DossierBuildTests.pipeline
        pipeline.streamsFolders = false
        return pipeline
    }()

    /// Every file under `folder`, relative path → bytes.
    static func tree(_ folder: URL) throws -> [String: Data] { try BundleWriterTests.bytes(of: folder) }

    static func build(
        _ pipeline: DossierPipeline, casePath: String, to target: URL, force: Bool = false,
        options: DossierOptions = DossierOptions()
    ) throws -> BuildResult {
        try pipeline.build(
            casePath: casePath, out: target.path, asOf: nil, today: ShippedBook.fixedToday, force: force,
            options: options)
    }

    static func casePath(_ fixture: String) -> String {
        TestPaths.fixture(fixture).appendingPathComponent("case.yaml").path
    }

    /// A generated case of `count` invoices (LargeCaseTests' generator) with its exhibits, in `folder`.
    static func largeCase(_ count: Int, in folder: URL) throws -> String {
        let pieces = folder.appendingPathComponent("pieces")
        try FileManager.default.createDirectory(at: pieces, withIntermediateDirectories: true)
        for name in ["mise-en-demeure-envoyee", "preuve-de-depot", "avis-de-reception", "contrat"] {
            try "\(name)\n".write(to: pieces.appendingPathComponent("\(name).txt"), atomically: true, encoding: .utf8)
        }
        let file = folder.appendingPathComponent("case.yaml")
        try LargeCaseTests.largeCase(count: count).text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test(
        "a streamed folder is the bundle written from memory, byte for byte, with the same result",
        arguments: DossierBuildTests.variants)
    func sameBundle(variant: DossierBuildTests.Variant) throws {
        let dir = try TestPaths.temporaryFolder("staged-same")
        defer { try? FileManager.default.removeItem(at: dir) }
        let streamed = dir.appendingPathComponent("streamed")
        let kept = dir.appendingPathComponent("kept")
        let path = Self.casePath(variant.fixture)
        let a = try Self.build(
            Self.pipeline, casePath: path, to: streamed, force: variant.force, options: variant.options)
        let b = try Self.build(Self.inMemory, casePath: path, to: kept, force: variant.force, options: variant.options)
        #expect(a.manifest == b.manifest)
        #expect(a.warnings == b.warnings)
        #expect(
            a.text.replacingOccurrences(of: streamed.path, with: "X")
                == b.text.replacingOccurrences(of: kept.path, with: "X"))
        let (x, y) = (try Self.tree(streamed), try Self.tree(kept))
        #expect(x.keys.sorted() == y.keys.sorted())
        #expect(x == y)
        #expect(try Self.pipeline.verifier.verify(path: streamed.path).isIntact)
    }

    @Test("a large case (documents rendered beside dossier.xml, streamed to the disk) gives the same bundle")
    func sameLargeBundle() throws {
        let dir = try TestPaths.temporaryFolder("staged-large")
        defer { try? FileManager.default.removeItem(at: dir) }
        // Above `concurrentRenderInvoices`, and dossier.xml above the writer's 1 MB pieces.
        let count = DossierPipeline.concurrentRenderInvoices + 1_200
        let path = try Self.largeCase(count, in: dir.appendingPathComponent("client"))
        let streamed = dir.appendingPathComponent("streamed")
        let kept = dir.appendingPathComponent("kept")
        let a = try Self.build(Self.pipeline, casePath: path, to: streamed)
        let b = try Self.build(Self.inMemory, casePath: path, to: kept)
        #expect(a.manifest == b.manifest)
        let (x, y) = (try Self.tree(streamed), try Self.tree(kept))
        #expect(x.keys.sorted() == y.keys.sorted())
        #expect(x == y)
        #expect((x["/dossier.xml"]?.count ?? 0) > 1 << 20)
        #expect(try Self.pipeline.verifier.verify(path: streamed.path).isIntact)
    }

    /// What the staging folder held on disk when each file was about to be created.
    final class Arrivals: @unchecked Sendable {
        let lock = NSLock()
        var seen: [(path: String, before: [String: Int])] = []
        func record(_ path: String, in parent: URL) {
            var before: [String: Int] = [:]
            let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
            for name in names where name.contains(".partial-") {
                let root = parent.appendingPathComponent(name)
                for (file, data) in (try? BundleWriterTests.bytes(of: root)) ?? [:] { before[file] = data.count }
            }
            lock.withLock { seen.append((path, before)) }
        }
    }

    @Test("the files go to the staging folder one at a time as they are made, the manifest last")
    func oneAtATime() throws {
        let dir = try TestPaths.temporaryFolder("staged-arrivals")
        defer { try? FileManager.default.removeItem(at: dir) }
        let arrivals = Arrivals()
        var pipeline = Self.pipeline
        pipeline.beforeEachStagedFile = { [dir] path in arrivals.record(path, in: dir) }
        let target = dir.appendingPathComponent("dossier")
        let result = try Self.build(pipeline, casePath: Self.casePath("b2b-lyon-dijon"), to: target)
        let seen = arrivals.lock.withLock { arrivals.seen }
        let listed = result.manifest.files.map(\.path)
        // Each file once, manifest.json last; every file listed in the manifest came through.
        #expect(seen.map(\.path).sorted() == (listed + ["manifest.json"]).sorted())
        #expect(seen.last?.path == "manifest.json")
        #expect(Set(seen.map(\.path)).count == seen.count)
        // When a file is created, every file created before it is on disk, complete (its manifest size),
        // except dossier.xml, which is written while the documents render (complete only at the end).
        let sizes = Dictionary(uniqueKeysWithValues: result.manifest.files.map { ($0.path, $0.bytes) })
        for (index, arrival) in seen.enumerated() {
            for earlier in seen[..<index].map(\.path) where earlier != "dossier.xml" {
                #expect(arrival.before["/" + earlier] == sizes[earlier], "\(earlier) before \(arrival.path)")
            }
            #expect(arrival.before["/" + arrival.path] == nil)
        }
        // The documents are on disk before dossier.xml is complete (it records their digests).
        let notes = try #require(seen.first { $0.path == "notes.txt" })
        #expect(notes.before["/dossier.xml"] == sizes["dossier.xml"])
    }

    struct Interrupted: Error {}

    @Test("a build interrupted at any file leaves no debris and the target as it was (new, or replaced with --force)")
    func interrupted() throws {
        let dir = try TestPaths.temporaryFolder("staged-interrupted")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = Self.casePath("b2b-lyon-dijon")
        let earlier = dir.appendingPathComponent("earlier")
        let first = try Self.build(Self.pipeline, casePath: path, to: earlier, options: DossierOptions(stage: .notice))
        let earlierBytes = try Self.tree(earlier)
        let count =
            try Self.build(Self.pipeline, casePath: path, to: dir.appendingPathComponent("probe"))
            .manifest.files.count + 1
        try FileManager.default.removeItem(at: dir.appendingPathComponent("probe"))
        #expect(count > 3)
        for failing in 0..<count {
            var pipeline = Self.pipeline
            let calls = Counter()
            pipeline.beforeEachStagedFile = { _ in if calls.next() == failing { throw Interrupted() } }
            // A new target in folders that do not exist yet: they are removed again.
            let deep = dir.appendingPathComponent("new/sub/dossier")
            #expect(throws: BundleError.self) { try Self.build(pipeline, casePath: path, to: deep) }
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("new").path), "\(failing)")
            // An earlier bundle replaced with --force: it stays as it was.
            calls.reset()
            #expect(throws: BundleError.self) {
                try Self.build(pipeline, casePath: path, to: earlier, force: true)
            }
            #expect(try Self.tree(earlier) == earlierBytes, "\(failing)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["earlier"], "\(failing)")
        }
        // And then it is replaced.
        let replaced = try Self.build(Self.pipeline, casePath: path, to: earlier, force: true)
        #expect(replaced.manifest != first.manifest)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["earlier"])
        #expect(try Self.pipeline.verifier.verify(path: earlier.path).isIntact)
    }

    final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var value = 0
        func next() -> Int {
            lock.withLock {
                defer { value += 1 }
                return value
            }
        }
        func reset() { lock.withLock { value = 0 } }
    }

    @Test("the staged build refuses what the in-memory one refuses, before writing anything")
    func refusals() throws {
        let dir = try TestPaths.temporaryFolder("staged-refusals")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = Self.casePath("b2b-lyon-dijon")
        let target = dir.appendingPathComponent("dossier")
        _ = try Self.build(Self.pipeline, casePath: path, to: target)
        // Without --force, an existing target.
        for pipeline in [Self.pipeline, Self.inMemory] {
            #expect(throws: BundleError.self) { try Self.build(pipeline, casePath: path, to: target) }
        }
        // With --force: a device, a regular file, a folder of other files, the case's own folder.
        let file = dir.appendingPathComponent("notes.txt")
        try Data("mes notes\n".utf8).write(to: file)
        let folder = dir.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: folder.appendingPathComponent("contrat.pdf"))
        for hostile in [URL(fileURLWithPath: "/dev/null"), file, folder, TestPaths.fixture("b2b-lyon-dijon")] {
            var messages: [String] = []
            for pipeline in [Self.pipeline, Self.inMemory] {
                do {
                    _ = try Self.build(pipeline, casePath: path, to: hostile, force: true)
                    Issue.record("\(hostile.path) replaced")
                } catch let error as BundleError {
                    messages.append(error.description)
                }
            }
            #expect(messages.count == 2 && messages[0] == messages[1], "\(messages)")
        }
        #expect(try Data(contentsOf: file) == Data("mes notes\n".utf8))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("contrat.pdf").path))
        #expect(PathKind.of("/dev/null") == .special("un périphérique caractère"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [
                "documents", "dossier", "notes.txt",
            ])
        #expect(
            !((try? FileManager.default.contentsOfDirectory(atPath: "/dev")) ?? []).contains { $0.hasPrefix(".null.") })
    }

    @Test("a target that appears while the files are written is not overwritten (checked again before the move)")
    func targetAppears() throws {
        let dir = try TestPaths.temporaryFolder("staged-appears")
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("dossier")
        let staged = try StagedFolder(target: target, options: SinkOptions(force: false))
        try staged.add("a.txt", Data("a".utf8))
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let manifest = BundleWriterTests.manifest()
        #expect(throws: BundleError.self) { try staged.place(manifest: manifest) }
        staged.abandon()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["dossier"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == [])
    }

    @Test("a staged folder hashes what it writes as the manifest does, in one piece or many")
    func hashes() throws {
        let dir = try TestPaths.temporaryFolder("staged-hashes")
        defer { try? FileManager.default.removeItem(at: dir) }
        let staged = try StagedFolder(target: dir.appendingPathComponent("b"), options: SinkOptions(force: false))
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 63, 64, 65, 1_000, 70_000] {
            let data = Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) })
            #expect(try staged.add("one-\(size)", data) == BundleManifestFile(path: "one-\(size)", data: data))
            let file = try staged.create("pieces/many-\(size)")
            var offset = 0
            while offset < size {
                let length = min(Int.random(in: 1...9_000, using: &generator), size - offset)
                try data[offset..<offset + length].withUnsafeBytes { try file.write($0) }
                offset += length
            }
            #expect(try file.close() == BundleManifestFile(path: "pieces/many-\(size)", data: data))
            #expect(staged.contents(of: "pieces/many-\(size)") == data)
        }
        #expect(staged.written.count == 14)
        staged.abandon()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [])
    }

    @Test("a streamed build removes what a killed build of the same target left")
    func debris() throws {
        let dir = try TestPaths.temporaryFolder("staged-debris")
        defer { try? FileManager.default.removeItem(at: dir) }
        for stale in [".dossier.partial-1234", ".dossier.old-5678", ".autre.partial-1"] {
            try FileManager.default.createDirectory(
                at: dir.appendingPathComponent(stale).appendingPathComponent("pieces"),
                withIntermediateDirectories: true)
        }
        _ = try Self.build(
            Self.pipeline, casePath: Self.casePath("b2b-lyon-dijon"), to: dir.appendingPathComponent("dossier"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [".autre.partial-1", "dossier"])
    }
}
