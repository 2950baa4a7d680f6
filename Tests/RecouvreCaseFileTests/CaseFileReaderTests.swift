import Foundation
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreCaseFile

@Suite("Case-file reader")
struct CaseFileReaderTests {
    @Test("a minimal case reads, amounts from their literal text")
    func minimal() throws {
        let value = try Inline.decode(Inline.head + Inline.invoice).get()
        #expect(value.invoices.count == 1)
        #expect(value.invoices[0].amount == Decimal(string: "1800.00"))
        #expect(value.contract.flatFee)
        #expect(!value.contract.capitalisation)
        #expect(value.asOf == nil)
    }

    @Test("an amount that a Double would round is kept exact")
    func exactAmount() throws {
        // 0.1 + 0.2 in binary floating point is 0.30000000000000004; as Decimal it is exactly 0.30.
        let text =
            Inline.head + Inline.invoice.replacingOccurrences(of: "1800.00", with: "0.10")
            + "payments:\n  - { date: 2025-05-01, amount: 0.01 }\n"
        let value = try Inline.decode(text).get()
        #expect(value.invoices[0].amount + Decimal(string: "0.20")! == Decimal(string: "0.30")!)
        #expect(value.payments[0].amount == Decimal(string: "0.01"))
    }

    @Test(
        "the fast path for plain amounts agrees with Money.parse",
        arguments: ["0", "1", "1800", "1800.5", "1800.00", "0.01", "99999999999999.99", "007.10", "123456789012345"]
    )
    func plainAmounts(text: String) throws {
        let fast = try #require(CaseFileDecoder.plainAmount(text))
        #expect(Money.parse(text) == .success(fast))
    }

    @Test(
        "the fast path leaves everything else to Money.parse",
        arguments: ["", ".5", "5.", "1.234", "-1", "1,5", "1e3", " 1", "1.2.3", "1234567890123456"])
    func notPlainAmounts(text: String) {
        #expect(CaseFileDecoder.plainAmount(text) == nil)
    }

    @Test("the same case in JSON reads to the same value, with lines and columns")
    func json() throws {
        let json = """
            {
              "version": 1, "reference": "T-1",
              "creditor": { "kind": "company", "name": "Atelier Lumière", "legal_form": "SARL", "siren": "123456782",
                            "address": { "lines": ["12 rue des Lilas"], "postcode": "69003", "city": "Lyon" } },
              "debtor": { "kind": "company", "name": "Bâtiments Durand", "legal_form": "SAS", "siren": "552100554",
                          "address": { "lines": ["4 avenue Jean Jaurès"], "postcode": "21000", "city": "Dijon" } },
              "invoices": [ { "number": "FA-1", "issued": "2025-03-31", "due": "2025-04-30", "amount": 1800.00 } ]
            }
            """
        let fromJSON = try Inline.decode(json, json: true).get()
        let fromYAML = try Inline.decode(Inline.head + Inline.invoice).get()
        #expect(fromJSON == fromYAML)
        let broken = json.replacingOccurrences(of: "\"due\": \"2025-04-30\"", with: "\"due\": \"2025-04-31\"")
        #expect(
            Inline.problems(broken, json: true)
                == ["case.yaml:7:68: invoices[0] (FA-1).due : « 2025-04-31 » n'est pas une date (attendu AAAA-MM-JJ)"])
    }

    @Test("every problem is reported, in the order of the file")
    func everyProblem() {
        let text =
            Inline.head.replacingOccurrences(of: "siren: \"552100554\"", with: "siren: \"552100555\"") + """
                invoices:
                  - number: "FA-1"
                    issued: 2025-02-30
                    due: 2025-04-30
                    amount: 1800.005
                  - number: "FA-1"
                    issued: 2025-03-31
                    due: 2025-03-01
                    amount: "1,800.00"
                    currency: GBP
                payments:
                  - { date: 2025-05-01, amount: -3, invoice: "FA-2" }

                """
        #expect(
            Inline.problems(text) == [
                "case.yaml:13:10: debtor.siren : SIREN 552100555 : la clé de contrôle (Luhn) est fausse (copiez le numéro du Kbis ou d'annuaire-entreprises.data.gouv.fr)",
                "case.yaml:17:13: invoices[0] (FA-1).issued : « 2025-02-30 » n'est pas une date (attendu AAAA-MM-JJ)",
                "case.yaml:19:13: invoices[0] (FA-1).amount : « 1800.005 » a 3 décimales (les montants sont en euros et centimes : deux décimales au plus)",
                "case.yaml:20:13: invoices[1] (FA-1).number : « FA-1 » est déjà le numéro de invoices[0] (ligne 16) (chaque facture figure une fois, avec son propre numéro)",
                "case.yaml:22:10: invoices[1] (FA-1).due : 2025-03-01 est avant la date d'émission 2025-03-31 (l'échéance est le jour de l'émission ou après)",
                "case.yaml:23:13: invoices[1] (FA-1).amount : « 1,800.00 » groupe les milliers (écrivez 1800.00)",
                "case.yaml:24:15: invoices[1] (FA-1).currency : « GBP » : seuls les euros sont calculés (convertissez le montant en EUR au taux du contrat et écrivez currency: EUR)",
                "case.yaml:26:33: payments[0] (2025-05-01).amount : « -3 » est négatif (les montants sont positifs ; l'argent rendu est un avoir)",
                "case.yaml:26:46: payments[0] (2025-05-01).invoice : « FA-2 » n'est le numéro d'aucune facture du dossier (vouliez-vous dire « FA-1 » ?)",
            ])
    }

    @Test("optional keys: property, extra costs, capitalisation, served, collective proceedings")
    func optionalKeys() throws {
        let text =
            Inline.head + """
                contract:
                  nature: residential_lease
                  extra_recovery_costs: "180.50"
                  capitalisation: true
                  flat_fee: false
                  collective_proceedings: true
                  property: { lines: ["27 rue Solférino"], postcode: "59000", city: "Lille", insee: "59350" }
                  penalty_rate: "3 x legal"

                """ + Inline.invoice + """
                events:
                  - { type: judgment, date: 2026-01-15, served: 2026-01-20, court: "Tribunal judiciaire de Dijon" }

                """
        let value = try Inline.decode(text).get()
        #expect(value.contract.nature == .residentialLease)
        #expect(value.contract.extraRecoveryCosts == Decimal(string: "180.50"))
        #expect(value.contract.capitalisation)
        #expect(!value.contract.flatFee)
        #expect(value.contract.collectiveProceedings == .openedUnknownDate)
        #expect(value.contract.property?.insee == "59350")
        #expect(value.contract.penaltyRate == .legalTimes(Decimal(3)))
        #expect(value.judgment?.served == Day(iso: "2026-01-20"))
        let closed = try Inline.decode(
            text.replacingOccurrences(
                of: "collective_proceedings: true",
                with: "collective_proceedings: false")
        ).get()
        #expect(closed.contract.collectiveProceedings == nil)
    }

    @Test("a residential lease without the address of the property is refused")
    func leaseWithoutProperty() {
        let text = Inline.head + "contract:\n  nature: residential_lease\n" + Inline.invoice
        #expect(
            Inline.problems(text) == [
                "case.yaml:16:3: contract.property : absent : un bail d'habitation a besoin de l'adresse du bien loué (ajoutez property: { lines: [\"27 rue Solférino\"], postcode: \"59000\", city: \"Lille\" })"
            ]
        )
    }

    @Test("received on a reminder, served on a notice, a court on a reminder are refused")
    func eventKeys() {
        let text =
            Inline.head + Inline.invoice + """
                events:
                  - { type: reminder, date: 2025-05-10, received: 2025-05-11, court: "TJ Dijon" }
                  - { type: formal_notice, date: 2025-06-20, served: 2025-06-23 }

                """
        #expect(
            Inline.problems(text) == [
                "case.yaml:21:51: events[0].received : seule une formal_notice a une date de réception (retirez received, ou écrivez type: formal_notice)",
                "case.yaml:21:70: events[0].court : seul un judgment nomme une juridiction (retirez court, ou écrivez type: judgment)",
                "case.yaml:22:54: events[1].served : seul un judgment a une date de signification (retirez served, ou écrivez type: judgment)",
            ])
    }

    @Test("a SIRET must belong to its SIREN; SIREN written with spaces is accepted")
    func siret() throws {
        let spaced = Inline.head.replacingOccurrences(of: "siren: \"123456782\"", with: "siren: \"123 456 782\"")
        #expect(try Inline.decode(spaced + Inline.invoice).get().creditor.siren == "123456782")
        let foreign = Inline.head.replacingOccurrences(
            of: "siren: \"552100554\"",
            with: "siren: \"552100554\"\n  siret: \"12345678200010\"")
        #expect(
            Inline.problems(foreign + Inline.invoice) == [
                "case.yaml:14:10: debtor.siret : le SIRET 12345678200010 n'appartient pas au SIREN 552100554 (un SIRET commence par les 9 chiffres du SIREN de son entreprise)"
            ])
    }

    @Test("the file as a whole: empty, comments only, not a mapping, a list, several documents")
    func wholeFile() {
        #expect(
            Inline.problems("") == [
                "case.yaml: le fichier est vide (attendu un fichier de dossier : `recouvre init` en écrit un exemple)"
            ])
        #expect(
            Inline.problems("# nothing yet\n\n") == [
                "case.yaml: le fichier ne contient aucun dossier (seulement des blancs ou des commentaires) (attendu un fichier de dossier : `recouvre init` en écrit un exemple)"
            ])
        #expect(
            Inline.problems("- 1\n- 2\n") == [
                "case.yaml:1:1: pas un fichier de dossier : attendu des clés telles que version, reference, creditor, debtor, invoices (`recouvre init` écrit un exemple)"
            ])
        #expect(Inline.problems("a: 1\n---\nb: 2\n").first?.hasPrefix("case.yaml:2:1: YAML invalide") == true)
    }

    @Test("a missing file, a folder and a file over 50 MB are refused before reading")
    func files() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("absent.yaml").path
        #expect(throws: CaseFileError.self) { try CaseFileReader.load(path: missing) }
        do {
            _ = try CaseFileReader.load(path: folder.path)
            Issue.record("a folder was accepted")
        } catch {
            #expect(
                error.description
                    == "\(folder.path): est un répertoire, pas un fichier de dossier (donnez le fichier lui-même, par exemple \(folder.path)/case.yaml)"
            )
        }
        // A sparse file: 51 MB on paper, nothing written.
        let big = folder.appendingPathComponent("big.yaml")
        #expect(FileManager.default.createFile(atPath: big.path, contents: Data("version: 1\n".utf8)))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 51 * 1024 * 1024)
        try handle.close()
        do {
            _ = try CaseFileReader.load(path: big.path)
            Issue.record("a 51 MB file was accepted")
        } catch {
            #expect(
                error.description
                    == "\(big.path): le fichier fait 51,0 Mo, au-delà de la limite de 50 Mo pour un fichier de dossier (non lu) (un fichier de dossier fait quelques kilo-octets ; scindez le dossier en plusieurs)"
            )
        }
    }

    @Test("exhibit files are looked up relative to the case file")
    func exhibits() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("pieces"), withIntermediateDirectories: true)
        try Data("devis".utf8).write(to: folder.appendingPathComponent("pieces/devis.txt"))
        let text =
            Inline.head + Inline.invoice + """
                exhibits:
                  - { title: "Devis", file: "pieces/devis.txt" }
                  - { title: "Facture" }

                """
        let file = folder.appendingPathComponent("case.yaml")
        try Data(text.utf8).write(to: file)
        let loaded = try CaseFileReader.load(path: file.path)
        #expect(
            loaded.value.exhibits == [Exhibit(title: "Devis", file: "pieces/devis.txt"), Exhibit(title: "Facture")])
        #expect(loaded.folder.standardizedFileURL == folder.standardizedFileURL)
    }

    @Test("a YAML alias bomb is refused before parsing, not expanded")
    func aliasBomb() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<12 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        text += "? *a11\n: boom\n"
        #expect(
            Inline.problems(text) == [
                "case.yaml:1:5: une ancre YAML (&a0) : les fichiers de dossier n'utilisent ni ancres ni alias (écrivez la valeur en entier ; mettez entre guillemets un texte qui commence par &)"
            ])
    }

    @Test(
        "& and * inside texts are not taken for anchors",
        arguments: [
            "name: \"Dupont & Fils\"", "name: Dupont &Fils", "name: '*important*'", "penalty_rate: 3 * legal",
            "name: Dupont # &x comment", "lines: [\"a, &b\", \"c\"]", "name: \"multi\n  &line\"",
        ])
    func notAnchors(line: String) {
        #expect(YAMLEvents.scan(line + "\n") == nil)
    }

    @Test(
        "anchors and aliases are found where YAML reads them",
        arguments: [
            ("a: &x 1", 1, 4), ("- *x", 1, 3), ("a: [1, *x]", 1, 8), ("a:\n  &x b: 1", 2, 3), ("{a: *x}", 1, 5),
            // Columns count Unicode scalars: "é" is one (2 UTF-8 bytes), "e\u{301}" two, "€" one (3 bytes).
            ("é: &x 1", 1, 4), ("e\u{301}: &x 1", 1, 5), ("n: \"€\"\nm: [€, *x]", 2, 8),
        ])
    func anchors(text: String, line: Int, column: Int) {
        let found = YAMLEvents.scan(text)
        #expect(found?.line == line)
        #expect(found?.column == column)
    }

    @Test("deep nesting gives a located error, not a stack overflow")
    func deepNesting() {
        let text = "version: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n"
        let problems = Inline.problems(text)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("case.yaml:1:") == true)
    }
}

/// Hostile YAML and JSON (issue 12): limits on the parser's events, tags, strict JSON.
@Suite("Case-file reader: hostile YAML and JSON")
struct HostileSyntaxTests {
    @Test("a billion laughs is refused at its first anchor, without expanding anything")
    func billionLaughs() {
        var text = "a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for level in 1..<30 {
            text += "a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", "))]\n"
        }
        text += "? *a29\n: boom\n"
        let problems = Inline.problems(text)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("case.yaml:1:5: une ancre YAML (&a0)") == true)
    }

    @Test("a text ending in an escaped backslash does not hide the anchor that follows")
    func escapedBackslash() {
        let text = "reference: \"C:\\\\\"\nversion: &v 1\n"
        #expect(YAMLEvents.scan(text) == YAMLEvents.Finding(
            line: 2, column: 10, message: "une ancre YAML (&v) : les fichiers de dossier n'utilisent ni ancres ni alias",
            remedy: "écrivez la valeur en entier ; mettez entre guillemets un texte qui commence par &"))
    }

    @Test("tags are refused", arguments: [
        ("reference: !!binary aGVsbG8=", "!!binary"), ("reference: !python/object:os.system ls", "!python/object:os.system"),
        ("creditor: !!map { kind: company }", "!!map"), ("reference: !!str 12", "!!str"),
    ])
    func tags(line: String, tag: String) {
        let found = YAMLEvents.scan(line + "\n")
        #expect(found?.message == "une étiquette YAML (\(tag)) : les fichiers de dossier n'utilisent pas d'étiquettes")
        #expect(found?.line == 1)
    }

    @Test("nesting deeper than the limit is refused at the level that passes it")
    func depth() {
        let text = "a: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n"
        let found = YAMLEvents.scan(text)
        // The root mapping is level 1; the 64th "[" (column 67) opens level 65.
        #expect(found?.column == 67)
        #expect(found?.message == "imbriqué sur plus de 64 niveaux")
    }

    @Test("strict JSON: what YAML lets through is refused, located", arguments: [
        ("{\"a\": [1, 2,]}", 1, 13, "une virgule finale avant « ] » (JSON n'en accepte pas)"),
        ("{\"a\": 1,\n \"b\": 2,\n}", 3, 1, "une virgule finale avant « } » (JSON n'en accepte pas)"),
        ("{'a': 1}", 1, 2, "attendu une clé entre guillemets doubles, trouvé une apostrophe (les textes JSON sont entre guillemets doubles)"),
        ("{\"a\": 'x'}", 1, 7, "attendu une valeur JSON, trouvé une apostrophe (les textes JSON sont entre guillemets doubles)"),
        ("{a: 1}", 1, 2, "attendu une clé entre guillemets doubles, trouvé « a »"),
        ("{\"a\": 1} # note", 1, 10, "en trop après la fin de la valeur JSON : un commentaire (JSON n'en a pas)"),
        ("{\"a\": 01}", 1, 8, "un nombre JSON ne commence pas par 0 (mettez-le entre guillemets)"),
    ])
    func strictJSON(text: String, line: Int, column: Int, message: String) {
        let fault = StrictJSON.firstFault(in: text)
        #expect(fault?.line == line)
        #expect(fault?.column == column)
        #expect(fault?.message == message)
    }

    @Test("valid JSON passes the strict check", arguments: [
        "{}", "[]", "{\"a\": [1, -2.5e3, \"x\\u00e9\\n\", true, false, null, {\"b\": {}}]}", "\u{FEFF}{\"a\": 1}",
    ])
    func validJSON(text: String) {
        #expect(StrictJSON.firstFault(in: text) == nil)
    }
}
