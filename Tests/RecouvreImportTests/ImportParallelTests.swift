import CSV
import Foundation
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreCaseFile
@testable import RecouvreImport

/// The import's work on several threads (`WorkerPool`) gives what one thread gives, byte for byte;
/// and each shortcut the 100,000-line measurements rely on gives what the path it skips gives.
@Suite("Import on several threads")
struct ImportParallelTests {
    /// A deterministic generator (the tests must give the same texts on every run).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// A CSV ledger of `debtors` debtors over `lines` lines: invoices, partial payments (`Réglé`),
    /// payment lines, credit notes, fully paid invoices, a debtor that owes nothing, quoted fields
    /// with `;`, `""` and a line break, blank lines, CRLF, two keys that give the same file name.
    static func ledger(lines: Int, debtors: Int) -> String {
        var text = "N° facture;Date facture;Échéance;Code client;Raison sociale;Type;Montant TTC;Réglé;Libellé\r\n"
        for line in 0..<lines {
            let debtor = line % debtors
            let code = debtor == 1 ? "c/1" : debtor == 2 ? "c:1" : "C\(debtor)"
            let cents = 10_000 + (line * 7_919) % 900_000
            var type = "Facture"
            var amount = "\(cents / 100),\(String(format: "%02d", cents % 100))"
            var paid = line % 5 == 0 ? "\(cents / 300),00" : ""
            if line % 11 == 0 { paid = amount }
            if line % 13 == 0 {
                type = "Avoir"
                amount = "-12,50"
                paid = ""
            } else if line % 17 == 0 {
                type = "Règlement"
                amount = "-30,00"
                paid = ""
            }
            let label = line % 7 == 0 ? "\"Prestation \"\"\(line)\"\" ; suite\nseconde ligne\"" : "Prestation \(line)"
            text +=
                "F\(line);\(10 + line % 18)/0\(1 + line % 9)/2025;;\(code);\"Client \(debtor); SAS\";\(type);\(amount);\(paid);\(label)\r\n"
            if line % 97 == 0 { text += "\r\n" }
        }
        return text
    }

    /// An FEC of `entries` balanced sales entries (two lines each) and some payments, lettered lines.
    static func fec(entries: Int, debtors: Int, unbalanced: Int? = nil) -> String {
        var text =
            "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|"
            + "PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise\n"
        for entry in 0..<entries {
            let debtor = entry % debtors
            let amount = "\(100 + entry % 900),\(String(format: "%02d", entry % 100))"
            let counterpart = entry == unbalanced ? "1,00" : amount
            let day = "2025\(String(format: "%02d", 1 + entry % 12))\(String(format: "%02d", 1 + entry % 28))"
            let lettered = entry % 6 == 0 ? "AA" : ""
            if entry % 9 == 0 {
                text += "BQ|Banque|B\(entry)|\(day)|411000|Clients|C\(debtor)|Client \(debtor)|R\(entry)|\(day)|"
                text += "Règlement F\(entry - 1)|0,00|\(amount)|||\(day)||\n"
                text +=
                    "BQ|Banque|B\(entry)|\(day)|512000|Banque|||R\(entry)|\(day)|Règlement|\(counterpart)|0,00|||\(day)||\n"
            } else {
                text += "VT|Ventes|V\(entry)|\(day)|411000|Clients|C\(debtor)|Client \(debtor)|F\(entry)|\(day)|"
                text += "Prestation \(entry)|\(amount)|0,00|\(lettered)||\(day)||\n"
                text +=
                    "VT|Ventes|V\(entry)|\(day)|706000|Prestations|||F\(entry)|\(day)|Prestation|0,00|\(counterpart)|||\(day)||\n"
            }
        }
        return text
    }

    /// Everything an import gives, as bytes: the notes, each case (value, name, key, locations, notes),
    /// the summary, and the files written.
    static func fingerprint(_ result: ImportResult) -> [String] {
        var out = result.notes.map(\.description) + ["lines \(result.linesRead)"]
        for imported in result.cases {
            out.append("\(imported.fileName) \(imported.debtorKey) \(imported.value)")
            out.append(
                imported.locations.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","))
            out += imported.notes.map(\.description)
        }
        out.append(ImportSummary.text(result, folder: "out"))
        out.append(ImportSummary.json(result, folder: "out"))
        for (path, data) in ImportFolder.files(of: result, workers: 1) {
            out.append(path + "\n" + String(decoding: data, as: UTF8.self))
        }
        return out
    }

    @Test("A CSV ledger read on 2, 3 or 7 threads gives the cases, notes, summary and files of one thread")
    func csvSequentialAndParallel() throws {
        let text = Self.ledger(lines: 3_000, debtors: 700)
        let creditor = try ImportFixtures.creditor()
        let one = try CSVLedgerImporter.importLedger(
            Data(text.utf8), name: "ledger.csv", creditor: creditor, workers: 1)
        #expect(one.cases.count > 600)
        #expect(one.cases.contains { $0.fileName.hasSuffix("-2.yaml") })
        #expect(one.allNotes.contains { $0.kind == .skipped })
        let reference = Self.fingerprint(one)
        for workers in [2, 3, 7] {
            // The text really is cut in that many parts.
            #expect(CSVRecords.boundaries(text, delimiter: ";", parts: workers).parts.count == workers)
            let many = try CSVLedgerImporter.importLedger(
                Data(text.utf8), name: "ledger.csv", creditor: creditor, workers: workers)
            #expect(Self.fingerprint(many) == reference)
            // The summary's total summed in parts: the same text.
            #expect(
                ImportSummary.text(many, folder: "out", workers: workers)
                    == ImportSummary.text(one, folder: "out", workers: 1))
            // And the writer's validation and serialisation on several threads: the same files.
            let prepared = ImportFolder.prepared(many, workers: workers)
            #expect(prepared.problems.isEmpty)
            let files = ImportFolder.files(of: one, workers: 1)
            #expect(files.count == one.cases.count)
            let same = prepared.files.map(\.0) == files.map(\.0) && prepared.files.map(\.1) == files.map(\.1)
            #expect(same, "the files validated and written on \(workers) threads differ from one thread's")
        }
    }

    @Test("A CSV ledger with bad lines: the same 50 first problems, lines and columns on any number of threads")
    func csvProblemsInParallel() throws {
        let text0 = Self.ledger(lines: 2_000, debtors: 300)
        var lines = text0.components(separatedBy: "\r\n")
        // Lines of the second half, then of the whole file, that cannot be read.
        for index in stride(from: 1_500, to: lines.count - 1, by: 11) {
            lines[index] = "X\(index);pas une date;;C1;A;;1,00;;"
        }
        for index in stride(from: 40, to: lines.count - 1, by: 97) { lines[index] = "Y\(index);01/01/2025;;C1;A;;x;;" }
        let text = lines.joined(separator: "\r\n")
        func problems(_ workers: Int) -> [String] {
            do {
                _ = try CSVLedgerImporter.importLedger(
                    Data(text.utf8), name: "ledger.csv", creditor: try ImportFixtures.creditor(), workers: workers)
                return []
            } catch let error as ImportError {
                return error.problems.map(\.description)
            } catch {
                return ["\(error)"]
            }
        }
        let reference = problems(1)
        #expect(reference.count == 50)
        #expect(reference.first?.contains("ledger.csv:") == true)
        for workers in [2, 5] { #expect(problems(workers) == reference) }
    }

    @Test("An FEC read in parts gives what one pass gives; an unbalanced one the same refusal")
    func fecSequentialAndParallel() throws {
        let creditor = try ImportFixtures.creditor()
        let text = Self.fec(entries: 2_500, debtors: 400)
        let one = try FECImporter.importFEC(Data(text.utf8), name: "FEC.txt", creditor: creditor, workers: 1)
        #expect(one.cases.count > 300)
        let reference = Self.fingerprint(one)
        for workers in [2, 4] {
            let many = try FECImporter.importFEC(Data(text.utf8), name: "FEC.txt", creditor: creditor, workers: workers)
            #expect(Self.fingerprint(many) == reference)
        }
        // An entry of the second half that does not balance, and short lines: the same problems.
        var broken = Self.fec(entries: 2_500, debtors: 400, unbalanced: 2_000)
        broken += "VT|Ventes|V9|20250101|411000\n"
        func refusal(_ workers: Int) -> [String] {
            do {
                _ = try FECImporter.importFEC(Data(broken.utf8), name: "FEC.txt", creditor: creditor, workers: workers)
                return []
            } catch {
                return error.problems.map(\.description)
            }
        }
        let problems = refusal(1)
        #expect(problems.count == 2)
        #expect(problems.contains { $0.contains("V2000") && $0.contains("n'est pas équilibrée") })
        #expect(refusal(2) == problems)
    }

    @Test("CSVRecords cuts texts between the records CSV.swift reads, and counts their lines as the importer does")
    func recordBoundaries() throws {
        var generator = Generator(state: 42)
        let pieces = ["a", "é", "€", ";", "\"", "\"\"", "\r", "\n", "\r\n", " ", "x;y", "\";\"", "\"\r\n\""]
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<(1 + generator.next(60)) { text += pieces[generator.next(pieces.count)] }
            // The rows of the whole text, with the line of each as the importer counts them.
            func rows(_ text: String, firstLine: Int) throws -> [([String], Int)] {
                let reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: ";")
                var result: [([String], Int)] = []
                var line = firstLine - 1
                while let row = reader.next() {
                    line += 1
                    result.append((row, line))
                    line += CSVLedgerImporter.newlines(in: row)
                }
                return result
            }
            let whole = try rows(text, firstLine: 1)
            for parts in 1...4 {
                let boundaries = CSVRecords.boundaries(text, delimiter: ";", parts: parts)
                var cut = try rows(CSVRecords.slice(text, 0, boundaries.headerEnd), firstLine: 1)
                #expect(cut.count <= 1)
                var previous = boundaries.headerEnd
                for part in boundaries.parts {
                    #expect(part.start == previous)
                    previous = part.end
                    cut += try rows(CSVRecords.slice(text, part.start, part.end), firstLine: part.line)
                }
                #expect(previous == text.utf8.count || boundaries.parts.isEmpty)
                #expect(cut.map(\.0) == whole.map(\.0), "text \(text.debugDescription), \(parts) parts")
                #expect(cut.map(\.1) == whole.map(\.1), "text \(text.debugDescription), \(parts) parts")
            }
        }
    }

    @Test("CSVRow: the fields, trims, blank lines and line breaks CSV.swift's reader gives, record by record")
    func rowsAsCSVSwiftReadsThem() throws {
        var generator = Generator(state: 1_234)
        for delimiter in [";", "§"] as [Unicode.Scalar] {
            let d = String(delimiter)
            let pieces = [
                "a", "é", "€", d, "\"", "\"\"", "\r", "\n", "\r\n", " ", "\t", "\u{00A0}", "\u{200B}", "x\(d)y",
                "\"\(d)\"", "\"\r\n\"", "12,50", " 31/12/2025 ", d + d, "\u{00A0}x",
            ]
            for _ in 0..<600 {
                var text = ""
                for _ in 0..<(1 + generator.next(40)) { text += pieces[generator.next(pieces.count)] }
                let reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
                var expected: [[String]] = []
                while let row = reader.next() { expected.append(row) }
                var got: [[String]] = []
                var trims: [[String]] = []
                var blanks: [Bool] = []
                var breaks: [Int] = []
                var copy = text
                try copy.withUTF8 { bytes in
                    try CSVRecords.forEachRow(
                        bytes, from: 0, to: bytes.count, separator: Array(d.utf8), delimiter: delimiter
                    ) { row in
                        got.append((0..<row.count).map(row.field))
                        trims.append((0..<row.count).map(row.trimmed))
                        blanks.append(row.isBlank)
                        breaks.append(row.newlines)
                    }
                }
                #expect(got == expected, "text \(text.debugDescription)")
                #expect(trims == expected.map { $0.map(\.trimmedSpaces) }, "text \(text.debugDescription)")
                #expect(
                    blanks == expected.map { $0.allSatisfy { $0.trimmedSpaces.isEmpty } }, "\(text.debugDescription)")
                #expect(breaks == expected.map(CSVLedgerImporter.newlines(in:)), "text \(text.debugDescription)")
            }
        }
    }

    @Test("The FEC's lines and fields found over the bytes: what splitting the UTF-8 at each separator gives")
    func fecLines() {
        var generator = Generator(state: 99)
        let pieces = ["a", "é", "|", "\n", "\r", "\r\n", "\n\n", "411000", "€"]
        var texts = ["", "\n", "a", "a\n", "\na", "a\n\nb\n\n"]
        for _ in 0..<300 {
            texts.append((0..<generator.next(30)).map { _ in pieces[generator.next(pieces.count)] }.joined())
        }
        for text in texts {
            var copy = text
            let expected = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            let got = FECImporter.lines(&copy)
            #expect(got.map { Array($0) } == expected.map { Array($0) }, "\(text.debugDescription)")
            #expect(got.map(\.startIndex) == expected.map(\.startIndex), "\(text.debugDescription)")
            for line in got {
                var slice = line
                if slice.last == UInt8(ascii: "\r") { slice = slice.dropLast() }
                let fields = slice.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false).map {
                    Substring($0)
                }
                #expect(FECImporter.fields(line, separator: UInt8(ascii: "|")) == fields, "\(text.debugDescription)")
            }
        }
    }

    @Test("Dates read over ASCII bytes: what the general path reads, for every form and near-miss")
    func asciiDates() {
        var generator = Generator(state: 7)
        let characters = Array("0123456789/-.T :x")
        var samples = [
            "31/12/2025", "2025-12-31", "20251231", "31-12-25", "31.12.2025", "1/2/2025", " 31/12/2025 ",
            "\t2025-12-31 00:00:00", "2025-12-31T10:00", "31/12-2025", "2025/12-31", "29/02/2025", "29/02/2024",
            "00/01/2025", "", " ", "31/12/2025\u{00A0}", "\u{00A0}31/12/2025", "３1/12/2025", "12/31/2025", "3112202",
        ]
        for _ in 0..<5_000 {
            samples.append(String((0..<(generator.next(13))).map { _ in characters[generator.next(characters.count)] }))
            // Near-dates: a real form with one character changed.
            var form = Array(["31/12/2025", "2025-12-31", "20251231", "31/12/25"][generator.next(4)])
            form[generator.next(form.count)] = characters[generator.next(characters.count)]
            samples.append(String(form))
        }
        for sample in samples {
            #expect(FrenchValues.day(sample) == FrenchValues.generalDay(sample[...]), "\(sample.debugDescription)")
        }
    }

    @Test("The creditor checked once: every case gets the problems a full check gives, at the creditor file")
    func creditorCheckedOnce() throws {
        var defaults = try ImportFixtures.creditor()
        defaults.creditor.siren = "123456789"
        defaults.creditor.email = "pas une adresse"
        defaults.creditor.address.lines.append("ligne\tavec tabulation")
        let text = Self.ledger(lines: 60, debtors: 20)
        let result = try CSVLedgerImporter.importLedger(
            Data(text.utf8), name: "ledger.csv", creditor: defaults, creditorFile: "creancier.yaml")
        let shared = ImportValidator.SharedCreditor(result.cases[0])
        var expected: [ImportProblem] = []
        for imported in result.cases {
            let full = ImportValidator.problems(imported)
            #expect(full.filter { $0.message.hasPrefix("creditor.") }.count == 3)
            #expect(full.allSatisfy { $0.location?.file == "creancier.yaml" || !$0.message.hasPrefix("creditor.") })
            #expect(ImportValidator.problems(imported, creditor: shared) == full)
            expected += full
        }
        #expect(ImportFolder.prepared(result, workers: 2).problems == expected)
        // Another creditor, or another creditor file, is checked in full.
        var other = result.cases[1]
        other.value.creditor.name = "Autre\u{0007}créancier"
        #expect(!shared.applies(to: other))
        #expect(ImportValidator.problems(other, creditor: shared) == ImportValidator.problems(other))
        #expect(ImportValidator.problems(other).contains { $0.message.hasPrefix("creditor.name") })
        var moved = result.cases[1]
        moved.locations["creditor"] = SourceLocation(file: "autre.yaml")
        #expect(!shared.applies(to: moved))
    }

    @Test("WorkerPool.map keeps the order of the indices on any number of threads")
    func workerPoolOrder() {
        for workers in [1, 2, 3, 16] {
            #expect(WorkerPool.map(10_000, workers: workers) { $0 * 3 } == (0..<10_000).map { $0 * 3 })
        }
        #expect(WorkerPool.map(0, workers: 2) { $0 }.isEmpty)
    }
}
