import Foundation

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
    /// The keys' UTF-8 bytes one after the other, key `i` at `keyStarts[i]..<keyStarts[i + 1]`: to
    /// match a key of the file without making a `String` of it.
    let keyBytes: [UInt8]
    let keyStarts: [Int]

    init(examples: KeyValuePairs<String, String>, required: [String], example: String?) {
        self.examples = examples
        self.required = required
        self.example = example
        self.keys = examples.map(\.key)
        self.keySet = Set(keys)
        self.keyBytes = keys.flatMap { Array($0.utf8) }
        self.keyStarts = keys.reduce(into: [0]) { starts, key in starts.append(starts.last! + key.utf8.count) }
        // The decoder keeps a mapping's values inline, 32 at most (`CaseFileDecoder.Fields`).
        precondition(keys.count <= 32, "a schema of more than 32 keys")
    }

    /// The position in `keys` of the key whose UTF-8 bytes are `bytes`, or `nil`.
    func index(ofKey bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        Self.index(ofKey: bytes, keyBytes: keyBytes, keyStarts: keyStarts)
    }

    /// The same in the tables of a schema (`keyBytes`, `keyStarts`): lengths first, then the first
    /// byte, then `memcmp`.
    @inline(__always)
    static func index(ofKey bytes: UnsafeBufferPointer<UInt8>, keyBytes: [UInt8], keyStarts: [Int]) -> Int? {
        guard let first = bytes.first, let wanted = bytes.baseAddress else { return nil }
        let count = bytes.count
        return keyBytes.withUnsafeBufferPointer { all in
            keyStarts.withUnsafeBufferPointer { starts in
                for index in 0..<(starts.count - 1) {
                    let start = starts[index]
                    guard starts[index + 1] - start == count, all[start] == first else { continue }
                    if memcmp(all.baseAddress! + start, wanted, count) == 0 { return index }
                }
                return nil
            }
        }
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
        example: "`recouvre init` écrit un exemple")

    static let party = Schema(
        examples: [
            "kind": "company", "name": "\"Bâtiments Durand\"", "legal_form": "SAS", "siren": "\"552100554\"",
            "siret": "\"55210055400013\"", "rcs": "\"Dijon\"", "professional": "true", "merchant": "true",
            "address": "{ lines: [\"4 avenue Jean Jaurès\"], postcode: \"21000\", city: \"Dijon\" }",
            "representative": "\"Marc Durand, président\"", "email": "\"compta@example.fr\"",
            "phone": "\"03 80 00 00 00\"", "iban": "\"FR7630006000011234567890189\"",
            "civility": "madame", "first_names": "\"Sophie Marie\"", "surname": "\"Delattre\"",
            "profession": "\"infirmière\"", "nationality": "\"française\"", "birth_date": "1980-05-14",
            "birth_place": "\"Roubaix (Nord)\"", "mediator": "{ name: \"CM2C\", website: \"https://www.cm2c.net\" }",
            "office": "\"Monsieur le Maire\"",
        ],
        required: ["kind", "name", "address"],
        example: "attendu kind, name et address")

    static let mediator = Schema(
        examples: [
            "name": "\"CM2C\"", "address": "\"14 rue Saint-Jean, 75017 Paris\"", "website": "\"https://www.cm2c.net\"",
        ],
        required: ["name"],
        example:
            "écrivez { name: \"CM2C\", address: \"14 rue Saint-Jean, 75017 Paris\", website: \"https://www.cm2c.net\" }"
    )

    static let proceedings = Schema(
        examples: [
            "opened": "2026-06-30", "kind": "redressement", "court": "\"Tribunal de commerce de Saint-Étienne\"",
            "bodacc": "2026-07-10", "mandataire": "{ name: \"SELARL MJ Synergie\", address: { … } }",
        ],
        required: [],
        example: "écrivez { opened: 2026-06-30, kind: redressement, court: \"…\", bodacc: 2026-07-10 }")

    static let mandataire = Schema(
        examples: [
            "name": "\"SELARL MJ Synergie\"",
            "address": "{ lines: [\"12 rue de la Paix\"], postcode: \"42000\", city: \"Saint-Étienne\" }",
        ],
        required: ["name"],
        example: "attendu name et address")

    static let address = Schema(
        examples: [
            "lines": "[\"4 avenue Jean Jaurès\"]", "postcode": "\"21000\"", "city": "\"Dijon\"",
            "insee": "\"21231\"", "country": "FR",
        ],
        required: ["lines", "city"],
        example: "écrivez { lines: [\"4 avenue Jean Jaurès\"], postcode: \"21000\", city: \"Dijon\" }")

    static let contract = Schema(
        examples: [
            "nature": "commercial", "reference": "\"Devis D-2025-031\"", "payment_terms": "\"30 jours fin de mois\"",
            "penalty_rate": "12.0", "flat_fee": "true", "collective_proceedings": "2025-06-30",
            "extra_recovery_costs": "180.00", "capitalisation": "false",
            "property": "{ lines: [\"27 rue Solférino\"], postcode: \"59000\", city: \"Lille\" }",
            "performance_country": "FR", "deposit": "800.00", "lease_ended": "2026-06-30",
            "charges_regularised": "true", "resolutory_clause_acquired": "2026-05-20",
        ],
        required: [],
        example: "attendu des clés telles que nature, reference, payment_terms, penalty_rate")

    static let invoice = Schema(
        examples: [
            "number": "\"FA2025-118\"", "issued": "2025-03-31", "due": "2025-04-30", "amount": "1800.00",
            "currency": "EUR", "description": "\"Rénovation éclairage boutique\"",
            "kind": "invoice", "status": "accepted", "status_date": "2025-04-02",
            "status_file": "\"pieces/statut-205.xml\"", "penalty_clause": "\"Pénalités : trois fois le taux légal\"",
        ],
        required: ["number", "issued", "due", "amount"],
        example: "attendu number, issued, due et amount")

    static let payment = Schema(
        examples: [
            "date": "2025-06-02", "amount": "500.00", "invoice": "\"FA2025-118\"", "reference": "\"VIR-0320\"",
        ],
        required: ["date", "amount"],
        example: "attendu date et amount")

    static let creditNote = Schema(
        examples: [
            "number": "\"AV2025-001\"", "date": "2025-05-15", "amount": "120.00", "invoice": "\"FA2025-118\"",
        ],
        required: ["number", "date", "amount"],
        example: "attendu number, date et amount")

    static let event = Schema(
        examples: [
            "type": "formal_notice", "date": "2025-06-20", "received": "2025-06-23", "served": "2026-01-20",
            "channel": "registered_letter", "tracking": "\"1A 123 456 7890 1\"",
            "court": "\"Tribunal judiciaire de Dijon\"",
            "step": "j15", "file": "\"pieces/relance.pdf\"", "letter": "\"pieces/mise-en-demeure.pdf\"",
            "dispatch_proof": "\"pieces/preuve-de-depot.pdf\"", "receipt_file": "\"pieces/avis-de-reception.pdf\"",
            "presented": "2025-06-22", "outcome": "delivered", "kind": "judgment",
            "invoices": "[\"FA2025-118\"]", "awarded": "{ principal: 1800.00, costs: 35.00 }",
            "service_file": "\"pieces/signification.pdf\"", "until": "2025-07-15", "amount": "500.00",
            "instalments": "[ { date: 2025-08-01, amount: 300.00 } ]", "express": "true",
            "remedies_mentioned": "true",
        ],
        required: ["type", "date"],
        example: "attendu type et date")

    static let award = Schema(
        examples: [
            "principal": "1800.00", "interest": "{ rate: legal, from: 2025-06-23 }", "costs": "35.00",
            "article_700": "500.00",
        ],
        required: [],
        example: "écrivez { principal: 1800.00, interest: { rate: legal, from: 2025-06-23 }, costs: 35.00 }")

    static let awardedInterest = Schema(
        examples: ["rate": "legal", "from": "2025-06-23"],
        required: ["rate"],
        example: "écrivez { rate: legal, from: 2025-06-23 }")

    static let instalment = Schema(
        examples: ["date": "2025-08-01", "amount": "300.00"],
        required: ["date", "amount"],
        example: "attendu date et amount")

    static let exhibit = Schema(
        examples: ["title": "\"Devis D-2025-031 signé\"", "file": "\"pieces/devis.pdf\"", "to_produce": "true"],
        required: ["title"],
        example: "attendu title et file")
}
