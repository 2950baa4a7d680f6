import Foundation
import RecouvreJSON
import RecouvreModel

/// What `recouvre import` prints: debtors, invoices, the total outstanding, what was skipped and why,
/// the warnings; as French text, or as JSON (`recouvre.import/1`) for scripts.
public enum ImportSummary {
    public static func text(
        _ result: ImportResult, folder: String?, workers: Int = WorkerPool.defaultWorkers
    ) -> String {
        var out = ""
        let cases = result.cases
        let invoices = cases.indices.reduce(0) { $0 + cases[$1].value.invoices.count }
        // What each of the first 200 cases owes, and the total, summed in parts on the pool (a `Decimal`
        // sum is exact: the same total in any order; 25,000 cases cost 8,000 instructions each).
        let shown = min(cases.count, 200)
        let owed = WorkerPool.map(shown, workers: workers) { cases[$0].outstanding }
        let parts = max(1, min(workers, cases.count / 100))
        let total = WorkerPool.map(parts, workers: workers) { part -> Decimal in
            var sum = Decimal(0)
            for index in stride(from: part * cases.count / parts, to: (part + 1) * cases.count / parts, by: 1) {
                sum += cases[index].outstanding
            }
            return sum
        }.reduce(Decimal(0), +)
        out +=
            "Import \(result.kind) : \(result.sources.count == 1 ? result.sources[0] : "\(result.sources.count) fichiers")"
        out +=
            " (\(result.linesRead) \(result.kind == "csv" || result.kind == "fec" ? "lignes" : "documents") \(result.kind == "csv" || result.kind == "fec" ? "lues" : "lus"))\n"
        out +=
            "\(result.cases.count) débiteur\(result.cases.count > 1 ? "s" : ""), \(invoices) facture\(invoices > 1 ? "s" : "")"
        out += ", reste dû \(Money.french(total))\n"
        for index in 0..<shown {
            let count = cases[index].value.invoices.count
            out += "  \(cases[index].fileName)  \(cases[index].value.debtor.name)"
            out += cases[index].value.debtor.siren.map { " (SIREN \($0))" } ?? ""
            out += "  \(count) facture\(count > 1 ? "s" : "")  \(Money.french(owed[index]))\n"
        }
        if result.cases.count > 200 { out += "  … et \(result.cases.count - 200) autres\n" }
        for (kind, title) in [(ImportNote.Kind.skipped, "Ignoré"), (.warning, "Attention"), (.info, "Notes")] {
            // The import's notes, then each case's, in that order: counted, the first 100 shown (without
            // copying the 100,000 notes of a large ledger into one array per kind).
            var count = 0
            var shown: [ImportNote] = []
            func visit(_ notes: [ImportNote]) {
                for note in notes where note.kind == kind {
                    count += 1
                    if shown.count < 100 { shown.append(note) }
                }
            }
            visit(result.notes)
            for index in cases.indices { visit(cases[index].notes) }
            guard count > 0 else { continue }
            out += "\(title) (\(count)) :\n"
            for note in shown {
                out += "  " + (note.location.map { "\($0.prefix): " } ?? "") + note.message + "\n"
            }
            if count > 100 { out += "  … et \(count - 100) autres\n" }
        }
        if let folder {
            out +=
                result.cases.isEmpty
                ? "Aucun dossier écrit.\n" : "Dossiers écrits dans \(folder)/ (un fichier par débiteur).\n"
        }
        return out
    }

    public static func json(_ result: ImportResult, folder: String?) -> String {
        let invoices = result.cases.reduce(0) { $0 + $1.value.invoices.count }
        let total = result.cases.reduce(Decimal(0)) { $0 + $1.outstanding }
        let all = result.notes + result.cases.flatMap(\.notes)
        func notes(_ kind: ImportNote.Kind) -> JSONValue {
            .array(all.filter { $0.kind == kind }.map(note))
        }
        var members: [(String, JSONValue)] = [
            ("format", .string("recouvre.import/1")),
            ("kind", .string(result.kind)),
            ("sources", .array(result.sources.map(JSONValue.string))),
            ("out", .optional(folder)),
            ("lines_read", .integer(Int64(result.linesRead))),
            ("debtors", .integer(Int64(result.cases.count))),
            ("invoices", .integer(Int64(invoices))),
            ("outstanding", .string(ImportAmount.plain(total))),
            ("cases", .array(result.cases.map(caseJSON))),
            ("skipped", notes(.skipped)),
            ("warnings", notes(.warning)),
            ("notes", notes(.info)),
        ]
        if !result.documents.isEmpty {
            members.append(("einvoices", .array(result.documents.map { document($0, in: result) })))
        }
        return JSONValue.object(members).rendered()
    }

    static func note(_ note: ImportNote) -> JSONValue {
        .object([
            ("file", .optional(note.location?.file)),
            ("line", note.location.map { .integer(Int64($0.line)) } ?? .null),
            ("path", .optional(note.location?.context)),
            ("message", .string(note.message)),
        ])
    }

    static func party(_ party: Party) -> JSONValue {
        .object([("name", .string(party.name)), ("siren", .optional(party.siren)), ("siret", .optional(party.siret))])
    }

    static func caseJSON(_ imported: ImportedCase) -> JSONValue {
        let value = imported.value
        return .object([
            ("file", .string(imported.fileName)),
            ("reference", .string(value.reference)),
            ("debtor_key", .string(imported.debtorKey)),
            ("creditor", party(value.creditor)),
            ("debtor", party(value.debtor)),
            ("penalty_rate", value.contract.penaltyRate.map { .string(CaseFileWriterBridge.rate($0)) } ?? .null),
            (
                "invoices",
                .array(
                    value.invoices.map { invoice in
                        .object([
                            ("number", .string(invoice.number)), ("issued", .string(invoice.issued.iso)),
                            ("due", .string(invoice.due.iso)), ("amount", .string(ImportAmount.plain(invoice.amount))),
                            ("penalty_clause", .optional(invoice.penaltyClause)),
                        ])
                    })
            ),
            (
                "payments",
                .array(
                    value.payments.map { payment in
                        .object([
                            ("date", .string(payment.date.iso)),
                            ("amount", .string(ImportAmount.plain(payment.amount))),
                            ("invoice", .optional(payment.invoice)),
                        ])
                    })
            ),
            (
                "credit_notes",
                .array(
                    value.creditNotes.map { note in
                        .object([
                            ("number", .string(note.number)), ("date", .string(note.date.iso)),
                            ("amount", .string(ImportAmount.plain(note.amount))), ("invoice", .optional(note.invoice)),
                        ])
                    })
            ),
            ("outstanding", .string(ImportAmount.plain(imported.outstanding))),
            ("sources", .array(imported.sources.map(JSONValue.string))),
        ])
    }

    /// An e-invoice as read (the same keys as the samples' expected values).
    static func document(_ invoice: EInvoice, in result: ImportResult) -> JSONValue {
        let imported = result.cases.contains { imported in
            imported.value.invoices.contains { $0.number == invoice.number }
                || imported.value.creditNotes.contains { $0.number == invoice.number }
        }
        let penalty = invoice.notes.filter { ["PMD", "PMT", "AAB"].contains($0.subject?.uppercased() ?? "") }
        func notes(_ list: [EInvoice.Note]) -> JSONValue {
            .array(list.map { .object([("subject", .optional($0.subject)), ("content", .string($0.content))]) })
        }
        return .object([
            ("file", .string(invoice.file)),
            ("syntax", .string(invoice.syntax)),
            ("number", .string(invoice.number)),
            ("type_code", .string(invoice.typeCode)),
            ("issue_date", .string(invoice.issueDate.iso)),
            ("due_date", .optional(invoice.dueDate?.iso)),
            ("due_date_source", invoice.dueDate != nil ? .string("BT-9") : .null),
            ("currency", .string(invoice.currency)),
            ("amount_due", .string(ImportAmount.plain(invoice.amountDue))),
            ("total_with_vat", .optional(invoice.totalWithVAT.map { ImportAmount.plain($0) })),
            ("prepaid", .optional(invoice.prepaid.map { ImportAmount.plain($0) })),
            ("seller_name", .optional(invoice.seller.name)),
            ("seller_legal_id", .optional(invoice.seller.legalID)),
            ("seller_legal_id_scheme", .optional(invoice.seller.legalIDScheme)),
            ("buyer_name", .optional(invoice.buyer.name)),
            ("buyer_legal_id", .optional(invoice.buyer.legalID)),
            ("buyer_legal_id_scheme", .optional(invoice.buyer.legalIDScheme)),
            ("buyer_country", .optional(invoice.buyer.country)),
            ("payment_terms", .optional(invoice.paymentTerms)),
            ("business_process", .optional(invoice.businessProcess)),
            ("notes", notes(invoice.notes)),
            ("penalty_notes", notes(penalty)),
            ("pdf_attachment", .optional(invoice.pdfAttachment)),
            ("outcome", .string(imported ? "imported" : "skipped")),
        ])
    }
}

/// The `penalty_rate` text of the case file, for the summary.
enum CaseFileWriterBridge {
    static func rate(_ clause: PenaltyRateClause) -> String {
        switch clause {
        case .fixed(let rate): return "\(rate)"
        case .ecbPlus(let points): return "ECB + \(points)"
        case .legalTimes(let factor): return "\(factor) x legal"
        }
    }
}
