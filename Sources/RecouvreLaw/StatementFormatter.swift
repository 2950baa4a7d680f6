import Foundation
import RecouvreJSON
import RecouvreModel

/// Prints a statement: the relevé de compte in French (text) or `recouvre.statement/1` (JSON).
public enum StatementFormatter {
    /// The relevé de compte a French lawyer expects: per invoice the lines du/au, jours, base, taux,
    /// montant and the source of each rate; the payments and where they went; totals; the convention;
    /// the warnings.
    public static func text(_ statement: Statement) -> String {
        var out: [String] = []
        out.append("RELEVÉ DE COMPTE — dossier \(statement.reference)")
        out.append(
            "Arrêté au \(french(statement.asOf)) · régime : \(regimeWords(statement.regime)) · base \(basisWords(statement.dayBasis))"
        )
        for invoice in statement.invoices {
            out.append("")
            // A lease names rents and charges, which carry no VAT (loi 89-462; CGI 261 D).
            out.append(
                statement.regime == .residentialLease
                    ? "\(leaseWords(invoice.kind)) \(invoice.number) du \(french(invoice.issued)), échéance \(french(invoice.due)) — montant \(Money.french(invoice.amount))"
                    : "Facture \(invoice.number) du \(french(invoice.issued)), échéance \(french(invoice.due)) — montant TTC \(Money.french(invoice.amount))"
            )
            var settled = "  Réglé \(Money.french(invoice.paid))"
            if invoice.interestPaid > 0 { settled += " (dont intérêts \(Money.french(invoice.interestPaid)))" }
            settled +=
                " · avoirs \(Money.french(invoice.credited)) · principal restant dû \(Money.french(invoice.outstanding))"
            out.append(settled)
            if invoice.periods.isEmpty {
                out.append("  Aucune ligne de pénalité ou d'intérêt.")
            } else {
                out.append(
                    "  " + pad("Du", 10, left: true) + "  " + pad("Au", 10, left: true) + "  " + pad("Jours", 5)
                        + "  " + pad("Base", 14) + "  " + pad("Taux", 9) + "  " + pad("Montant", 12)
                        + "  Source du taux")
                for line in invoice.periods {
                    out.append(
                        "  " + french(line.from) + "  " + french(line.to) + "  " + pad("\(line.days)", 5)
                            + "  " + pad(Money.french(line.base), 14) + "  " + pad(Money.frenchRate(line.rate), 9)
                            + "  " + pad(Money.french(line.amount), 12) + "  " + line.source)
                }
            }
            out.append(
                "  Pénalités / intérêts : \(Money.french(invoice.penalties)) · indemnité forfaitaire : \(Money.french(invoice.flatFee))"
            )
        }
        out.append("")
        out.append("Règlements et avoirs")
        if statement.payments.isEmpty { out.append("  Aucun.") }
        for payment in statement.payments {
            let what: String
            switch payment.kind {
            case .payment: what = "Règlement"
            case .creditNote: what = "Avoir"
            case .deposit: what = "Déduction"
            }
            let reference = payment.reference.map { " \($0)" } ?? ""
            var line = "  \(french(payment.date))  \(what)\(reference) de \(Money.french(payment.amount))"
            let parts = payment.imputed.map { item -> String in
                let interest = item.interest > 0 ? " (dont intérêts \(Money.french(item.interest)))" : ""
                return "\(item.invoice) : \(Money.french(item.amount))\(interest)"
            }
            if !parts.isEmpty { line += " → " + parts.joined(separator: " ; ") }
            if payment.unallocated > 0 { line += " ; non imputé : \(Money.french(payment.unallocated))" }
            out.append(line)
        }
        out.append("")
        out.append("Totaux au \(french(statement.asOf))")
        out.append("  Principal restant dû            \(pad(Money.french(statement.totals.principal), 16))")
        out.append("  Pénalités / intérêts restant dus \(pad(Money.french(statement.totals.penalties), 16))")
        out.append("  Indemnités forfaitaires          \(pad(Money.french(statement.totals.flatFees), 16))")
        if statement.totals.extraRecoveryCosts > 0 {
            out.append(
                "  Frais de recouvrement justifiés  \(pad(Money.french(statement.totals.extraRecoveryCosts), 16))")
        }
        out.append("  Total dû                         \(pad(Money.french(statement.totals.total), 16))")
        out.append("")
        out.append("Convention : \(statement.convention)")
        if !statement.rateTables.isEmpty {
            out.append(
                "Tables de taux : "
                    + statement.rateTables.map {
                        "forms/\($0.file) (vérifiée jusqu'au \(french($0.checkedThrough)))"
                    }.joined(separator: " ; "))
        }
        if !statement.warnings.isEmpty {
            out.append("")
            out.append("Avertissements")
            for warning in statement.warnings { out.append("  - \(warning)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `recouvre.statement/1` (interfaces.md): money and rates as strings with two decimals, inclusive
    /// `from`/`to`, keys in a fixed order, 2-space indentation, a trailing newline. Keys beyond the
    /// contract (`interest_paid`, `kind`, `reference`, `unallocated`, `extra_recovery_costs`, `total_claimed`,
    /// `convention`, `rate_tables`) extend it without changing the others.
    public static func json(_ statement: Statement) -> String { jsonValue(statement).rendered() }

    /// The same document as a value, for a command that extends it (`statement` on a titled case).
    public static func jsonValue(_ statement: Statement) -> JSONValue {
        func money(_ value: Decimal) -> JSONValue { .string(Money.plain(value)) }
        let invoices: [JSONValue] = statement.invoices.map { invoice in
            .object([
                ("number", .string(invoice.number)),
                ("issued", .string(invoice.issued.iso)),
                ("due", .string(invoice.due.iso)),
                ("amount", money(invoice.amount)),
                ("paid", money(invoice.paid)),
                ("credited", money(invoice.credited)),
                ("outstanding", money(invoice.outstanding)),
                (
                    "periods",
                    .array(
                        invoice.periods.map { line in
                            .object([
                                ("from", .string(line.from.iso)),
                                ("to", .string(line.to.iso)),
                                ("days", .integer(Int64(line.days))),
                                ("base", money(line.base)),
                                ("rate", money(line.rate)),
                                ("amount", money(line.amount)),
                                ("source", .string(line.source)),
                            ])
                        })
                ),
                ("penalties", money(invoice.penalties)),
                ("flat_fee", money(invoice.flatFee)),
                ("interest_paid", money(invoice.interestPaid)),
            ])
        }
        let payments: [JSONValue] = statement.payments.map { payment in
            .object([
                ("date", .string(payment.date.iso)),
                ("amount", money(payment.amount)),
                (
                    "imputed",
                    .array(
                        payment.imputed.map { item in
                            .object([
                                ("invoice", .string(item.invoice)),
                                ("amount", money(item.amount)),
                                ("interest", money(item.interest)),
                            ])
                        })
                ),
                ("kind", .string(payment.kind.rawValue)),
                ("reference", .optional(payment.reference)),
                ("unallocated", money(payment.unallocated)),
            ])
        }
        let totals = statement.totals
        let root = JSONValue.object([
            ("schema", .string("recouvre.statement/1")),
            ("reference", .string(statement.reference)),
            ("as_of", .string(statement.asOf.iso)),
            ("regime", .string(statement.regime.rawValue)),
            ("day_basis", .string(statement.dayBasis.rawValue)),
            ("invoices", .array(invoices)),
            ("payments", .array(payments)),
            (
                "totals",
                .object([
                    ("principal", money(totals.principal)),
                    ("penalties", money(totals.penalties)),
                    ("flat_fees", money(totals.flatFees)),
                    // interfaces.md fixes `total = principal + penalties + flat_fees`; recovery costs above the
                    // flat fee (L441-10 II, on proof) are reported beside it, and in `total_claimed`.
                    ("total", money(totals.total - totals.extraRecoveryCosts)),
                    ("extra_recovery_costs", money(totals.extraRecoveryCosts)),
                    ("total_claimed", money(totals.total)),
                ])
            ),
            ("warnings", .array(statement.warnings.map(JSONValue.string))),
            ("convention", .string(statement.convention)),
            (
                "rate_tables",
                .array(
                    statement.rateTables.map { table in
                        .object([
                            ("id", .string(table.id)),
                            ("file", .string(table.file)),
                            ("checked_through", .string(table.checkedThrough.iso)),
                        ])
                    })
            ),
        ])
        return root
    }

    static func french(_ day: Day) -> String {
        let iso = day.iso
        return "\(iso.suffix(2))/\(iso.dropFirst(5).prefix(2))/\(iso.prefix(4))"
    }

    static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let gap = String(repeating: " ", count: max(0, width - text.count))
        return left ? text + gap : gap + text
    }

    static func regimeWords(_ regime: Regime) -> String {
        switch regime {
        case .b2b: return "entre professionnels (C. com. L441-10)"
        case .publicProcurement: return "marché public (C. commande publique R2192-31)"
        case .civil: return "civil, intérêts au taux légal (C. civ. 1231-6)"
        case .consumer: return "consommateur, intérêts au taux légal (C. civ. 1231-6)"
        case .residentialLease: return "bail d'habitation (loi 89-462)"
        case .consumerCredit: return "crédit à la consommation (C. consom. L312-39)"
        }
    }

    static func basisWords(_ basis: DayBasis) -> String {
        basis == .d365 ? "365 jours" : "exacte (365/366 jours)"
    }

    static func leaseWords(_ kind: InvoiceKind) -> String {
        switch kind {
        case .rent: return "Loyer"
        case .charges: return "Provision pour charges"
        case .invoice: return "Loyer et charges"
        }
    }
}
