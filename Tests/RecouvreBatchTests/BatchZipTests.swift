import Foundation
import RecouvreBatch
import RecouvreBundle
import RecouvreBundleIO
import RecouvreModel
import RecouvreTestSupport
import Testing

/// `batch --zip`: one stored zip per debtor holding exactly the files of the folder bundle, verifying
/// like any bundle, skipped on a re-run when unchanged, rebuilt when altered.
@Suite("batch --zip")
struct BatchZipTests {
    static let today = Day(iso: "2026-11-23")!

    static func run(_ input: URL, out: URL, zip: Bool, jobs: Int = 2) async throws -> BatchOutcome {
        let runner = BatchRunner(
            pipeline: BatchSupport.pipeline,
            configuration: BatchConfiguration(
                out: out, asOf: nil, today: today, jobs: jobs, input: input.path, zip: zip))
        return try await runner.run(try CaseFolderSource(folder: input))
    }

    @Test("each zip holds the folder bundle's files byte for byte, verifies, and a re-run skips it")
    func zipBundles() async throws {
        let folder = try TestPaths.temporaryFolder("batch-zip")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        try BatchSupport.generate(12, into: input)
        let folders = folder.appendingPathComponent("folders")
        let zips = folder.appendingPathComponent("zips")
        let plain = try await Self.run(input, out: folders, zip: false)
        let zipped = try await Self.run(input, out: zips, zip: true)
        #expect(plain.exitCode == zipped.exitCode)
        #expect(zipped.report.entries.count == 12)
        #expect(zipped.report.summary.built == plain.report.summary.built)
        for (entry, folderEntry) in zip(zipped.report.entries, plain.report.entries) {
            #expect(entry.bundle == folderEntry.bundle + ".zip")
            #expect(entry.status == folderEntry.status)
            #expect(entry.totalClaimed == folderEntry.totalClaimed)
            guard entry.status == .built else { continue }
            let path = zips.appendingPathComponent(entry.bundle)
            #expect(BatchSupport.intact(path), "\(entry.bundle)")
            let reader = try BundleReader(path: path.path)
            #expect(reader.problems.isEmpty)
            let folderBundle = try BundleReader(path: folders.appendingPathComponent(folderEntry.bundle).path)
            #expect(Set(reader.files.keys) == Set(folderBundle.files.keys))
            for name in folderBundle.files.keys {
                #expect(try reader.data(name) == folderBundle.data(name), "\(entry.bundle)/\(name)")
            }
        }
        // The zips only, no folder, no leftover.
        let names = try FileManager.default.contentsOfDirectory(atPath: zips.path).sorted()
        #expect(names.filter { !$0.hasPrefix("batch-report") }.allSatisfy { $0.hasSuffix(".zip") })
        #expect(try BatchSupport.leftovers(in: zips).isEmpty)

        // A re-run keeps every zip; one altered by a byte is rebuilt.
        let victim = try #require(zipped.report.entries.first { $0.status == .built })
        let victimPath = zips.appendingPathComponent(victim.bundle)
        var bytes = try Data(contentsOf: victimPath)
        bytes[bytes.count / 2] ^= 0x20
        try bytes.write(to: victimPath)
        let again = try await Self.run(input, out: zips, zip: true, jobs: 1)
        #expect(again.report.summary.skipped == zipped.report.summary.built - 1)
        #expect(again.report.entries.first { $0.bundle == victim.bundle }?.status == .built)
        #expect(BatchSupport.intact(victimPath))
    }

    @Test("the stored zip: CRC-32 and layout as ZIPFoundation reads them, for sizes around the 8-byte steps")
    func storedZip() throws {
        var files: [BundleFile] = []
        for size in [0, 1, 7, 8, 9, 15, 16, 17, 1_000, 65_537] {
            files.append(
                BundleFile(
                    path: "pieces/f\(size)-é.bin",
                    data: Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })))
        }
        files.append(BundleFile(path: BundleManifest.fileName, data: Data("{}".utf8)))
        files.sort { $0.path < $1.path }
        let data = try #require(StoredZip.zipData(allFiles: files))
        let folder = try TestPaths.temporaryFolder("stored-zip")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("b.zip")
        try data.write(to: path)
        let reader = try BundleReader(path: path.path)
        #expect(reader.problems.isEmpty)
        #expect(Set(reader.files.keys) == Set(files.map(\.path)))
        for file in files { #expect(try reader.data(file.path) == file.data, "\(file.path)") }
        // Deterministic: the same bytes twice.
        #expect(StoredZip.zipData(allFiles: files) == data)
    }
}
