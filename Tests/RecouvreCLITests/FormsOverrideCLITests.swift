import Foundation
import RecouvreTestSupport
import Testing

/// `--forms` is honoured by every command, the prescription periods included: a firm's override giving
/// a one-year commercial prescription makes `statement`, `route` and `build` agree.
@Suite("--forms honoured everywhere")
struct FormsOverrideCLITests {
    @Test("a 1-year commercial prescription: statement says it, route warns, build refuses without --force")
    func prescriptionOverride() async throws {
        let folder = try TestPaths.temporaryFolder("forms-override")
        defer { try? FileManager.default.removeItem(at: folder) }
        let rates = folder.appendingPathComponent("forms/rates")
        try FileManager.default.createDirectory(at: rates, withIntermediateDirectories: true)
        let shipped = try String(
            contentsOf: TestPaths.pinnedRates.appendingPathComponent("prescription.yaml"), encoding: .utf8)
        let edited = shipped.replacingOccurrences(
            of: "commercial:        { years: 5, source: \"C. com. L110-4\" }",
            with: "commercial:        { years: 1, source: \"prescription abrégée du cabinet (test)\" }")
        #expect(edited != shipped)
        try edited.write(to: rates.appendingPathComponent("prescription.yaml"), atomically: true, encoding: .utf8)
        let overrideFolder = folder.appendingPathComponent("forms").path
        // b2b-lyon-dijon: FA2025-118 issued 2025-03-31, as of 2026-11-23: one year ran out on 2026-03-31.
        let caseFile = TestPaths.fixture("b2b-lyon-dijon").appendingPathComponent("case.yaml").path

        let statement = try await CLI.run(["statement", caseFile, "--forms", overrideFolder])
        #expect(statement.status == 0)
        #expect(statement.stdout.contains("Prescription acquise"))

        let route = try await CLI.run(["route", caseFile, "--forms", overrideFolder])
        #expect(route.status == 0)
        #expect(route.stdout.contains("Prescription acquise"))

        let out = folder.appendingPathComponent("dossier").path
        let refused = try await CLI.run(["build", caseFile, "--out", out, "--forms", overrideFolder])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Prescription acquise"))
        #expect(!FileManager.default.fileExists(atPath: out))

        let forced = try await CLI.run(["build", caseFile, "--out", out, "--forms", overrideFolder, "--force"])
        #expect(forced.status == 0)
        #expect(forced.stdout.contains("Prescription acquise"))

        // Without the override, the shipped five years: nothing prescribed.
        let shippedRoute = try await CLI.run(["route", caseFile])
        #expect(!shippedRoute.stdout.contains("Prescription acquise"))
    }

    @Test("a copied binary that finds no forms/ says where it looked")
    func noForms() async throws {
        let folder = try TestPaths.temporaryFolder("lonely-binary")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("recouvre")
        try FileManager.default.copyItem(at: TestPaths.binary, to: copy)
        let caseFile = TestPaths.fixture("b2b-lyon-dijon").appendingPathComponent("case.yaml").path
        let process = Process()
        process.executableURL = copy
        process.arguments = ["statement", caseFile]
        var environment = ProcessInfo.processInfo.environment
        environment["RECOUVRE_FORMS"] = nil
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        let processStatus = ChildExit.status(process)
        let stderr = String(decoding: data, as: UTF8.self)
        #expect(processStatus == 1)
        #expect(stderr.contains("introuvable"))
        #expect(stderr.contains(folder.path))
    }

    /// infra (issue 10): the wording moved out of Swift follows a firm's override like the templates: a
    /// month name (forms/messages/calendar.yaml), a document title (documents.yaml), a label of the
    /// relevé `statement` prints (releve.yaml) and a line of `check` (check.yaml).
    @Test("an override of forms/messages/ changes a month name, a document title and the statement's labels")
    func wordingOverride() async throws {
        let folder = try TestPaths.temporaryFolder("wording-override")
        defer { try? FileManager.default.removeItem(at: folder) }
        let messages = folder.appendingPathComponent("forms/messages")
        try FileManager.default.createDirectory(at: messages, withIntermediateDirectories: true)
        func override(_ file: String, _ old: String, _ new: String) throws {
            let shipped = try String(
                contentsOf: TestPaths.root.appendingPathComponent("forms/messages/\(file)"), encoding: .utf8)
            let edited = shipped.replacingOccurrences(of: old, with: new)
            #expect(edited != shipped, "\(file): \(old) not found")
            try edited.write(to: messages.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        try override("calendar.yaml", "november: \"novembre\"", "november: \"NOVEMBRE-DU-CABINET\"")
        try override(
            "documents.yaml", "titleReleveDeCompte: \"Relevé de compte\"",
            "titleReleveDeCompte: \"Décompte des sommes dues (cabinet)\"")
        try override("releve.yaml", "totalDue: \"Total dû\"", "totalDue: \"Reste à payer\"")
        try override("check.yaml", "creditor: \"Créancier : {party}\"", "creditor: \"Demandeur : {party}\"")
        let overrideFolder = folder.appendingPathComponent("forms").path
        // b2b-lyon-dijon is computed as of 23 November 2026: the documents are dated that day.
        let caseFile = TestPaths.fixture("b2b-lyon-dijon").appendingPathComponent("case.yaml").path

        let out = folder.appendingPathComponent("dossier")
        let built = try await CLI.run(["build", caseFile, "--out", out.path, "--forms", overrideFolder])
        #expect(built.status == 0, "\(built)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        let letter = try #require(names.first { $0.hasSuffix("requete-en-injonction-de-payer.txt") })
        let text = try String(contentsOf: out.appendingPathComponent(letter), encoding: .utf8)
        #expect(text.contains("23 NOVEMBRE-DU-CABINET 2026"))
        #expect(!text.contains("novembre 2026"))
        let xml = try String(contentsOf: out.appendingPathComponent("dossier.xml"), encoding: .utf8)
        #expect(xml.contains("<title>Décompte des sommes dues (cabinet)</title>"))
        #expect(!xml.contains("<title>Relevé de compte</title>"))

        let statement = try await CLI.run(["statement", caseFile, "--forms", overrideFolder])
        #expect(statement.status == 0)
        #expect(statement.stdout.contains("  Reste à payer "))
        #expect(!statement.stdout.contains("Total dû"))

        let check = try await CLI.run(["check", caseFile, "--forms", overrideFolder])
        #expect(check.status == 0)
        #expect(check.stdout.contains("\nDemandeur : "))

        // Without the override, the shipped words.
        let shipped = try await CLI.run(["statement", caseFile])
        #expect(shipped.stdout.contains("  Total dû "))
    }

    /// `build` reads the case while the law book loads (two cores): the errors still come in the order
    /// they did one after the other — a broken forms/ first, then the case — and nothing is written.
    @Test("build: a broken forms/ is reported before a broken case; a broken case alone is reported as such")
    func errorsInOrder() async throws {
        let folder = try TestPaths.temporaryFolder("forms-broken")
        defer { try? FileManager.default.removeItem(at: folder) }
        let forms = folder.appendingPathComponent("forms")
        try FileManager.default.createDirectory(at: forms, withIntermediateDirectories: true)
        try Data("procedures: [pas fermé\n".utf8).write(to: forms.appendingPathComponent("procedures.yaml"))
        let badCase = TestPaths.root.appendingPathComponent("fixtures/invalid/01-unknown-key.yaml").path
        let out = folder.appendingPathComponent("dossier").path

        let both = try await CLI.run(["build", badCase, "--out", out, "--forms", forms.path])
        #expect(both.status != 0)
        #expect(both.stderr.contains("procedures.yaml"), "\(both)")
        #expect(!both.stderr.contains("01-unknown-key.yaml"), "\(both)")
        #expect(!FileManager.default.fileExists(atPath: out))

        let caseOnly = try await CLI.run(["build", badCase, "--out", out])
        #expect(caseOnly.status == 1)
        #expect(caseOnly.stderr.contains("amout : clé inconnue (vouliez-vous dire amount ?)"), "\(caseOnly)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
