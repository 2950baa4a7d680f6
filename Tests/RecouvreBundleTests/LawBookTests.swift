import Foundation
import RecouvreBundle
import RecouvreCaseFile
import RecouvreForms
import RecouvreLaw
import RecouvreModel
import RecouvreTestSupport
import Testing

/// The law book (issue "One pipeline, loaded once"): every `forms/` file read once, by the loader
/// alone, and checked as strictly as a case file.
@Suite("The law book")
struct LawBookTests {
    @Test("one process builds the dossier of every fixture with each forms/ file read exactly once")
    func readsEachFileOnce() throws {
        let log = FormsReadLog()
        let book = try LawBook.load(forms: Forms(shipped: TestPaths.forms, log: log))
        let afterLoad = log.reads
        let pipeline = DossierPipeline(book: book, tool: "recouvre 0.1.0")
        for name in TestPaths.validFixtureNames {
            let loaded = try CaseFileReader.load(path: TestPaths.fixture(name).appendingPathComponent("case.yaml").path)
            let dossier = try pipeline.assemble(
                loaded.value, exhibits: FolderExhibitSource(folder: loaded.folder), asOf: loaded.value.asOf!,
                force: true)
            #expect(!dossier.files.isEmpty)
            _ = try pipeline.statement(for: loaded.value, asOf: loaded.value.asOf!)
            _ = try pipeline.route(for: loaded.value, asOf: loaded.value.asOf!)
        }
        // Nothing read after the load, and nothing read twice during it.
        #expect(log.reads == afterLoad)
        #expect(
            log.reads.filter { $0.value != 1 }.isEmpty, "read more than once: \(log.reads.filter { $0.value != 1 })")
        for file in LawBook.fixedFiles { #expect(log.reads[file] == 1, "\(file) not read") }
        #expect(log.reads.keys.contains { $0.hasPrefix("templates/") && $0.hasSuffix(".mustache") })
        #expect(log.reads.keys.contains { $0.hasPrefix("cerfa/") })
        // The PDF layout and the amicable ladders are the loader's too: read with the book, once.
        for file in ["pdf/document.typ", "pdf/letterhead.typ", "pdf/style.typ", "ladders/default.yaml"] {
            #expect(log.reads[file] == 1, "\(file) not read by the loader")
        }
        #expect(book.pdfLayout["document.typ"] != nil)
        #expect(book.amicable.ladder.steps.count > 1)
        #expect(log.reads.keys.contains { $0.hasPrefix("messages/") })
        #expect(log.reads.keys.contains { $0.hasPrefix("templates/relance-") })
    }

    /// A copy of the shipped forms/ (its rates pinned, TestPaths.pinnedForms) with one file replaced.
    static func override(_ path: String, _ edit: (String) -> String) throws -> (Forms, URL) {
        let folder = try TestPaths.temporaryFolder("law-book")
        let target = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = try String(contentsOf: TestPaths.pinnedForms.appendingPathComponent(path), encoding: .utf8)
        try edit(text).write(to: target, atomically: true, encoding: .utf8)
        return (Forms(shipped: TestPaths.pinnedForms, override: folder), folder)
    }

    static func loadError(_ path: String, _ edit: @escaping (String) -> String) throws -> String {
        let (forms, folder) = try override(path, edit)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try LawBook.load(forms: forms)
            return ""
        } catch {
            return "\(error)"
        }
    }

    @Test("a misspelt `unverified` flag is an error, not a silent false")
    func misspeltFlag() throws {
        let message = try Self.loadError("rates/legal-autres-cas.yaml") {
            $0.replacingOccurrences(of: "unverified: true", with: "unverfied: true")
        }
        #expect(message.contains("rates/legal-autres-cas.yaml"))
        #expect(message.contains("unverfied: clé inconnue"))
    }

    @Test("a flag that is not true or false is an error")
    func flagValue() throws {
        let message = try Self.loadError("rates/legal-autres-cas.yaml") {
            $0.replacingOccurrences(of: "unverified: true", with: "unverified: oui")
        }
        #expect(message.contains("« oui » n'est pas true ou false"))
    }

    @Test("two ECB rows on the same day are refused (they gave a 109 % penalty rate)")
    func duplicateRow() throws {
        let message = try Self.loadError("rates/ecb-mro.yaml") {
            $0.replacingOccurrences(
                of: "  - { from: 2026-09-16, rate: \"2.65\"",
                with:
                    "  - { from: 2026-09-16, rate: \"99.00\", source: \"typo\" }\n  - { from: 2026-09-16, rate: \"2.65\""
            )
        }
        #expect(message.contains("rates/ecb-mro.yaml"))
        #expect(message.contains("hors de la plage plausible") || message.contains("ne suit pas"))
    }

    @Test("rows out of order or overlapping are refused")
    func unsorted() throws {
        let message = try Self.loadError("rates/ecb-mro.yaml") {
            $0.replacingOccurrences(of: "from: 2026-09-16", with: "from: 2020-09-16")
        }
        #expect(message.contains("values[") && message.contains("ne suit pas"))
        let overlap = try Self.loadError("rates/legal-autres-cas.yaml") {
            $0.replacingOccurrences(
                of: "{ from: 2026-01-01, to: 2026-06-30", with: "{ from: 2026-01-01, to: 2026-07-30")
        }
        #expect(overlap.contains("overlaps"))
    }

    @Test("a rate outside a plausible range is refused")
    func absurdRate() throws {
        let message = try Self.loadError("rates/ecb-mro.yaml") {
            $0.replacingOccurrences(
                of:
                    "rate: \"2.65\", source: \"ECB MRO, effective 2026-09-16 (ECB monetary policy decision of 10 September 2026)\"",
                with: "rate: \"265\", source: \"x\"")
        }
        #expect(message.contains("265 % est hors de la plage plausible"))
    }

    @Test("unknown keys in a rate file are refused")
    func unknownKey() throws {
        let message = try Self.loadError("rates/prescription.yaml") {
            $0.replacingOccurrences(of: "warn_days: 90", with: "warn_days: 90\nwarn_day: 30")
        }
        #expect(message.contains("warn_day: clé inconnue"))
    }

    @Test("explicit YAML tags are refused in forms/ files")
    func tags() throws {
        let tag = try Self.loadError("rates/prescription.yaml") {
            $0.replacingOccurrences(of: "warn_days: 90", with: "warn_days: !!binary aGVsbG8=")
        }
        #expect(tag.contains("étiquette YAML"))
    }

    @Test("document settings are bounded: a formal notice time of 9 223 372 036 854 775 807 days is refused")
    func settingsBounds() throws {
        let message = try Self.loadError("templates/settings.yaml") {
            $0.replacingOccurrences(of: "b2b: 8", with: "b2b: 9223372036854775807")
        }
        #expect(message.contains("formal_notice_days.b2b"))
        #expect(message.contains("1–90"))
    }

    @Test("a template that is not valid Mustache is refused when the book is loaded")
    func badTemplate() throws {
        let message = try Self.loadError("templates/mise-en-demeure.mustache") { $0 + "\n{{#open}}never closed\n" }
        #expect(message.contains("templates/mise-en-demeure.mustache"))
    }

    @Test("the statutory parameters answer only up to the day they were checked through")
    func statutoryBounded() throws {
        let statutory = ShippedBook.book.rates.statutory
        #expect(throws: RateTableError.self) {
            _ = try statutory.value(.flatFeeB2B, on: statutory.checkedThrough.adding(days: 1))
        }
        #expect(try statutory.value(.flatFeeB2B, on: statutory.checkedThrough).value == 40)
    }

    @Test("a forms XSD that does not parse is reported as a bad forms file")
    func badSchema() throws {
        let message = try Self.loadError("schemas/dossier.xsd") { String($0.prefix(200)) }
        #expect(message.contains("forms/schemas/dossier.xsd"))
    }

    @Test("a forms/ file that is a link, a folder or larger than 16 MiB is refused; a regular file is read")
    func formsFileKinds() throws {
        let folder = try TestPaths.temporaryFolder("forms-kinds")
        defer { try? FileManager.default.removeItem(at: folder) }
        let rates = folder.appendingPathComponent("rates")
        try FileManager.default.createDirectory(at: rates, withIntermediateDirectories: true)
        let forms = Forms(shipped: TestPaths.pinnedForms, override: folder)
        func message(_ path: String) -> String? {
            do {
                _ = try forms.data(path)
                return nil
            } catch { return "\(error)" }
        }
        // A link to the shipped file: refused, though its target is a readable regular file.
        try FileManager.default.createSymbolicLink(
            at: rates.appendingPathComponent("ecb-mro.yaml"),
            withDestinationURL: TestPaths.pinnedForms.appendingPathComponent("rates/ecb-mro.yaml"))
        #expect(message("rates/ecb-mro.yaml")?.contains("n'est pas un fichier ordinaire") == true)
        // A folder where a file is expected.
        try FileManager.default.createDirectory(
            at: rates.appendingPathComponent("statutory.yaml"), withIntermediateDirectories: true)
        #expect(message("rates/statutory.yaml")?.contains("n'est pas un fichier ordinaire") == true)
        // 16 MiB + 1 byte (sparse: nothing to read, the size alone refuses it).
        let large = rates.appendingPathComponent("prescription.yaml")
        #expect(FileManager.default.createFile(atPath: large.path, contents: nil))
        let handle = try FileHandle(forWritingTo: large)
        try handle.truncate(atOffset: UInt64(Forms.maximumFileBytes + 1))
        try handle.close()
        let tooLarge = message("rates/prescription.yaml")
        #expect(tooLarge?.contains("\(Forms.maximumFileBytes + 1) octets") == true, "\(tooLarge ?? "read")")
        // Exactly at the limit is still a file to read (here its bytes are zeros: read, not parsed).
        let again = try FileHandle(forWritingTo: large)
        try again.truncate(atOffset: UInt64(Forms.maximumFileBytes))
        try again.close()
        #expect(try forms.data("rates/prescription.yaml").count == Forms.maximumFileBytes)
        // The shipped regular file, not overridden: its bytes.
        let shipped = try Data(contentsOf: TestPaths.pinnedForms.appendingPathComponent("rates/legal-particulier.yaml"))
        #expect(try forms.data("rates/legal-particulier.yaml") == shipped)
    }
}
