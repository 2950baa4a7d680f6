import ArgumentParser
import Foundation
import RecouvreAmicable
import RecouvreDocuments
import RecouvreLaw
import RecouvreModel

extension PlanFrequency: ExpressibleByArgument {}

/// `recouvre plan CASE --instalments N --first DATE`: a payment plan (échéancier) and the letter proposing it.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract:
            "Proposes a payment plan (échéancier): instalments and dates, the penalties they still carry, what a missed one means, and the letter.",
        discussion: """
            The instalments pay the outstanding principal on the as-of day, in cents that add up to it
            exactly; the cents that do not divide go on the first instalment. The penalties or interest
            still carried are computed by the statement engine on a copy of the case with the planned
            payments added. --record adds the plan, as accepted on the as-of day, to the case's journal
            (case.reminders.yaml): record it once the debtor has accepted; the ladder then waits while each
            instalment is paid by its date.

            Example:
              recouvre plan fixtures/b2b-lyon-dijon/case.yaml --instalments 3 --first 2026-12-15 --as-of 2026-11-23
            """
    )

    @Argument(help: "The case file.")
    var caseFile: String

    @Option(name: .long, help: "Number of instalments.")
    var instalments: Int

    @Option(name: .long, help: "Date of the first instalment (YYYY-MM-DD).")
    var first: String

    @Option(name: .long, help: "Interval between instalments: month (default), week or quarter.")
    var every: PlanFrequency = .month

    @OptionGroup var asOf: AsOfOption

    @Option(name: .long, help: "Folder to write the letter proposing the plan in.")
    var out: String?

    @Flag(name: .long, help: "Record the plan as accepted on the as-of day in the case's journal.")
    var record = false

    @OptionGroup var forms: FormsOption

    func validate() throws {
        guard Day(iso: first) != nil else {
            throw ValidationError("--first \(first) is not a date (expected YYYY-MM-DD)")
        }
        guard (1...120).contains(instalments) else { throw ValidationError("--instalments must be between 1 and 120") }
    }

    func run() throws {
        let output = try reportingErrors { () throws -> String in
            let context = try AmicableContext.load(forms)
            let item = try AmicableCase.load(path: caseFile)
            let claim = item.claim
            let day = amicableDay(asOf.day, claim)
            let proposal = try PaymentPlanner.propose(
                case: claim, asOf: day, count: instalments, first: Day(iso: first)!, every: every,
                graceDays: context.forms.ladder.planGraceDays, engine: StatementEngine(tables: context.tables))
            let letter = try PaymentPlanner.letter(
                case: claim, proposal: proposal, asOf: day, tables: context.tables, forms: context.forms)
            var lines = [
                "Échéancier proposé — \(claim.reference), \(claim.debtor.name), au \(FrenchFormat.shortDate(day))", "",
            ]
            for (index, instalment) in proposal.instalments.enumerated() {
                lines.append(
                    "  \(String(index + 1).leftPad(3))  \(FrenchFormat.shortDate(instalment.date))  \(Money.french(instalment.amount).leftPad(14))"
                )
            }
            lines.append(
                "       Total       \(Money.french(proposal.claim).leftPad(14))  (principal restant dû ; l'arrondi au centime va sur la 1re échéance)"
            )
            lines.append("")
            lines.append(
                "Pénalités ou intérêts au \(FrenchFormat.shortDate(day)) : \(Money.french(proposal.now.totals.penalties)) ; "
                    + "au terme du plan (\(FrenchFormat.shortDate(proposal.instalments.last!.date))), chaque échéance payée à sa date : "
                    + "\(Money.french(proposal.penaltiesCarried)), dont \(Money.french(proposal.penaltiesDuringPlan)) pendant le plan."
            )
            if proposal.atEnd.totals.flatFees > 0 {
                lines.append("Indemnités forfaitaires : \(Money.french(proposal.atEnd.totals.flatFees)).")
            }
            lines.append("Reste dû après la dernière échéance : \(Money.french(proposal.remainingAfterPlan)).")
            lines.append(
                "Échéance manquée : le plan est rompu \(proposal.graceDays) jours après sa date ; recouvre remind propose alors la mise en demeure "
                    + "pour le solde (si la 1re manque : \(Money.french(proposal.ifFirstMissed.total)) au \(FrenchFormat.shortDate(proposal.ifFirstMissed.day)))."
            )
            var writes: [(Data, String)] = []
            if let out {
                let path = (out as NSString).appendingPathComponent(
                    "\(claim.reference.safeFileName)-echeancier-\(day.iso).txt")
                writes.append((Data(letter.utf8), path))
                lines.append("Lettre : \(path)")
            }
            for (data, path) in writes { try AtomicFile.write(data, to: path) }
            if record {
                try item.record(.plan(proposal.accepted(on: day)), profile: nil)
                lines.append(
                    "Échéancier enregistré comme accepté le \(FrenchFormat.shortDate(day)) dans \(item.journalPath).")
            }
            if out == nil { lines += ["", letter] }
            return lines.joined(separator: "\n")
        }
        printOut(output)
    }
}

extension String {
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }

    var safeFileName: String {
        String(
            unicodeScalars.map { s -> Character in
                s.isASCII && (CharacterSet.alphanumerics.contains(s) || "-_.".unicodeScalars.contains(s))
                    ? Character(s) : "-"
            })
    }
}
