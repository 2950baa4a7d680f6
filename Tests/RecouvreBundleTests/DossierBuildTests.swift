import Foundation
import RecouvreBundle
import RecouvreDocuments
import RecouvreForms
import RecouvreModel
import RecouvreRoute
import RecouvreTestSupport
import Testing

/// The whole pipeline on the fixtures: every document and dossier.xml against golden files
/// (`Golden/fixtures/<fixture>/<file>`, regenerate with `RECOUVRE_UPDATE_GOLDEN=1 swift test`),
/// every XML validated, determinism and atomicity of real builds.
@Suite("recouvre build on the fixtures")
struct DossierBuildTests {
    static let fixtures = TestPaths.validFixtureNames
    static let pipeline = DossierPipeline(book: ShippedBook.book, tool: "recouvre 0.1.0")

    static func build(
        _ fixture: String, to target: URL, force: Bool = false, options: DossierOptions = DossierOptions()
    ) throws -> BuildResult {
        try pipeline.build(
            casePath: TestPaths.fixture(fixture).appendingPathComponent("case.yaml").path, out: target.path,
            asOf: nil, today: ShippedBook.fixedToday, force: force, options: options)
    }

    /// The firm profile fixture (docs/firm.md), as the command line reads it.
    static let firm = Firm(
        kind: .avocat, name: "Cabinet Roux Avocats", barreau: "Lyon",
        address: Address(lines: ["8 quai Saint-Vincent"], postcode: "69001", city: "Lyon"),
        phone: "04 78 00 00 00", email: "contact@roux-avocats.fr", reference: "RX-2026-311",
        signatory: "Maître Jeanne Roux")

    /// A golden bundle: a fixture at a stage, with the options of the variant.
    struct Variant: Sendable, CustomStringConvertible {
        var fixture: String
        var folder: String
        var options: DossierOptions
        var force = false
        var description: String { "\(fixture)/\(folder)" }
    }

    /// The notice and the court stage of every fixture (a case whose notice's time has not run is built
    /// with --force), plus a PSPC request, an injonction de payer, a mémoire en réclamation and a
    /// déclaration de créance filed by a firm.
    /// (non-eu-geneva records no notice sent: its court stage is refused, see `courtWithoutNotice`.)
    static let variants: [Variant] =
        fixtures.flatMap { fixture in
            [Variant(fixture: fixture, folder: "notice", options: DossierOptions(stage: .notice))]
                + (fixture == "non-eu-geneva"
                    ? []
                    : [
                        Variant(
                            fixture: fixture, folder: "court", options: DossierOptions(stage: .court),
                            force: fixture == "notice-pending")
                    ])
        } + [
            Variant(
                fixture: "b2b-lyon-dijon", folder: "court-pspc-firm",
                options: DossierOptions(stage: .court, procedure: .pspc, firm: firm)),
            Variant(
                fixture: "b2b-nanterre-tae", folder: "court-firm", options: DossierOptions(stage: .court, firm: firm)),
            // pdf (issue 17): the firm on the mémoire en réclamation and on the déclaration de créance.
            Variant(
                fixture: "public-body-rennes", folder: "court-firm", options: DossierOptions(stage: .court, firm: firm)),
            Variant(
                fixture: "collective-proceedings", folder: "court-firm",
                options: DossierOptions(stage: .court, firm: firm)),
        ]

    @Test("every document, notes.txt and dossier.xml match their golden files", arguments: variants)
    func golden(variant: Variant) throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("dossier")
        let result = try Self.build(variant.fixture, to: target, force: variant.force, options: variant.options)
        for file in result.manifest.files where !file.path.hasPrefix("pieces/") {
            let data = try Data(contentsOf: target.appendingPathComponent(file.path))
            if let diff = Golden.mismatch(
                data, target: "RecouvreBundleTests", name: "fixtures/\(variant.fixture)/\(variant.folder)/\(file.path)")
            {
                Issue.record(Comment(rawValue: diff))
            }
        }
    }

    @Test("every dossier.xml validates against forms/schemas/dossier.xsd", arguments: fixtures)
    func validXML(fixture: String) throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("dossier")
        _ = try Self.build(fixture, to: target, force: fixture == "notice-pending")
        try ShippedBook.book.dossierSchema.validate(
            try Data(contentsOf: target.appendingPathComponent("dossier.xml")), name: "dossier.xml")
        let report = try Self.pipeline.verifier.verify(path: target.path)
        #expect(report.problems == [])
    }

    @Test("building twice gives the same bytes, folder and zip", arguments: ["dossier", "dossier.zip"])
    func deterministic(name: String) throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = dir.appendingPathComponent("1-" + name)
        let second = dir.appendingPathComponent("2-" + name)
        _ = try Self.build("b2b-lyon-dijon", to: first)
        _ = try Self.build("b2b-lyon-dijon", to: second)
        if name.hasSuffix(".zip") {
            #expect(try Data(contentsOf: first) == Data(contentsOf: second))
        } else {
            let a = try FileManager.default.subpathsOfDirectory(atPath: first.path).sorted()
            #expect(a == (try FileManager.default.subpathsOfDirectory(atPath: second.path).sorted()))
            for path in a {
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(
                    atPath: first.appendingPathComponent(path).path,
                    isDirectory: &isDirectory)
                if isDirectory.boolValue { continue }
                #expect(
                    try Data(contentsOf: first.appendingPathComponent(path))
                        == Data(contentsOf: second.appendingPathComponent(path)), "\(path)")
            }
        }
    }

    @Test("the manifest carries the agreed extra keys")
    func manifestKeys() throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("dossier")
        let result = try Self.build("b2b-lyon-dijon", to: target, options: DossierOptions(stage: .notice))
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: target.appendingPathComponent("manifest.json"))) as? [String: Any])
        #expect(json["schema"] as? String == "recouvre.manifest/1")
        #expect(json["as_of"] as? String == "2026-11-23")
        #expect(json["formal_notice"] as? String == "01-mise-en-demeure.txt")
        #expect(json["amount_claimed"] as? String == result.manifest.amountClaimed)
        #expect((json["creditor"] as? [String: Any])?["name"] != nil)
        #expect((json["debtor"] as? [String: Any])?.keys.sorted() == ["name", "siren"])
        let paths = result.manifest.files.map(\.path)
        #expect(paths == paths.sorted())
        #expect(paths.contains("dossier.xml"))
        #expect(paths.contains { $0.hasPrefix("pieces/") })
        #expect(!paths.contains("manifest.json"))
    }
}
