import Foundation
import RecouvreBatch
import RecouvreBundle
import RecouvreForms
import RecouvreModel
import RecouvreTestSupport

/// What the batch tests share: the shipped book loaded once, the generator, report reading.
enum BatchSupport {
    static let book: LawBook = {
        do { return try LawBook.load(forms: Forms(shipped: TestPaths.forms)) } catch { fatalError("\(error)") }
    }()

    static let pipeline = DossierPipeline(book: book, tool: "recouvre 0.1.0")

    /// `scripts/make-batch.py count folder`: `count` synthetic debtors (the generator is deterministic).
    static func generate(_ count: Int, into folder: URL, seed: Int = 2026) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", TestPaths.root.appendingPathComponent("scripts/make-batch.py").path, "\(count)", folder.path,
            "--seed", "\(seed)",
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        let processStatus = ChildExit.status(process)
        guard processStatus == 0 else {
            throw BatchInputError(source: "make-batch.py", message: "exit \(processStatus)")
        }
    }

    static func report(in out: URL) throws -> BatchReport {
        let url = out.appendingPathComponent(BatchReport.jsonName)
        return try BatchReport.parse(Data(contentsOf: url), name: url.path)
    }

    /// The bundles of an output folder: its visible subfolders, sorted.
    static func bundles(in out: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: out.path).filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path, isDirectory: &isFolder)
                && isFolder.boolValue
        }.sorted()
    }

    /// Hidden entries of an output folder (leftovers of an interrupted run).
    static func leftovers(in out: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }.sorted()
    }

    /// Verifies a bundle in process (checksums, files added or removed, dossier.xml against the schema).
    static func intact(_ bundle: URL) -> Bool {
        (try? pipeline.verifier.verify(path: bundle.path).isIntact) == true
    }
}
