import Foundation
import RecouvreModel
import Yams

/// Which column of a receivables ledger holds which value (`--map MAP.yaml`): recouvre field → column
/// header. Without a mapping file, or for a field it does not name, the common French headers are
/// recognised (accents, case, spaces and punctuation ignored: `N° facture`, `Numéro de facture`,
/// `Date d'échéance`, `Montant TTC`, `Solde`, `Code client`, `Raison sociale`, `SIREN`, `Code postal`…).
///
/// ```yaml
/// # map.yaml
/// separator: ";"          # optional: ; , tab or |, otherwise detected from the header line
/// due_days: 30            # optional: days from the issue date when a line has no due date
/// columns:
///   invoice: "N° pièce"
///   amount: "TTC"
///   customer: "Compte"
/// ```
public struct LedgerMapping: Sendable, Hashable {
    /// The fields a ledger column can hold.
    public enum Field: String, Sendable, CaseIterable {
        case invoice, issued, due, amount, debit, credit, paid, balance, type, description
        case paymentDate = "payment_date"
        case paymentReference = "payment_reference"
        case invoiceReference = "invoice_reference"
        case customer, name, siren, siret, kind
        case legalForm = "legal_form"
        case address, address2, postcode, city, country, email, phone
        case penaltyClause = "penalty_clause"
        case currency

        /// The field's position in `allCases` (a table index: a raw-value enum hashes its string).
        var ordinal: Int {
            switch self {
            case .invoice: 0
            case .issued: 1
            case .due: 2
            case .amount: 3
            case .debit: 4
            case .credit: 5
            case .paid: 6
            case .balance: 7
            case .type: 8
            case .description: 9
            case .paymentDate: 10
            case .paymentReference: 11
            case .invoiceReference: 12
            case .customer: 13
            case .name: 14
            case .siren: 15
            case .siret: 16
            case .kind: 17
            case .legalForm: 18
            case .address: 19
            case .address2: 20
            case .postcode: 21
            case .city: 22
            case .country: 23
            case .email: 24
            case .phone: 25
            case .penaltyClause: 26
            case .currency: 27
            }
        }

        /// What the field means, for `--help`-like messages and docs/import.md.
        public var meaning: String {
            switch self {
            case .invoice: return "numéro de la facture (ou de l'avoir, du règlement)"
            case .issued: return "date de la pièce"
            case .due: return "date d'échéance"
            case .amount: return "montant TTC (négatif : avoir)"
            case .debit: return "débit (facture)"
            case .credit: return "crédit (règlement ou avoir)"
            case .paid: return "montant déjà réglé sur la facture"
            case .balance: return "solde restant dû sur la facture"
            case .type: return "nature de la ligne : facture, avoir, règlement"
            case .description: return "libellé"
            case .paymentDate: return "date du règlement"
            case .paymentReference: return "référence du règlement"
            case .invoiceReference: return "facture à laquelle un avoir ou un règlement se rapporte"
            case .customer: return "code client"
            case .name: return "raison sociale ou nom du débiteur"
            case .siren: return "SIREN du débiteur"
            case .siret: return "SIRET du débiteur"
            case .kind: return "société, particulier ou personne publique"
            case .legalForm: return "forme juridique (SARL, SAS…)"
            case .address: return "adresse (ligne 1)"
            case .address2: return "complément d'adresse"
            case .postcode: return "code postal"
            case .city: return "ville"
            case .country: return "pays (code ISO, FR par défaut)"
            case .email: return "courriel"
            case .phone: return "téléphone"
            case .penaltyClause: return "clause de pénalités de retard"
            case .currency: return "devise (EUR)"
            }
        }

        /// Headers recognised without a mapping file, normalised (see `normalise`), most specific first.
        var defaultHeaders: [String] {
            switch self {
            case .invoice:
                return [
                    "nfacture", "numerofacture", "numerodefacture", "numfacture", "nofacture", "facture", "npiece",
                    "numeropiece", "piece", "pieceref", "reference", "ref", "numero", "invoice", "invoicenumber",
                ]
            case .issued:
                return [
                    "datefacture", "datedefacture", "datepiece", "datedepiece", "datedemission", "dateemission", "date",
                    "piecedate", "issued", "invoicedate",
                ]
            case .due:
                return ["dateecheance", "datedecheance", "echeance", "dateech", "due", "duedate"]
            case .amount:
                return ["montantttc", "totalttc", "ttc", "montant", "montantfacture", "amount", "total"]
            case .debit: return ["debit"]
            case .credit: return ["credit"]
            case .paid: return ["regle", "montantregle", "paye", "montantpaye", "dejaregle", "reglement", "paid"]
            case .balance:
                return ["solde", "restedu", "restantdu", "resteapayer", "soldedu", "balance", "resteaencaisser"]
            case .type: return ["type", "typedepiece", "typepiece", "nature", "sens"]
            case .description: return ["libelle", "designation", "objet", "description", "ecriturelib"]
            case .paymentDate: return ["datereglement", "datedereglement", "datepaiement", "datedepaiement"]
            case .paymentReference: return ["referencereglement", "refreglement", "modereglement"]
            case .invoiceReference: return ["facturedorigine", "factureorigine", "factureliee", "surfacture"]
            case .customer:
                return [
                    "codeclient", "nclient", "numeroclient", "noclient", "compteclient", "compteauxiliaire",
                    "compauxnum",
                    "idclient", "refclient", "customer", "customercode",
                ]
            case .name:
                return [
                    "raisonsociale", "nomclient", "client", "nom", "denomination", "compauxlib", "debiteur", "societe",
                    "name",
                ]
            case .siren: return ["siren", "nsiren", "sirenclient"]
            case .siret: return ["siret", "nsiret"]
            case .kind: return ["typeclient", "categorie", "kind"]
            case .legalForm: return ["formejuridique", "forme", "legalform"]
            case .address: return ["adresse", "adresse1", "rue", "address"]
            case .address2: return ["adresse2", "complementdadresse", "complement"]
            case .postcode: return ["codepostal", "cp", "postcode"]
            case .city: return ["ville", "commune", "localite", "city"]
            case .country: return ["pays", "country", "codepays"]
            case .email: return ["email", "mail", "courriel", "adressemail"]
            case .phone: return ["telephone", "tel", "phone"]
            case .penaltyClause: return ["penalitesderetard", "clausepenalite", "penalites"]
            case .currency: return ["devise", "currency", "monnaie"]
            }
        }
    }

    /// Field → header as the user wrote it.
    public var columns: [Field: String]
    /// `;`, `,`, tab or `|`; `nil`: detected.
    public var separator: Character?
    /// Days after the issue date for a line without a due date (C. com. L441-10 I: 30 days when
    /// nothing was agreed).
    public var dueDays: Int

    public init(columns: [Field: String] = [:], separator: Character? = nil, dueDays: Int = 30) {
        self.columns = columns
        self.separator = separator
        self.dueDays = dueDays
    }

    /// Reads a mapping file; problems are reported at their line.
    public static func parse(_ data: Data, name: String) throws(ImportError) -> LedgerMapping {
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportError("le fichier de correspondance n'est pas en UTF-8", at: SourceLocation(file: name))
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw ImportError(
                "le fichier de correspondance n'est pas du YAML lisible : \(error)", at: SourceLocation(file: name))
        }
        guard let mapping = root?.mapping else {
            throw ImportError(
                "le fichier de correspondance doit associer des champs à des en-têtes de colonnes",
                at: SourceLocation(file: name),
                remedy: "par exemple columns: { invoice: \"N° pièce\", amount: \"TTC\" }")
        }
        var result = LedgerMapping()
        var problems: [ImportProblem] = []
        func location(_ node: Node) -> SourceLocation {
            SourceLocation(file: name, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
        }
        func readColumns(_ pairs: [(Node, Node)]) {
            for (key, value) in pairs {
                guard let field = key.string.flatMap(Field.init(rawValue:)) else {
                    let names = Field.allCases.map(\.rawValue)
                    problems.append(
                        ImportProblem(
                            "champ inconnu « \(key.string ?? "?") »", at: location(key),
                            remedy: "champs possibles : \(names.joined(separator: ", "))"))
                    continue
                }
                guard let header = value.string, !header.isEmpty else {
                    problems.append(
                        ImportProblem("\(field.rawValue) : donnez l'en-tête de la colonne", at: location(value)))
                    continue
                }
                result.columns[field] = header
            }
        }
        for (key, value) in mapping {
            switch key.string {
            case "columns":
                if let pairs = value.mapping {
                    readColumns(pairs.map { ($0.key, $0.value) })
                } else {
                    problems.append(ImportProblem("columns : attendu une liste champ: en-tête", at: location(value)))
                }
            case "separator":
                switch value.string {
                case ";": result.separator = ";"
                case ",": result.separator = ","
                case "|": result.separator = "|"
                case "\t", "tab", "\\t": result.separator = "\t"
                default:
                    problems.append(
                        ImportProblem(
                            "separator : « \(value.string ?? "") » n'est pas un séparateur", at: location(value),
                            remedy: "écrivez \";\", \",\", \"|\" ou tab"))
                }
            case "due_days":
                if let days = value.string.flatMap({ Int($0) }), (0...365).contains(days) {
                    result.dueDays = days
                } else {
                    problems.append(
                        ImportProblem("due_days : attendu un nombre de jours (0 à 365)", at: location(value)))
                }
            default:
                // The flat form: field: header at the top level.
                readColumns([(key, value)])
            }
        }
        if !problems.isEmpty { throw ImportError(problems) }
        return result
    }

    /// `N° de facture` → `ndefacture`: lower case, accents and everything but letters and digits removed.
    public static func normalise(_ header: String) -> String {
        let folded = header.folding(
            options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "fr_FR"))
        return String(
            folded.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init)
        )
        .replacingOccurrences(of: "°", with: "")
    }

    /// The column index of each field, from the header row: the mapping file's header first, else the
    /// first default header found. A mapped header missing from the file is an error.
    func resolve(header: [String], file: String) throws(ImportError) -> [Field: Int] {
        let normalised = header.map(Self.normalise)
        var result: [Field: Int] = [:]
        var used: Set<Int> = []
        var problems: [ImportProblem] = []
        for field in Field.allCases {
            guard let wanted = columns[field] else { continue }
            if let index = normalised.firstIndex(of: Self.normalise(wanted)) {
                result[field] = index
                used.insert(index)
            } else {
                problems.append(
                    ImportProblem(
                        "la colonne « \(wanted) » (\(field.rawValue), du fichier de correspondance) est absente",
                        at: SourceLocation(file: file, line: 1),
                        remedy: "en-têtes trouvés : \(header.joined(separator: ", "))"))
            }
        }
        if !problems.isEmpty { throw ImportError(problems) }
        for field in Field.allCases where result[field] == nil {
            for candidate in field.defaultHeaders {
                if let index = normalised.indices.first(where: { normalised[$0] == candidate && !used.contains($0) }) {
                    result[field] = index
                    used.insert(index)
                    break
                }
            }
        }
        return result
    }
}
