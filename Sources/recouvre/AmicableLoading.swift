import Foundation
import RecouvreAmicable
import RecouvreCaseFile
import RecouvreDocuments
import RecouvreForms
import RecouvreLaw
import RecouvreModel

#if canImport(Glibc)
    import Glibc
#endif

/// The edge of the amicable commands (remind, plan, aged): the law book (forms/ read once, ladders
/// included), the case files and their journals, and the files written atomically. Every computation
/// is RecouvreAmicable's, on values.
struct AmicableContext {
    let forms: AmicableForms
    let tables: RateTables
    let settings: DocumentSettings

    static func load(_ option: FormsOption) throws -> AmicableContext {
        let book = try option.book()
        return AmicableContext(forms: book.amicable, tables: book.rates, settings: book.documentSettings)
    }
}

/// A case file with its journal (`case.reminders.yaml`, when present).
struct AmicableCase {
    let path: String
    let claim: Case
    let journalPath: String
    let journal: AmicableJournal?

    var history: AmicableHistory { AmicableHistory(case: claim, journal: journal) }
    var folder: String { (path as NSString).deletingLastPathComponent }

    static func load(path: String) throws -> AmicableCase {
        let loaded = try CaseFileReader.load(path: path)
        return AmicableCase(
            path: path, claim: loaded.value, journalPath: AmicableJournal.path(forCase: path),
            journal: try AmicableJournal.read(forCase: path))
    }

    /// CASE or DIR: a case file, or every case file (`.yaml`, `.yml`, `.json`, journals aside) under a
    /// folder, sorted by path.
    static func paths(_ input: String) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else {
            throw AmicableError(file: input, "fichier ou dossier introuvable")
        }
        guard isFolder.boolValue else { return [input] }
        var found: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: input)
        while let relative = enumerator?.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            let ext = (name as NSString).pathExtension.lowercased()
            guard ["yaml", "yml", "json"].contains(ext), !name.hasSuffix(".reminders.yaml"), !name.hasPrefix(".") else {
                continue
            }
            found.append((input as NSString).appendingPathComponent(relative))
        }
        guard !found.isEmpty else { throw AmicableError(file: input, "aucun dossier (.yaml, .json) dans ce dossier") }
        return found.sorted()
    }

    /// Loads many cases on every core; the first bad file, in path order, is reported.
    static func loadAll(_ paths: [String]) throws -> [AmicableCase] {
        let results = UnsafeResults<AmicableCase>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            results.set(index, Result(catching: { try AmicableCase.load(path: paths[index]) }))
        }
        return try results.values().map { try $0.get() }
    }

    /// Appends `entry` to the journal, written whole to a temporary file then renamed (never half-written).
    func record(_ entry: AmicableJournal.Entry, profile: String?) throws {
        try AtomicFile.write(journalData(adding: entry, profile: profile), to: journalPath)
    }

    /// The journal's bytes with `entry` appended.
    func journalData(adding entry: AmicableJournal.Entry, profile: String?) -> Data {
        var journal = self.journal ?? AmicableJournal(caseFile: (path as NSString).lastPathComponent)
        journal.entries.append(entry)
        if let profile { journal.profile = profile }
        return Data(journal.yaml().utf8)
    }
}

/// One slot per index, written from concurrent iterations (each index once), read after they end.
final class UnsafeResults<T>: @unchecked Sendable {
    private var slots: [Result<T, Error>?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Result<T, Error>) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }
    func values() -> [Result<T, Error>] { slots.map { $0! } }
}

/// A file written under a temporary name beside its place, not yet renamed over it.
struct StagedFile {
    let temporary: URL
    let target: URL
    /// The folder made for it (`relances/`), removed by `discard` when left empty.
    var createdFolder: URL? = nil

    /// Renames it into place.
    func commit() throws {
        // rename(2) replaces an existing file atomically. (FileManager.replaceItemAt, used before,
        // failed on Linux when the target existed, and removed it: a second `remind --record` lost the journal.)
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw AmicableError(file: target.path, "écriture impossible (\(reason))")
        }
    }

    /// Removes the temporary file, and the folder made for it when nothing else is in it.
    func discard() {
        try? FileManager.default.removeItem(at: temporary)
        if let folder = createdFolder,
            (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true
        {
            try? FileManager.default.removeItem(at: folder)
        }
    }
}

enum AtomicFile {
    /// Writes `data` under a temporary name beside `path` (its folder created when absent).
    static func stage(_ data: Data, to path: String) throws -> StagedFile {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        let folder = url.deletingLastPathComponent()
        let created = FileManager.default.fileExists(atPath: folder.path) ? nil : folder
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw AmicableError(file: path, "écriture impossible (\(error.localizedDescription))")
        }
        return StagedFile(temporary: temporary, target: url, createdFolder: created)
    }

    /// Writes `data` beside `path` then renames it over `path`.
    static func write(_ data: Data, to path: String) throws {
        try stage(data, to: path).commit()
    }
}

/// The as-of day: --as-of, else the case's as_of, else today (read here, at the edge).
func amicableDay(_ option: Day?, _ claim: Case) -> Day {
    option ?? claim.asOf ?? Today.day()
}
