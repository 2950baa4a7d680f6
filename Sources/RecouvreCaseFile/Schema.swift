/// The keys of each mapping of a version 1 case file (case-format.md), with an example value for
/// each, used to suggest the nearest key and to say how to add a missing one.
struct Schema: Sendable {
    /// Every key allowed, in the order of case-format.md, with an example of a valid line.
    let examples: KeyValuePairs<String, String>
    let required: [String]
    /// A short valid example of the whole mapping, shown when something else was found.
    let example: String?

    /// The keys, in order (computed once: every mapping of the file is checked against them).
    let keys: [String]
    let keySet: Set<String>

    init(examples: KeyValuePairs<String, String>, required: [String], example: String?) {
        self.examples = examples
        self.required = required
        self.example = example
        self.keys = examples.map(\.key)
        self.keySet = Set(keys)
    }

    func hint(for key: String) -> String {
        examples.first { $0.key == key }.map { "\($0.key): \($0.value)" } ?? key
    }

    static let root = Schema(
        examples: [
            "version": "1", "reference": "\"2026-0042\"", "as_of": "2026-11-23", "creditor": "{ kind: company, … }",
            "debtor": "{ kind: company, … }", "contract": "{ … }", "invoices": "[ { number: …, … } ]",
            "payments": "[ … ]", "credit_notes": "[ … ]", "events": "[ … ]", "exhibits": "[ … ]",
        ],
        required: ["version", "reference", "creditor", "debtor", "invoices"],
        example: "`recouvre init` writes an example")

    static let party = Schema(
        examples: [
            "kind": "company", "name": "\"Bâtiments Durand\"", "legal_form": "SAS", "siren": "\"552100554\"",
            "siret": "\"55210055400013\"", "rcs": "\"Dijon\"", "professional": "true", "merchant": "true",
            "address": "{ lines: [\"4 avenue Jean Jaurès\"], postcode: \"21000\", city: \"Dijon\" }",
            "representative": "\"Marc Durand, président\"", "email": "\"compta@example.fr\"",
            "phone": "\"03 80 00 00 00\"", "iban": "\"FR7630006000011234567890189\"",
        ],
        required: ["kind", "name", "address"],
        example: "expected kind, name and address")

    static let address = Schema(
        examples: [
            "lines": "[\"4 avenue Jean Jaurès\"]", "postcode": "\"21000\"", "city": "\"Dijon\"",
            "insee": "\"21231\"", "country": "FR",
        ],
        required: ["lines", "city"],
        example: "write { lines: [\"4 avenue Jean Jaurès\"], postcode: \"21000\", city: \"Dijon\" }")

    static let contract = Schema(
        examples: [
            "nature": "commercial", "reference": "\"Devis D-2025-031\"", "payment_terms": "\"30 jours fin de mois\"",
            "penalty_rate": "12.0", "flat_fee": "true", "collective_proceedings": "2025-06-30",
            "extra_recovery_costs": "180.00", "capitalisation": "false",
            "property": "{ lines: [\"27 rue Solférino\"], postcode: \"59000\", city: \"Lille\" }",
        ],
        required: [],
        example: "expected keys such as nature, reference, payment_terms, penalty_rate")

    static let invoice = Schema(
        examples: [
            "number": "\"FA2025-118\"", "issued": "2025-03-31", "due": "2025-04-30", "amount": "1800.00",
            "currency": "EUR", "description": "\"Rénovation éclairage boutique\"",
        ],
        required: ["number", "issued", "due", "amount"],
        example: "expected number, issued, due and amount")

    static let payment = Schema(
        examples: [
            "date": "2025-06-02", "amount": "500.00", "invoice": "\"FA2025-118\"", "reference": "\"VIR-0320\"",
        ],
        required: ["date", "amount"],
        example: "expected date and amount")

    static let creditNote = Schema(
        examples: [
            "number": "\"AV2025-001\"", "date": "2025-05-15", "amount": "120.00", "invoice": "\"FA2025-118\"",
        ],
        required: ["number", "date", "amount"],
        example: "expected number, date and amount")

    static let event = Schema(
        examples: [
            "type": "formal_notice", "date": "2025-06-20", "received": "2025-06-23", "served": "2026-01-20",
            "channel": "registered_letter", "tracking": "\"1A 123 456 7890 1\"",
            "court": "\"Tribunal judiciaire de Dijon\"",
        ],
        required: ["type", "date"],
        example: "expected type and date")

    static let exhibit = Schema(
        examples: ["title": "\"Devis D-2025-031 signé\"", "file": "\"pieces/devis.pdf\""],
        required: ["title"],
        example: "expected title and file")
}
