import Foundation
import RecouvreJSON
import RecouvreModel

/// Prints a statement: the relevé de compte in French (text) or `recouvre.statement/1` (JSON).
public enum StatementFormatter {
    /// The relevé de compte a French lawyer expects: per invoice the lines du/au, jours, base, taux,
    /// montant and the source of each rate; the payments and where they went; totals; the convention;
    /// the warnings.
    /// The labels and sentences are the catalogue's (`forms/messages/releve.yaml`, `ReleveText`); the
    /// layout (columns, indentation) is this function's.
    public static func text(_ statement: Statement, messages: MessageCatalogue) -> String {
        func say(_ word: ReleveText) -> String { messages.text(word) }
        var out: [String] = []
        out.append(say(.heading(reference: statement.reference)))
        out.append(
            say(
                .asOfLine(
                    date: french(statement.asOf), regime: say(regimeWords(statement.regime)),
                    basis: say(statement.dayBasis == .d365 ? .basis365 : .basisActual))))
        for invoice in statement.invoices {
            out.append("")
            let (issued, due) = (french(invoice.issued), french(invoice.due))
            // A lease names rents and charges, which carry no VAT (loi 89-462; CGI 261 D).
            out.append(
                statement.regime == .residentialLease
                    ? say(
                        .leaseLine(
                            kind: say(leaseWords(invoice.kind)), number: invoice.number, issued: issued, due: due,
                            amount: Money.french(invoice.amount)))
                    : say(
                        .invoiceLine(
                            number: invoice.number, issued: issued, due: due, amount: Money.french(invoice.amount))))
            let (paid, credited, outstanding) =
                (Money.french(invoice.paid), Money.french(invoice.credited), Money.french(invoice.outstanding))
            out.append(
                "  "
                    + (invoice.interestPaid > 0
                        ? say(
                            .settledWithInterest(
                                paid: paid, interest: Money.french(invoice.interestPaid), credited: credited,
                                outstanding: outstanding))
                        : say(.settled(paid: paid, credited: credited, outstanding: outstanding))))
            if invoice.periods.isEmpty {
                out.append("  " + say(.noPeriods))
            } else {
                out.append(
                    "  " + pad(say(.columnFrom), 10, left: true) + "  " + pad(say(.columnTo), 10, left: true) + "  "
                        + pad(say(.columnDays), 5) + "  " + pad(say(.columnBase), 14) + "  "
                        + pad(say(.columnRate), 9) + "  " + pad(say(.columnAmount), 12) + "  " + say(.columnSource))
                for line in invoice.periods {
                    out.append(
                        "  " + french(line.from) + "  " + french(line.to) + "  " + pad("\(line.days)", 5)
                            + "  " + pad(Money.french(line.base), 14) + "  " + pad(Money.frenchRate(line.rate), 9)
                            + "  " + pad(Money.french(line.amount), 12) + "  " + line.source)
                }
            }
            out.append(
                "  "
                    + say(
                        .invoiceTotals(
                            penalties: Money.french(invoice.penalties), flatFee: Money.french(invoice.flatFee))))
        }
        out.append("")
        out.append(say(.paymentsHeading))
        if statement.payments.isEmpty { out.append("  " + say(.paymentsNone)) }
        for payment in statement.payments {
            let what: ReleveText
            switch payment.kind {
            case .payment: what = .kindPayment
            case .creditNote: what = .kindCreditNote
            case .deposit: what = .kindDeposit
            }
            let reference = payment.reference.map { " \($0)" } ?? ""
            var line =
                "  \(french(payment.date))  "
                + say(.paymentLine(what: say(what) + reference, amount: Money.french(payment.amount)))
            let parts = payment.imputed.map { item -> String in
                item.interest > 0
                    ? say(
                        .imputedWithInterest(
                            invoice: item.invoice, amount: Money.french(item.amount),
                            interest: Money.french(item.interest)))
                    : say(.imputed(invoice: item.invoice, amount: Money.french(item.amount)))
            }
            if !parts.isEmpty { line += " → " + parts.joined(separator: " ; ") }
            if payment.unallocated > 0 { line += " ; " + say(.unallocated(amount: Money.french(payment.unallocated))) }
            out.append(line)
        }
        out.append("")
        out.append(say(.totalsHeading(date: french(statement.asOf))))
        func total(_ label: ReleveText, _ value: Decimal) -> String {
            "  " + pad(say(label), 32, left: true) + " " + pad(Money.french(value), 16)
        }
        out.append(total(.totalPrincipal, statement.totals.principal))
        out.append(total(.totalPenalties, statement.totals.penalties))
        out.append(total(.totalFlatFees, statement.totals.flatFees))
        if statement.totals.extraRecoveryCosts > 0 {
            out.append(total(.totalExtraCosts, statement.totals.extraRecoveryCosts))
        }
        out.append(total(.totalDue, statement.totals.total))
        out.append("")
        out.append(say(.convention(text: statement.convention)))
        if !statement.rateTables.isEmpty {
            out.append(
                say(
                    .rateTables(
                        list: statement.rateTables.map {
                            say(.rateTable(file: $0.file, checked: french($0.checkedThrough)))
                        }.joined(separator: " ; "))))
        }
        if !statement.warnings.isEmpty {
            out.append("")
            out.append(say(.warningsHeading))
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
                ("periods", .array(invoice.periods.map(\.jsonValue))),
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

    static func regimeWords(_ regime: Regime) -> ReleveText {
        switch regime {
        case .b2b: return .regimeB2B
        case .publicProcurement: return .regimePublicProcurement
        case .civil: return .regimeCivil
        case .consumer: return .regimeConsumer
        case .residentialLease: return .regimeResidentialLease
        case .consumerCredit: return .regimeConsumerCredit
        }
    }

    static func leaseWords(_ kind: InvoiceKind) -> ReleveText {
        switch kind {
        case .rent: return .kindRent
        case .charges: return .kindCharges
        case .invoice: return .kindRentAndCharges
        }
    }
}
