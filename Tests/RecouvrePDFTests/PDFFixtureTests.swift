import Foundation
import RecouvreBundle
import RecouvreDocuments
import RecouvreForms
import RecouvreModel
import RecouvrePDF
import RecouvreTestSupport
import Testing

/// The PDFs of every fixture (`build --pdf`), checked with the tools a user has: qpdf (structure),
/// the XMP (PDF/A-3 B), pdffonts (every font embedded), qpdf's attachments (dossier.xml byte for
/// byte), pdftotext (what the text document says). veraPDF, the reference PDF/A validator, is in
/// neither Debian nor PyPI: docs/pdf.md says what these checks do not cover.
@Suite(
    "PDF/A-3b documents of the fixtures", .serialized,
    .enabled(if: PDFTools.available, "needs typst (pip), qpdf and poppler-utils (apt)"))
struct PDFFixtureTests {
    static let fixtures = TestPaths.validFixtureNames
    static let forms = Forms(shipped: TestPaths.forms)
    /// One worker for the whole suite, as in a batch.
    static let pdf: BundlePDF? = try? PDFRenderer.bundlePDF(forms: forms, only: false)
    static let pipeline = DossierPipeline(book: try! LawBook.load(forms: forms), tool: "recouvre 0.1.0")

    static func build(_ fixture: String, to target: URL, pdf: BundlePDF?) throws -> BuildResult {
        try pipeline.build(
            casePath: TestPaths.fixture(fixture).appendingPathComponent("case.yaml").path, out: target.path,
            asOf: nil, today: Day(iso: "2026-11-23")!, force: fixture == "notice-pending", pdf: pdf)
    }

    @Test("each PDF is sound, PDF/A-3 B, has its fonts embedded, and says what its text says", arguments: fixtures)
    func fixturePDFs(fixture: String) throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("dossier")
        let result = try Self.build(fixture, to: target, pdf: try #require(Self.pdf))
        let texts = result.manifest.files.map(\.path).filter {
            $0.hasSuffix(".txt") && !$0.hasPrefix("pieces/") && $0 != "notes.txt"  // notes.txt: not a document
        }
        #expect(!texts.isEmpty)
        let dossierXML = try Data(contentsOf: target.appendingPathComponent("dossier.xml"))
        for textName in texts {
            let pdfName = PDFRenderer.pdfName(textName)
            #expect(result.manifest.files.contains { $0.path == pdfName }, "\(pdfName) is in the manifest")
            let pdf = target.appendingPathComponent(pdfName)
            let check = try PDFTools.run("qpdf", ["--check", pdf.path])
            #expect(check.status == 0, "\(pdfName): qpdf --check: \(check.output)")

            let qdf = try PDFTools.uncompressed(pdf)
            #expect(qdf.contains("<pdfaid:part>3</pdfaid:part>"), "\(pdfName): XMP part 3")
            #expect(qdf.contains("<pdfaid:conformance>B</pdfaid:conformance>"), "\(pdfName): XMP conformance B")

            let fonts = try PDFTools.run("pdffonts", [pdf.path]).output.split(separator: "\n").dropFirst(2)
            #expect(!fonts.isEmpty, "\(pdfName) has fonts")
            for font in fonts {
                // name type encoding emb sub uni object ID: `emb` is the 4th column from the end but 3.
                let columns = font.split(separator: " ", omittingEmptySubsequences: true)
                #expect(columns.count >= 7 && columns[columns.count - 5] == "yes", "\(pdfName): not embedded: \(font)")
            }

            let text = try String(contentsOf: target.appendingPathComponent(textName), encoding: .utf8)
            let extracted = PDFTools.words(try PDFTools.run("pdftotext", ["-enc", "UTF-8", pdf.path, "-"]).output)
            let parties = [result.manifest.creditor?.name, result.manifest.debtor?.name].compactMap { $0 }.filter {
                text.contains($0)
            }
            for mention in PDFTools.mentions(of: text) + parties {
                #expect(extracted.contains(PDFTools.words(mention)), "\(pdfName) lacks « \(mention) »")
            }

            let attachments = try PDFTools.run("qpdf", ["--list-attachments", pdf.path]).output
            let kind = try #require(
                DocumentKind.allCases.first {
                    textName.contains($0.rawValue) || (textName.contains("formulaire-a") && $0 == .formulaireEuropeen)
                })
            if PDFRenderer.carriesDossier(kind) {
                let attached = try PDFTools.runData("qpdf", ["--show-attachment=dossier.xml", pdf.path])
                #expect(attached == dossierXML, "\(pdfName): the attached dossier.xml is the bundle's, byte for byte")
                #expect(qdf.contains("/AFRelationship /Data"), "\(pdfName): dossier.xml is associated data")
                #expect(qdf.contains("/AF ["), "\(pdfName): /AF array")
            } else if kind == .releveDeCompte {
                #expect(attachments.contains("releve-de-compte.json"), "\(pdfName): the statement JSON")
                #expect(qdf.contains("/AFRelationship /Source"))
            } else {
                #expect(!attachments.contains("dossier.xml"), "\(pdfName) carries no dossier.xml")
            }
        }
        // The requête of a dossier that seizes someone carries dossier.xml.
        if texts.contains(where: {
            $0.contains("requete") || $0.contains("formulaire") || $0.contains("memoire") || $0.contains("declaration")
        }) {
            #expect(texts.contains { PDFRenderer.carriesDossier(kindOf($0)) })
        }
    }

    func kindOf(_ name: String) -> DocumentKind {
        DocumentKind.allCases.first { name.contains($0.rawValue) } ?? .formulaireEuropeen
    }

    @Test(
        "two builds give the same PDF bytes, and the text files keep theirs",
        arguments: ["b2b-lyon-dijon", "public-body-rennes"])
    func deterministic(fixture: String) throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try Self.build(fixture, to: dir.appendingPathComponent("a"), pdf: try #require(Self.pdf))
        let second = try Self.build(fixture, to: dir.appendingPathComponent("b"), pdf: try #require(Self.pdf))
        let plain = try Self.build(fixture, to: dir.appendingPathComponent("c"), pdf: nil)
        #expect(first.manifest.files == second.manifest.files)
        for file in plain.manifest.files {
            #expect(first.manifest.files.contains(file), "\(file.path) keeps its bytes with --pdf")
        }
        #expect(
            first.manifest.files.count == plain.manifest.files.count
                + plain.manifest.files.filter {
                    $0.path.hasSuffix(".txt") && !$0.path.hasPrefix("pieces/") && $0.path != "notes.txt"
                }.count)
    }

    @Test("--pdf-only writes the PDFs without the text documents; the bordereau names the PDFs")
    func pdfOnly() throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let only = BundlePDF(only: true, render: try #require(Self.pdf).render)
        let result = try Self.build("b2b-lyon-dijon", to: dir.appendingPathComponent("d"), pdf: only)
        let paths = result.manifest.files.map(\.path)
        // The court stage (a notice is recorded): the relevé is the dossier's own pièce; notes.txt is no document.
        #expect(!paths.contains { $0.hasSuffix(".txt") && !$0.hasPrefix("pieces/") && $0 != "notes.txt" })
        #expect(paths.contains("01-releve-de-compte.pdf") && paths.contains("dossier.xml"))
        let bordereau = try PDFTools.run(
            "pdftotext", ["-enc", "UTF-8", dir.appendingPathComponent("d/03-bordereau-de-pieces.pdf").path, "-"]
        ).output
        #expect(bordereau.contains("01-releve-de-compte.pdf") && !bordereau.contains("01-releve-de-compte.txt"))
    }

    @Test(
        "the mémoire and the déclaration filed by a firm: its letterhead, box and signature in the PDF, still PDF/A-3 B",
        arguments: [
            ("public-body-rennes", "02-memoire-en-reclamation"),
            ("collective-proceedings", "02-declaration-de-creance"),
        ])
    func firmLetters(fixture: String, document: String) throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("dossier")
        let firm = Firm(
            kind: .avocat, name: "Cabinet Roux Avocats", barreau: "Lyon",
            address: Address(lines: ["8 quai Saint-Vincent"], postcode: "69001", city: "Lyon"),
            reference: "RX-2026-311", signatory: "Maître Jeanne Roux")
        let result = try Self.pipeline.build(
            casePath: TestPaths.fixture(fixture).appendingPathComponent("case.yaml").path, out: target.path,
            asOf: nil, today: Day(iso: "2026-11-23")!, force: false, pdf: try #require(Self.pdf),
            options: DossierOptions(stage: .court, firm: firm))
        let pdf = target.appendingPathComponent(document + ".pdf")
        #expect(try PDFTools.run("qpdf", ["--check", pdf.path]).status == 0)
        #expect(try PDFTools.uncompressed(pdf).contains("<pdfaid:conformance>B</pdfaid:conformance>"))
        let extracted = PDFTools.words(try PDFTools.run("pdftotext", ["-enc", "UTF-8", pdf.path, "-"]).output)
        let creditor = try #require(result.manifest.creditor?.name)
        for mention in [
            "Cabinet Roux Avocats", "avocat au barreau de Lyon", "Pour le compte de", "par son mandataire",
            "Référence du mandataire", "Pour \(creditor), par Cabinet Roux Avocats, Maître Jeanne Roux",
        ] {
            #expect(extracted.contains(PDFTools.words(mention)), "\(document).pdf lacks « \(mention) »")
        }
        let attached = try PDFTools.runData("qpdf", ["--show-attachment=dossier.xml", pdf.path])
        #expect(attached == (try Data(contentsOf: target.appendingPathComponent("dossier.xml"))))
    }

    @Test("a firm's override of forms/pdf/ puts its logo on the letters")
    func firmLogo() throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let override = dir.appendingPathComponent("firm/pdf")
        try FileManager.default.createDirectory(at: override, withIntermediateDirectories: true)
        // A logo: a page of a PDF the shipped layout makes, as a small PNG (pdftoppm).
        let plain = try PDFRenderer(layout: PDFLayout.load(forms: Forms(shipped: TestPaths.forms)))
        let page = try plain.render(
            DocumentContent(blocks: [.heading("CABINET")]),
            info: PDFDocumentInfo(
                kind: "k", title: "Logo", reference: "L", author: "A", date: .init(iso: "2026-01-01")!))
        try page.write(to: dir.appendingPathComponent("page.pdf"))
        _ = try PDFTools.run(
            "pdftoppm",
            [
                "-png", "-r", "10", "-singlefile", dir.appendingPathComponent("page.pdf").path,
                override.appendingPathComponent("logo").path,
            ])
        #expect(FileManager.default.fileExists(atPath: override.appendingPathComponent("logo.png").path))
        let forms = Forms(shipped: TestPaths.forms, override: dir.appendingPathComponent("firm"))
        let layout = try PDFLayout.load(forms: forms)
        #expect(layout.logo == "logo.png")
        let renderer = try PDFRenderer(layout: layout)
        let content = DocumentContent(blocks: [
            .sender(lines: ["Cabinet Exemple"]), .paragraph([.init(text: "Objet : essai")]),
        ])
        let pdf = try renderer.render(
            content,
            info: PDFDocumentInfo(
                kind: "mise-en-demeure", title: "Essai", reference: "X", author: "A", date: .init(iso: "2026-11-23")!))
        let file = dir.appendingPathComponent("logo.pdf")
        try pdf.write(to: file)
        let images = try PDFTools.run("pdfimages", ["-list", file.path]).output
        #expect(images.split(separator: "\n").count >= 3, "one image listed: \(images)")
    }
}

@Suite("PDF renderer without its engine, and French typography")
struct PDFRendererUnitTests {
    @Test("without Python the message says what to install")
    func noPython() {
        #expect {
            try PDFRenderer(layout: PDFLayout(files: ["document.typ": Data()]), python: "/nonexistent/python3")
        } throws: { error in
            guard let error = error as? PDFError else { return false }
            return error.kind == .engineMissing
                && error.message.contains("pip install typst==\(PDFRenderer.typstVersion)")
                && error.exitCode == 2
        }
    }

    /// Debian's own python3 has no typst package (pip installs it for the user's python3).
    static let pythonWithoutTypst: String? = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"),
            (try? PDFTools.run("/usr/bin/python3", ["-c", "import typst"]).status) != 0
        else { return nil }
        return "/usr/bin/python3"
    }()

    @Test("a Python without the typst package: the message names the package", .enabled(if: pythonWithoutTypst != nil))
    func noTypst() throws {
        #expect {
            try PDFRenderer(layout: PDFLayout(files: ["document.typ": Data()]), python: Self.pythonWithoutTypst!)
        } throws: { error in
            guard let error = error as? PDFError else { return false }
            return error.kind == .engineMissing && error.message.contains("le paquet Python typst manque")
        }
    }

    @Test("non-breaking spaces before the colon and inside guillemets, narrow ones before ; ! ?")
    func typography() {
        #expect(FrenchTypography.pdf("Objet : essai") == "Objet\u{00A0}: essai")
        #expect(
            FrenchTypography.pdf("« oui » ; non ! quoi ?")
                == "«\u{00A0}oui\u{00A0}»\u{202F}; non\u{202F}! quoi\u{202F}?")
        #expect(FrenchTypography.pdf("https://example.fr") == "https://example.fr")
        #expect(FrenchTypography.pdf("sans ponctuation") == "sans ponctuation")
    }

    @Test("the document JSON carries the blocks, the date and the attachments in a fixed order")
    func json() {
        let json = PDFDocumentJSON.json(
            DocumentContent(blocks: [.table(.init(rows: [.init(cells: ["Total", "1 €"], isTotal: true)]))]),
            info: PDFDocumentInfo(kind: "k", title: "T", reference: "R", author: "A", date: .init(iso: "2026-01-02")!),
            attachments: [
                PDFAttachment(
                    name: "a.xml", text: "<a/>", mimeType: "application/xml", relationship: .data, description: "d")
            ],
            logo: nil)
        #expect(json.contains(#""date": "2026-01-02""#))
        #expect(json.contains(#""relationship": "data""#))
        #expect(json.contains(#""total": 1"#))
        #expect(json.range(of: "\"kind\"")!.lowerBound < json.range(of: "\"blocks\"")!.lowerBound)
    }
}

/// The command-line tools the checks use.
enum PDFTools {
    static let available: Bool = {
        guard ["qpdf", "pdffonts", "pdftotext", "pdfimages"].allSatisfy({ (try? run("which", [$0]).status) == 0 })
        else { return false }
        return (try? PDFRenderer(layout: PDFLayout.load(forms: Forms(shipped: TestPaths.forms)))) != nil
    }()

    static func runData(_ tool: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        _ = ChildExit.status(process)
        return data
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let processStatus = ChildExit.status(process)
        return (processStatus, String(decoding: data, as: UTF8.self))
    }

    /// The PDF with its streams uncompressed (qpdf's QDF form), as Latin-1 text for searching.
    static func uncompressed(_ pdf: URL) throws -> String {
        let out = pdf.deletingPathExtension().appendingPathExtension("qdf")
        _ = try run("qpdf", ["--qdf", "--object-streams=disable", pdf.path, out.path])
        defer { try? FileManager.default.removeItem(at: out) }
        return String(decoding: try Data(contentsOf: out), as: UTF8.self)
    }

    /// Words separated by single spaces: no-break spaces, line breaks and runs of spaces are one
    /// space; the PDF's en dash list marker is the text's hyphen.
    static func words(_ text: String) -> String {
        var out = ""
        var space = false
        for character in text {
            if character.isWhitespace || character == "\u{00A0}" || character == "\u{202F}" {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" ") }
            space = false
            out.append(character)
        }
        return out
    }

    /// What the PDF must say as the text does: every amount, every article, and the lines naming
    /// the parties and the court (the sender's and addressee's lines, lines with a tribunal).
    static func mentions(of text: String) -> [String] {
        var found: [String] = []
        let patterns = [
            #"\d{1,3}(?:[  ]\d{3})*,\d{2}[  ]€"#,  // amounts
            #"articles? [LRD]?\d+(?:-\d+)*(?: [IVX]+)?"#,  // legal mentions
            #"[LRD]\d{3,4}-\d+(?:-\d+)?"#,
            #"(?:Tribunal|tribunal) (?:de |d'|des |judiciaire|administratif)[\p{L}' -]*\p{L}"#,  // the court
            #"SIREN [0-9  ]{11}"#,  // the parties' identity
        ]
        for pattern in patterns {
            let regex = try! NSRegularExpression(pattern: pattern)
            let range = NSRange(text.startIndex..., in: text)
            for match in regex.matches(in: text, range: range) {
                if let r = Range(match.range, in: text) { found.append(String(text[r])) }
            }
        }
        return found
    }
}
