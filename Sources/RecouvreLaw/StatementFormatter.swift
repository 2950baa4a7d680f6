import Foundation
import RecouvreModel

/// Prints a statement: the relevé de compte in French (text) or `recouvre.statement/1` (JSON).
public enum StatementFormatter {
    /// The relevé de compte a French lawyer expects: per invoice the lines du/au, jours, base, taux,
    /// montant and the source of each rate; the payments and where they went; totals; the convention;
    /// the warnings.
    public static func text(_ statement: Statement) -> String {
        var out: [String] = []
        out.append("RELEVÉ DE COMPTE — dossier \(statement.reference)")
        out.append("Arrêté au \(french(statement.asOf)) · régime : \(regimeWords(statement.regime)) · base \(basisWords(statement.dayBasis))")
        for invoice in statement.invoices {
            out.append("")
            out.append("Facture \(invoice.number) du \(french(invoice.issued)), échéance \(french(invoice.due)) — montant TTC \(Money.french(invoice.amount))")
            var settled = "  Réglé \(Money.french(invoice.paid))"
            if invoice.interestPaid > 0 { settled += " (dont intérêts \(Money.french(invoice.interestPaid)))" }
            settled += " · avoirs \(Money.french(invoice.credited)) · principal restant dû \(Money.french(invoice.outstanding))"
            out.append(settled)
            if invoice.periods.isEmpty {
                out.append("  Aucune ligne de pénalité ou d'intérêt.")
            } else {
                out.append("  " + pad("Du", 10, left: true) + "  " + pad("Au", 10, left: true) + "  " + pad("Jours", 5)
                    + "  " + pad("Base", 14) + "  " + pad("Taux", 9) + "  " + pad("Montant", 12) + "  Source du taux")
                for line in invoice.periods {
                    out.append("  " + french(line.from) + "  " + french(line.to) + "  " + pad("\(line.days)", 5)
                        + "  " + pad(Money.french(line.base), 14) + "  " + pad(Money.frenchRate(line.rate), 9)
                        + "  " + pad(Money.french(line.amount), 12) + "  " + line.source)
                }
            }
            out.append("  Pénalités / intérêts : \(Money.french(invoice.penalties)) · indemnité forfaitaire : \(Money.french(invoice.flatFee))")
        }
        out.append("")
        out.append("Règlements et avoirs")
        if statement.payments.isEmpty { out.append("  Aucun.") }
        for payment in statement.payments {
            let what = payment.kind == .payment ? "Règlement" : "Avoir"
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
            out.append("  Frais de recouvrement justifiés  \(pad(Money.french(statement.totals.extraRecoveryCosts), 16))")
        }
        out.append("  Total dû                         \(pad(Money.french(statement.totals.total), 16))")
        out.append("")
        out.append("Convention : \(statement.convention)")
        if !statement.rateTables.isEmpty {
            out.append("Tables de taux : " + statement.rateTables.map {
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
    public static func json(_ statement: Statement) -> String {
        let w = JSONWriter()
        w.object {
            w.field("schema", .string("recouvre.statement/1"))
            w.field("reference", .string(statement.reference))
            w.field("as_of", .string(statement.asOf.iso))
            w.field("regime", .string(statement.regime.rawValue))
            w.field("day_basis", .string(statement.dayBasis.rawValue))
            w.array("invoices", statement.invoices) { invoice in
                w.object {
                    w.field("number", .string(invoice.number))
                    w.field("issued", .string(invoice.issued.iso))
                    w.field("due", .string(invoice.due.iso))
                    w.field("amount", .money(invoice.amount))
                    w.field("paid", .money(invoice.paid))
                    w.field("credited", .money(invoice.credited))
                    w.field("outstanding", .money(invoice.outstanding))
                    w.array("periods", invoice.periods) { line in
                        w.object {
                            w.field("from", .string(line.from.iso))
                            w.field("to", .string(line.to.iso))
                            w.field("days", .int(line.days))
                            w.field("base", .money(line.base))
                            w.field("rate", .money(line.rate))
                            w.field("amount", .money(line.amount))
                            w.field("source", .string(line.source))
                        }
                    }
                    w.field("penalties", .money(invoice.penalties))
                    w.field("flat_fee", .money(invoice.flatFee))
                    w.field("interest_paid", .money(invoice.interestPaid))
                }
            }
            w.array("payments", statement.payments) { payment in
                w.object {
                    w.field("date", .string(payment.date.iso))
                    w.field("amount", .money(payment.amount))
                    w.array("imputed", payment.imputed) { item in
                        w.object {
                            w.field("invoice", .string(item.invoice))
                            w.field("amount", .money(item.amount))
                            w.field("interest", .money(item.interest))
                        }
                    }
                    w.field("kind", .string(payment.kind.rawValue))
                    w.field("reference", payment.reference.map { .string($0) } ?? .null)
                    w.field("unallocated", .money(payment.unallocated))
                }
            }
            w.key("totals")
            w.object {
                w.field("principal", .money(statement.totals.principal))
                w.field("penalties", .money(statement.totals.penalties))
                w.field("flat_fees", .money(statement.totals.flatFees))
                // interfaces.md fixes `total = principal + penalties + flat_fees`; recovery costs above the
                // flat fee (L441-10 II, on proof) are reported beside it, and in `total_claimed`.
                w.field("total", .money(statement.totals.total - statement.totals.extraRecoveryCosts))
                w.field("extra_recovery_costs", .money(statement.totals.extraRecoveryCosts))
                w.field("total_claimed", .money(statement.totals.total))
            }
            w.array("warnings", statement.warnings) { w.write(.string($0)) }
            w.field("convention", .string(statement.convention))
            w.array("rate_tables", statement.rateTables) { table in
                w.object {
                    w.field("id", .string(table.id))
                    w.field("file", .string(table.file))
                    w.field("checked_through", .string(table.checkedThrough.iso))
                }
            }
        }
        return w.text + "\n"
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
}

/// A small deterministic JSON writer: keys in the order written, 2-space indentation. A class so that
/// nested closures can write to it; used by one formatting call at a time.
final class JSONWriter {
    enum Value {
        case string(String), money(Decimal), int(Int), null
    }

    private(set) var text = ""
    private var depth = 0
    private var first = [true]
    private var afterKey = false

    func object(_ body: () -> Void) {
        startValue()
        text += "{"
        open()
        body()
        close("}")
    }

    func key(_ name: String) {
        startValue()
        text += JSONWriter.quoted(name) + ": "
        afterKey = true
    }

    func field(_ name: String, _ value: Value) {
        key(name)
        write(value)
    }

    func write(_ value: Value) {
        startValue()
        switch value {
        case .string(let s): text += JSONWriter.quoted(s)
        case .money(let d): text += JSONWriter.quoted(Money.plain(d))
        case .int(let i): text += String(i)
        case .null: text += "null"
        }
    }

    func array<T>(_ name: String, _ items: [T], _ body: (T) -> Void) {
        key(name)
        startValue()
        text += "["
        open()
        for item in items { body(item) }
        close("]")
    }

    private func open() {
        depth += 1
        first.append(true)
    }

    private func close(_ bracket: String) {
        let empty = first.removeLast()
        depth -= 1
        if !empty { text += "\n" + String(repeating: "  ", count: depth) }
        text += bracket
    }

    /// Before a key, or a value not preceded by its key: the comma and the new line.
    private func startValue() {
        if afterKey { afterKey = false; return }
        guard depth > 0 else { return }
        if !first[first.count - 1] { text += "," }
        first[first.count - 1] = false
        text += "\n" + String(repeating: "  ", count: depth)
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
