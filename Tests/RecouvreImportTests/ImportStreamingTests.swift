import Foundation
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreCaseFile
@testable import RecouvreImport

/// Session 5's shortcuts, each against the path it replaces: case files streamed from the pool into
/// the staging folder (the files `files(of:)` gives, all or nothing), ledger locations resolved when
/// asked (the table the importer recorded), the creditor's lines made once, the outstanding kept from
/// assembly, and the ASCII paths of a label's citation and of a name's legal form.
@Suite("Import streaming writer and lazy locations")
struct ImportStreamingTests {
    typealias Generator = ImportParallelTests.Generator

    static func ledgers() throws -> [ImportResult] {
        let creditor = try ImportFixtures.creditor()
        return [
            try CSVLedgerImporter.importLedger(
                Data(ImportParallelTests.ledger(lines: 1_500, debtors: 300).utf8), name: "grand-livre.csv",
                creditor: creditor, creditorFile: "creancier.yaml"),
            try FECImporter.importFEC(
                Data(ImportParallelTests.fec(entries: 1_200, debtors: 200).utf8), name: "fec.txt", creditor: creditor,
                creditorFile: "creancier.yaml"),
        ]
    }

    static func folderFiles(_ folder: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            found[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return found
    }

    @Test("Streamed into a new folder on 1, 2 or 3 threads: exactly the files files(of:) gives, nothing beside")
    func streamedFilesAreTheFiles() throws {
        for result in try Self.ledgers() {
            let expected = Dictionary(uniqueKeysWithValues: ImportFolder.files(of: result, workers: 1))
            #expect(expected.count == result.cases.count)
            for workers in [1, 2, 3] {
                let parent = try TestPaths.temporaryFolder("import-stream-\(workers)")
                defer { try? FileManager.default.removeItem(at: parent) }
                let out = parent.appendingPathComponent("dossiers")
                let written = try ImportFolder.write(result, to: out, force: false, workers: workers)
                #expect(written == result.cases.map { out.path + "/" + $0.fileName })
                #expect(try Self.folderFiles(out) == expected)
                #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["dossiers"])
                // An empty existing folder is streamed into too; a re-run into the full one compares first.
                let empty = parent.appendingPathComponent("vide")
                try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: false)
                try ImportFolder.write(result, to: empty, force: false, workers: workers)
                #expect(try Self.folderFiles(empty) == expected)
                try ImportFolder.write(result, to: empty, force: false, workers: workers)
                #expect(try Self.folderFiles(empty) == expected)
            }
        }
    }

    @Test("A file that cannot be created while streaming: an error, the staging folder removed, no --out")
    func failureWhileStreaming() throws {
        var result = try Self.ledgers()[0]
        // Two cases under one name: the second `openat(O_EXCL)` fails, on whichever thread.
        result.cases[result.cases.count - 1].fileName = result.cases[3].fileName
        for workers in [1, 2] {
            let parent = try TestPaths.temporaryFolder("import-stream-failure-\(workers)")
            defer { try? FileManager.default.removeItem(at: parent) }
            let out = parent.appendingPathComponent("dossiers")
            #expect(throws: ImportError.self) {
                try ImportFolder.write(result, to: out, force: false, workers: workers)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == [])
        }
    }

    @Test("A case with a problem: nothing streamed, --out not even created")
    func problemBeforeStreaming() throws {
        var result = try Self.ledgers()[0]
        result.cases[7].value.debtor.email = "pas-un-courriel"
        let parent = try TestPaths.temporaryFolder("import-stream-problem")
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("a/dossiers")
        #expect(throws: ImportError.self) { try ImportFolder.write(result, to: out, force: false) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == [])
    }

    @Test("Ledger locations resolved from a path: what the recorded table says, for its paths and others")
    func lazyLocations() throws {
        var generator = Generator(state: 5)
        for result in try Self.ledgers() {
            for imported in result.cases {
                let locations = try #require(imported.ledgerLocations)
                let table = locations.table()
                #expect(imported.locations == table)
                var paths = Array(table.keys)
                for path in table.keys {
                    // Parents, siblings past the end, and near-misses of every recorded path.
                    paths += [path + ".x", path + "]", "x" + path, String(path.dropLast()), path.uppercased()]
                    if let open = path.firstIndex(of: "[") {
                        let list = path[..<open]
                        paths += [
                            "\(list)[\(100 + generator.next(50))]", "\(list)[0\(generator.next(9))]", "\(list)[]",
                            "\(list)[-1]", "\(list)[1].", String(list),
                        ]
                    }
                }
                paths += ["debtor.address", "debtor.address.street", "creditor.name", "contract", ".", "[0]"]
                for path in paths {
                    #expect(locations.location(at: path) == table[path], "\(path)")
                    #expect(imported.location(at: path) == table[path])
                }
                #expect(
                    imported.creditorLocations()
                        == table.filter { $0.key == "creditor" || $0.key.hasPrefix("creditor.") })
            }
        }
        // Set by hand: the table is the one given.
        var imported = try Self.ledgers()[0].cases[0]
        imported.locations = ["": SourceLocation(file: "a.csv", line: 3)]
        #expect(imported.ledgerLocations == nil)
        #expect(imported.location(at: "") == SourceLocation(file: "a.csv", line: 3))
        #expect(imported.location(at: "invoices[0]") == nil)
    }

    @Test("The creditor's lines made once: the bytes of writing them for each case, any creditor")
    func creditorBlock() throws {
        let result = try Self.ledgers()[0]
        let block = CaseFileWriter.PartyBlock(result.cases[0].value.creditor)
        for imported in result.cases.prefix(40) {
            var value = imported.value
            #expect(
                CaseFileWriter.bytes(value, header: ["x"], creditor: block)
                    == CaseFileWriter.bytes(value, header: ["x"]))
            value.creditor.name = "Autre créancier"
            #expect(CaseFileWriter.bytes(value, creditor: block) == CaseFileWriter.bytes(value))
        }
    }

    @Test("The outstanding kept from assembly is what the case's sums give; a changed case is summed again")
    func knownOutstanding() throws {
        for result in try Self.ledgers() {
            for imported in result.cases {
                #expect(imported.knownOutstanding != nil)
                #expect(
                    imported.outstanding == imported.value.totalInvoiced - imported.value.totalPaid
                        - imported.value.totalCredited)
            }
        }
        var imported = try Self.ledgers()[0].cases[0]
        let before = imported.outstanding
        imported.value.invoices[0].amount += 1
        #expect(imported.knownOutstanding == nil)
        #expect(imported.outstanding == before + 1)
    }

    @Test("A label citing an invoice number: Foundation's contains, ASCII or not")
    func citations() {
        var generator = Generator(state: 11)
        let pieces = ["F", "A", "0", "1", "12", "-", " ", "é", "e\u{301}", "\u{301}", "€", "\r\n", "\t", "a", "FA01"]
        for _ in 0..<20_000 {
            var text = ""
            var part = ""
            for _ in 0..<generator.next(12) { text += pieces[generator.next(pieces.count)] }
            for _ in 0..<(1 + generator.next(4)) { part += pieces[generator.next(pieces.count)] }
            if generator.next(3) == 0, !text.isEmpty {
                // A part taken from the text itself (a citation that is there).
                let bytes = Array(text.utf8)
                let start = generator.next(bytes.count)
                part = String(decoding: bytes[start..<min(bytes.count, start + 1 + generator.next(5))], as: UTF8.self)
            }
            #expect(
                LedgerText.contains(text, part) == text.contains(part),
                "\(text.debugDescription) \(part.debugDescription)")
        }
    }

    @Test("Amounts read in one pass: what the first reading (arrays of digits and separators) gives")
    func amounts() {
        var generator = Generator(state: 17)
        let pieces = [
            "0", "1", "2", "5", "9", "00", "123", ",", ".", "-", "+", "(", ")", " ", "\t", "'", "\u{A0}", "\u{202F}",
            "€",
            "EUR", "x", "1 234", "12,50", "1.234", "0000001234,56", "9999999999",
        ]
        for _ in 0..<50_000 {
            var text = ""
            for _ in 0..<generator.next(8) { text += pieces[generator.next(pieces.count)] }
            #expect(FrenchValues.amount(text[...]) == FrenchValues.generalAmount(text[...]), "\(text.debugDescription)")
            if let value = FrenchValues.amount(text[...]) {
                // The same value, and the same representation (the case file writes it as it is).
                #expect("\(value)" == "\(FrenchValues.generalAmount(text[...])!)")
            }
        }
    }

    @Test("SIREN check over the bytes: CompanyIdentifier.isValidSiren's answer")
    func sirens() {
        var generator = Generator(state: 23)
        var texts = [
            "356000000", "356000001", "552100554", "123456782", "12345678", "1234567890", "55210055x", "５52100554",
        ]
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<9 { text += String(generator.next(10)) }
            texts.append(text)
        }
        for text in texts {
            #expect(PartyDetails.isValidSiren(text) == CompanyIdentifier.isValidSiren(text), "\(text)")
        }
    }

    @Test("The legal form at the end or start of a name: the Character path's answer, ASCII or not")
    func legalForms() {
        var generator = Generator(state: 3)
        let pieces = [
            "SARL", "sas", "Sa", "SASU", "SCI", "SELARL", "EURL", "SNC", "Durand", " ", "-", ".", "&", "É", "é", "ß",
            "1",
            "Bâtiment", "SAS.", "(SAS)", "\t",
        ]
        for _ in 0..<20_000 {
            var name = ""
            for _ in 0..<generator.next(6) { name += pieces[generator.next(pieces.count)] }
            #expect(PartyDetails.legalForm(in: name) == PartyDetails.generalLegalForm(in: name), "\(name)")
        }
    }
}
