import Foundation
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreCaseFile
@testable import RecouvreImport

/// The import's all-or-nothing writer (staging folder, one syncfs, rename) and the fast paths the
/// 100,000-line measurements rely on, each checked against the slow path it replaces.
@Suite("Import writer and fast paths")
struct ImportWriteTests {
    static func listing(_ folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return (walker.allObjects as? [String] ?? []).sorted()
    }

    static let files: [(String, Data)] = [
        ("552100554.yaml", Data("version: 1\n".utf8)), ("C000002.yaml", Data("a\n".utf8)),
        ("pieces/facture.pdf", Data("%PDF-1.7\n".utf8)),
    ]

    @Test("A new --out folder: everything appears at once (one rename), nothing staged is left beside it")
    func newFolder() throws {
        let parent = try TestPaths.temporaryFolder("import-write-new")
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("a/b/dossiers")
        let written = try ImportFolder.writeFiles(Self.files, to: out, force: false, protect: [])
        #expect(written.count == 3)
        #expect(Self.listing(out) == ["552100554.yaml", "C000002.yaml", "pieces", "pieces/facture.pdf"])
        #expect(try Data(contentsOf: out.appendingPathComponent("pieces/facture.pdf")) == Self.files[2].1)
        // No staging folder left in the parent.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path) == ["dossiers"])
    }

    @Test("An existing folder keeps its other files; an identical re-run is fine; other contents need --force")
    func existingFolder() throws {
        let out = try TestPaths.temporaryFolder("import-write-existing")
        defer { try? FileManager.default.removeItem(at: out) }
        try Data("mine".utf8).write(to: out.appendingPathComponent("notes.txt"))
        try ImportFolder.writeFiles(Self.files, to: out, force: false, protect: [])
        #expect(
            Self.listing(out) == ["552100554.yaml", "C000002.yaml", "notes.txt", "pieces", "pieces/facture.pdf"])
        // The same bytes again: no --force needed.
        try ImportFolder.writeFiles(Self.files, to: out, force: false, protect: [])
        var changed = Self.files
        changed[1].1 = Data("b\n".utf8)
        changed.append(("nouveau.yaml", Data("n\n".utf8)))
        #expect(throws: ImportError.self) { try ImportFolder.writeFiles(changed, to: out, force: false, protect: []) }
        // Refused: nothing written, not even the new file.
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("nouveau.yaml").path))
        #expect(try Data(contentsOf: out.appendingPathComponent("C000002.yaml")) == Data("a\n".utf8))
        try ImportFolder.writeFiles(changed, to: out, force: true, protect: [])
        #expect(try Data(contentsOf: out.appendingPathComponent("C000002.yaml")) == Data("b\n".utf8))
        #expect(!Self.listing(out).contains { $0.hasPrefix(".recouvre-import") })
        // A protected path is never replaced, even with --force.
        #expect(throws: ImportError.self) {
            try ImportFolder.writeFiles(changed, to: out, force: true, protect: ["C000002.yaml"])
        }
        #expect(try Data(contentsOf: out.appendingPathComponent("notes.txt")) == Data("mine".utf8))
    }

    @Test("An --out that is a file, or a path leaving the folder, is refused and nothing is written")
    func refusals() throws {
        let parent = try TestPaths.temporaryFolder("import-write-refused")
        defer { try? FileManager.default.removeItem(at: parent) }
        let file = parent.appendingPathComponent("fichier")
        try Data("x".utf8).write(to: file)
        #expect(throws: ImportError.self) {
            try ImportFolder.writeFiles(Self.files, to: file, force: true, protect: [])
        }
        let out = parent.appendingPathComponent("out")
        for path in ["../evasion.yaml", "/tmp/absolu.yaml", "a//b.yaml", "./a.yaml", ""] {
            #expect(throws: ImportError.self) {
                try ImportFolder.writeFiles(Self.files + [(path, Data())], to: out, force: false, protect: [])
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["fichier"])
    }

    @Test("A ledger of 600 debtors written and read back by the strict case reader gives the same cases")
    func bulkRoundTrip() throws {
        var csv = "N° facture;Date facture;Échéance;Code client;Raison sociale;Montant TTC;Réglé;Libellé\n"
        for line in 0..<1_800 {
            let debtor = line % 600
            let cents = 10_000 + (line * 7_919) % 900_000
            let paid = line % 7 == 0 ? cents / 3 : 0
            csv +=
                "F\(line);\(10 + line % 18)/0\(1 + line % 9)/2025;;C\(debtor);Client \(debtor) SAS;"
                + "\(cents / 100),\(String(format: "%02d", cents % 100));\(paid / 100),\(String(format: "%02d", paid % 100));"
                + "Prestation « \(line) » \u{00A0}\n"
        }
        let result = try CSVLedgerImporter.importLedger(
            Data(csv.utf8), name: "ledger.csv", creditor: try ImportFixtures.creditor())
        #expect(result.cases.count == 600)
        let out = try TestPaths.temporaryFolder("import-write-bulk").appendingPathComponent("dossiers")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        try ImportFolder.write(result, to: out, force: false)
        #expect(Self.listing(out).count == 600)
        for imported in result.cases {
            let loaded = try CaseFileReader.load(path: out.appendingPathComponent(imported.fileName).path)
            #expect(loaded.value == imported.value)
        }
    }

    @Test("CaseFileWriter.amount's fast path gives Decimal.description's text, padded to two decimals")
    func amounts() {
        var samples: [Decimal] = [0, 1, -1, 12.5, Decimal(string: "0.05")!, Decimal(string: "1.500")!]
        samples += [Decimal(string: "1.2345")!, Decimal(string: "-1234567.89")!, Decimal(string: "99999999999999.99")!]
        samples += [Decimal(sign: .plus, exponent: 3, significand: 12), Decimal(string: "0.000001")!]
        samples += [Decimal(string: "123456789012345678901234567890.5")!]
        // A fixed pseudo-random walk (64-bit LCG): the same 2,000 samples every run.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let units = (state >> 20) % 1_000_000_000_000
            let exponent = Int((state >> 8) % 9) - 6
            // A negative zero is not an amount anything produces.
            let negative = units != 0 && state & 1 == 1
            samples.append(
                Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(units)))
        }
        for value in samples {
            #expect(CaseFileWriter.amount(value) == CaseFileWriter.describedAmount(value), "\(value)")
        }
        #expect(CaseFileWriter.fastAmount(Decimal(string: "1642.68")!) == "1642.68")
        #expect(CaseFileWriter.fastAmount(Decimal(string: "-3")!) == "-3.00")
        #expect(CaseFileWriter.fastAmount(Decimal(string: "0.005")!) == "0.005")
        // Notes show Money.plain's text.
        for value in samples.prefix(200) { #expect(ImportAmount.plain(value) == Money.plain(value), "\(value)") }
    }

    @Test("trimmedSpaces removes what trimmingCharacters(in: .whitespaces) removes, and only that")
    func trimming() {
        let texts = [
            "", " ", "\t", "abc", " abc ", "\u{00A0}1 234,56\u{202F}", "\u{3000}x\u{2003}", "\nx\n", " a b ",
            "é ", " ☃", "\u{200B}x", "\u{1680}y\u{205F}", "x\r", "\t\t\u{00A0}",
        ]
        // Every scalar of the BMP (and a few beyond) is a space for both, or for neither.
        for value in Array(0x0001...0xFFFF) + [0x1_F642, 0xE_0020] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            let alone = String(Character(scalar))
            if alone.trimmingCharacters(in: .whitespaces).isEmpty != alone.trimmedSpaces.isEmpty {
                Issue.record("U+\(String(value, radix: 16, uppercase: true)) is treated differently")
            }
            #expect(text.trimmedSpaces == text)
        }
        for text in texts {
            #expect(text.trimmedSpaces == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(
                text[...].trimmedSpaces == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }

    @Test(
        "quoted copies plain texts whole and escapes the rest as before",
        arguments: [
            ("Client 1 SA", "\"Client 1 SA\""), ("Bâtiments Durand", "\"Bâtiments Durand\""),
            ("a\u{0085}b", "\"a\\u0085b\""), ("a\u{2028}b", "\"a\\u2028b\""), ("\u{FEFF}x", "\"\\uFEFFx\""),
            ("tab\there", "\"tab\\there\""), ("☃ 🙂", "\"☃ 🙂\""), ("x\u{7F}", "\"x\\u007F\""),
        ])
    func quoting(text: String, expected: String) {
        #expect(CaseFileWriter.quoted(text) == expected)
    }

    @Test("Case file names: a clean key as it is, anything else cleaned as before")
    func fileNames() {
        #expect(CaseFileName.make("552100554") == "552100554.yaml")
        #expect(CaseFileName.make("C_000-2") == "C_000-2.yaml")
        #expect(CaseFileName.make("a--b") == "a-b.yaml")
        #expect(CaseFileName.make("-x-") == "x.yaml")
        #expect(CaseFileName.make("Société Générale") == "Societe-Generale.yaml")
        #expect(CaseFileName.make(String(repeating: "a", count: 90)) == String(repeating: "a", count: 80) + ".yaml")
    }

    @Test("SIREN and SIRET checks over bytes: the same answers as the Character-based rule")
    func identifiers() {
        #expect(CompanyIdentifier.isValidSiren("552100554"))
        #expect(!CompanyIdentifier.isValidSiren("552100555"))
        #expect(CompanyIdentifier.isValidSiren("356000000"))  // La Poste
        #expect(!CompanyIdentifier.isValidSiren("55210055"))
        #expect(!CompanyIdentifier.isValidSiren("٥٥٢١٠٠٥٥٤"))  // Arabic-Indic digits are not a SIREN
        #expect(CompanyIdentifier.isValidSiret("55210055400013"))
        #expect(!CompanyIdentifier.isValidSiret("55210055400014"))
        #expect(CompanyIdentifier.luhn("79927398713"))
        #expect(!CompanyIdentifier.luhn("79927398710"))
        #expect(PartyDetails.identifiers("552 100 554").siren == "552100554")
        #expect(PartyDetails.identifiers("55210055400013").siren == "552100554")
        #expect(PartyDetails.identifiers("55210055400013").siret == "55210055400013")
    }
}
