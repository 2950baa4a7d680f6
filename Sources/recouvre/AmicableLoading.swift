import Foundation
import RecouvreAmicable
import RecouvreCaseFile
import RecouvreDocuments
import RecouvreForms
import RecouvreLaw
import RecouvreModel

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
        var journal = self.journal ?? AmicableJournal(caseFile: (path as NSString).lastPathComponent)
        journal.entries.append(entry)
        if let profile { journal.profile = profile }
        try AtomicFile.write(Data(journal.yaml().utf8), to: journalPath)
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

enum AtomicFile {
    /// Writes `data` beside `path` then renames it over `path`.
    static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
            if FileManager.default.fileExists(atPath: url.path) {
                _ = try FileManager.default.replaceItemAt(url, withItemAt: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: url)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw AmicableError(file: path, "écriture impossible (\(error.localizedDescription))")
        }
    }
}

/// The as-of day: --as-of, else the case's as_of, else today (read here, at the edge).
func amicableDay(_ option: Day?, _ claim: Case) -> Day {
    option ?? claim.asOf ?? Today.day()
}
