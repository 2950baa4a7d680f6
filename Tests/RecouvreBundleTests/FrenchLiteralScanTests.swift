import Foundation
import RecouvreTestSupport
import Testing

/// The wording of the documents, the relevé de compte, the route and `check` lives in `forms/`
/// (docs/library.md, "Where the wording lives"): this test reads the Swift sources of the modules that
/// build them and fails on a string literal that looks French (an accented letter or a common French
/// word), unless the allow-list below names it with its reason. A new sentence belongs in
/// `forms/messages/*.yaml` behind a `CatalogueReason`, or in a template.
@Suite("No French wording in Swift")
struct FrenchLiteralScanTests {
    /// The modules (or single files) whose output is a document, the statement, the route or check.
    static let scanned = [
        "Sources/RecouvreDocuments", "Sources/RecouvreLaw", "Sources/RecouvreRoute", "Sources/RecouvreBundle",
        "Sources/RecouvreCaseFile/CaseSummary.swift", "Sources/RecouvreCaseFile/CheckReason.swift",
        // The reminders, the plan letter, the chronology the documents recall, the ladder's notes, the
        // aged balance (`remind`, `plan`, `aged`).
        "Sources/RecouvreAmicable",
    ]

    /// Whole files that are the tool's own voice: the errors of the law-book loader and of the stages
    /// (exit 1 or 3, naming the file to fix), never a document's wording. docs/library.md says why they
    /// stay in Swift.
    static let errorFiles: [String: String] = [
        "Sources/RecouvreLaw/RateTableError.swift": "errors of the rate tables (exit 3): the file to update",
        "Sources/RecouvreRoute/RouteError.swift": "errors of the court directory (exit 3)",
        "Sources/RecouvreDocuments/TemplateCheck.swift": "errors of a firm's template, at load time",
        "Sources/RecouvreDocuments/TemplateAudit.swift": "errors of a firm's template, at load time",
        "Sources/RecouvreDocuments/TemplateSet.swift": "errors of a firm's template, at load time",
        "Sources/RecouvreDocuments/DocumentContent+Markup.swift": "errors of a template's block markup",
        "Sources/RecouvreAmicable/AmicableJournal.swift": "errors of a reminder journal (exit 1, its file and line)",
        "Sources/RecouvreAmicable/AmicableYAML.swift": "errors of a ladder or profiles file, at load time",
    ]

    /// Single literals outside those files (compared without their surrounding spaces), each with its
    /// reason.
    static let allowed: [String: Set<String>] = [
        // Error messages (exit 1, or a bug of recouvre reported as such): the tool's voice.
        "Sources/RecouvreDocuments/DemandeDExecutionView.swift": ["le cas ne décrit aucun titre"],
        "Sources/RecouvreDocuments/DecompteDuTitreView.swift": ["le cas ne décrit aucun titre (événement judgment)"],
        "Sources/RecouvreDocuments/DossierRenderer.swift": [
            "la route ne désigne aucun formulaire CERFA pour la requête", "aucune carte des cases du CERFA",
        ],
        "Sources/RecouvreBundle/DossierXML.swift": [
            "le dossier.xml produit par recouvre n'est pas conforme à forms/schemas/dossier.xsd ;",
            "c'est un défaut de recouvre, rien n'a été écrit. libxml2 indique :",
            ": le schéma du dossier ne peut pas être compilé :",
        ],
        "Sources/RecouvreRoute/CourtDirectory.swift": ["(pas du texte UTF-8)"],
        "Sources/RecouvreAmicable/AmicableForms.swift": [
            "introuvable (modèle demandé par  )", "modèle Mustache invalide ( )",
            "modèle absent des formulaires chargés",
        ],
        "Sources/RecouvreAmicable/Ladder.swift": ["--profile   : profil inconnu ; profils de   :"],
        "Sources/RecouvreAmicable/PaymentPlanner.swift": [
            "--instalments   : au moins une échéance", "--first   : la première échéance précède la date du plan ( )",
            ": aucun principal restant dû au  , pas d'échéancier",
        ],
        "Sources/RecouvreAmicable/ReminderWriter.swift": [
            "l'étape «   » est la mise en demeure : elle s'écrit avec recouvre build"
        ],
        // Machine words: the CSV header and total row of `aged --format csv` (docs/amicable.md).
        "Sources/RecouvreAmicable/AgedBalance.swift": [",total,average_days_late,next_step,claim", "TOTAL,,,"],
        // Input vocabulary, not output: a street word a directory writes in capitals, recognised to print
        // an address in ordinary case (`13 ALLÉE DES TILLEULS` → `13 allée des Tilleuls`).
        "Sources/RecouvreDocuments/FrenchFormat.swift": ["allée"],
        // A court's name as the directory writes it, recognised (not printed) to lower its initial.
        "Sources/RecouvreDocuments/DossierFacts.swift": ["Tribunal"],
        "Sources/RecouvreRoute/Router.swift": ["Tribunal"],
    ]

    static let frenchWords: Set<String> = [
        "le", "la", "les", "de", "du", "des", "et", "au", "aux", "un", "une", "pour", "par", "sur", "dans", "avec",
        "sans", "est", "sont", "ne", "pas", "aucun", "aucune", "facture", "factures", "montant", "total", "dossier",
        "tribunal", "jours", "taux", "paiement", "avoir", "avoirs", "loyer", "charges", "base", "points", "fois",
        "personne", "morale", "droit", "public", "publique", "entrepreneur", "individuel", "particulier", "civil",
        "consommateur", "bail", "marché", "règlement", "cas", "lettre", "commissaire", "justice", "requête",
        "formulaire", "demande", "janvier", "mars", "avril", "mai", "juin", "juillet", "septembre", "octobre",
        "novembre", "semestre", "au", "en", "ou", "qui", "que", "si", "son", "sa", "ses", "leur", "fichier",
    ]

    /// The text of each string literal of `source` (interpolations removed), with its line; comments are
    /// skipped.
    static func literals(in source: String) -> [(line: Int, text: String)] {
        var found: [(Int, String)] = []
        let chars = Array(source)
        var index = 0
        var line = 1
        func at(_ offset: Int) -> Character? { index + offset < chars.count ? chars[index + offset] : nil }
        while index < chars.count {
            let char = chars[index]
            if char == "\n" {
                line += 1
                index += 1
            } else if char == "/", at(1) == "/" {
                while index < chars.count, chars[index] != "\n" { index += 1 }
            } else if char == "/", at(1) == "*" {
                index += 2
                while index < chars.count, !(chars[index] == "*" && at(1) == "/") {
                    if chars[index] == "\n" { line += 1 }
                    index += 1
                }
                index += 2
            } else if char == "\"" {
                let multiline = at(1) == "\"" && at(2) == "\""
                index += multiline ? 3 : 1
                let start = line
                var text = ""
                while index < chars.count {
                    let c = chars[index]
                    if multiline, c == "\"", at(1) == "\"", at(2) == "\"" {
                        index += 3
                        break
                    }
                    if !multiline, c == "\"" {
                        index += 1
                        break
                    }
                    if c == "\\", at(1) == "(" {
                        // An interpolation: skip to its closing parenthesis (literals inside are scanned
                        // as part of the outer one's gap, which is enough for words).
                        var depth = 0
                        index += 1
                        repeat {
                            if chars[index] == "(" { depth += 1 }
                            if chars[index] == ")" { depth -= 1 }
                            index += 1
                        } while depth > 0 && index < chars.count
                        text += " "
                        continue
                    }
                    if c == "\\" {
                        index += 2
                        continue
                    }
                    if c == "\n" { line += 1 }
                    text.append(c)
                    index += 1
                }
                found.append((start, text))
            } else {
                index += 1
            }
        }
        return found
    }

    /// A machine word (a raw value, a key, a path: `mise-en-demeure`, `total`, `rates/ecb-mro.yaml`) is
    /// not wording; a literal with a capital, a space or an accent is looked at.
    static func looksFrench(_ text: String) -> Bool {
        if !text.isEmpty, text.allSatisfy({ "abcdefghijklmnopqrstuvwxyz0123456789_-./:".contains($0) }) {
            return false
        }
        if text.contains(where: { "éèàêçôûùâîïëÉÈÀÊÇ".contains($0) }) { return true }
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
        return words.contains { frenchWords.contains(String($0)) }
    }

    static func files() -> [String] {
        let root = TestPaths.root
        var paths: [String] = []
        for entry in scanned {
            if entry.hasSuffix(".swift") {
                paths.append(entry)
                continue
            }
            let names =
                FileManager.default.enumerator(atPath: root.appendingPathComponent(entry).path)?
                .compactMap { $0 as? String } ?? []
            paths += names.filter { $0.hasSuffix(".swift") }.map { "\(entry)/\($0)" }
        }
        return paths.sorted()
    }

    @Test("no French literal in the Swift of the documents, the statement, the route, the bundle and check")
    func noFrenchLiteral() throws {
        let files = Self.files()
        #expect(files.count > 40)
        var flagged: [String] = []
        for path in files where Self.errorFiles[path] == nil {
            let source = try String(contentsOf: TestPaths.root.appendingPathComponent(path), encoding: .utf8)
            let allowed = Self.allowed[path] ?? []
            for (line, text) in Self.literals(in: source)
            where Self.looksFrench(text) && !allowed.contains(text.trimmingCharacters(in: .whitespaces)) {
                flagged.append("\(path):\(line): \"\(text)\"")
            }
        }
        #expect(
            flagged.isEmpty,
            "French wording in Swift (move it to forms/messages/*.yaml or a template, or allow-list it with its reason):\n\(flagged.joined(separator: "\n"))"
        )
    }

    @Test("the scanner sees a French literal, skips comments and interpolations, and passes plain code")
    func scannerSelfTest() {
        let sample = """
            // « Relevé de compte » in a comment is fine
            let a = "Relevé de compte"
            let b = "rates/\\(file).yaml"
            let c = "Facture \\(number) du \\(date)"
            let d = \"\"\"
                Mise en demeure
                \"\"\"
            """
        let found = Self.literals(in: sample)
        #expect(found.map(\.text).contains("Relevé de compte"))
        #expect(found.filter { Self.looksFrench($0.text) }.map(\.line) == [2, 4, 5])
        #expect(!Self.looksFrench("rates/ .yaml"))
        #expect(!Self.looksFrench("recouvre.statement/1"))
        #expect(!Self.looksFrench("mise-en-demeure"))
        #expect(Self.looksFrench("Montant"))
        #expect(Self.looksFrench("Facture   du  "))
    }

    @Test("every allow-listed literal is still in its file (the list shrinks with the code)")
    func allowListIsCurrent() throws {
        for (path, texts) in Self.allowed {
            let source = try String(contentsOf: TestPaths.root.appendingPathComponent(path), encoding: .utf8)
            let present = Set(Self.literals(in: source).map { $0.text.trimmingCharacters(in: .whitespaces) })
            for text in texts.sorted() where !present.contains(text) {
                Issue.record("\(path): allow-listed \"\(text)\" is no longer in the file")
            }
        }
        for path in Self.errorFiles.keys.sorted() {
            #expect(FileManager.default.fileExists(atPath: TestPaths.root.appendingPathComponent(path).path), "\(path)")
        }
    }
}
