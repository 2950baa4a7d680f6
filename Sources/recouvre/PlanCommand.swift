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
            "Propose un échéancier : les échéances et leurs dates, les pénalités qu'elles portent encore, les conséquences d'une échéance manquée, et la lettre.",
        discussion: """
            Les échéances paient le principal restant dû au jour du calcul, en centimes dont la somme est exacte ; \
            les centimes qui ne se divisent pas vont sur la première échéance. Les pénalités ou intérêts qui courent \
            encore sont calculés par le moteur du relevé sur une copie du cas où les règlements prévus sont ajoutés.
            --record ajoute le plan, accepté au jour du calcul, au journal du cas (case.reminders.yaml) :
            enregistrez-le une fois que le débiteur l'a accepté ; les relances attendent alors tant que chaque \
            échéance est payée à sa date.

            Exemple :
              recouvre plan fixtures/b2b-lyon-dijon/case.yaml --instalments 3 --first 2026-11-30 --every week --as-of 2026-11-23
            """
    )

    @Argument(help: "Le fichier de cas.")
    var caseFile: String

    @Option(name: .long, help: "Nombre d'échéances.")
    var instalments: Int

    @Option(name: .long, help: "Date de la première échéance (AAAA-MM-JJ).")
    var first: String

    @Option(
        name: .long,
        help:
            "Intervalle entre les échéances : month (par défaut, un mois), week (une semaine) ou quarter (un trimestre)."
    )
    var every: PlanFrequency = .month

    @OptionGroup var asOf: AsOfOption

    @Option(name: .long, help: "Dossier où écrire la lettre qui propose le plan.")
    var out: String?

    @Flag(name: .long, help: "Enregistre le plan comme accepté au jour du calcul dans le journal du cas.")
    var record = false

    @OptionGroup var forms: FormsOption

    func validate() throws {
        guard Day(iso: first) != nil else {
            throw ValidationError("--first \(first) n'est pas une date (attendu AAAA-MM-JJ)")
        }
        guard (1...120).contains(instalments) else { throw ValidationError("--instalments doit être entre 1 et 120") }
    }

    func run() throws {
        let output = try reportingErrors { () throws -> String in
            let context = try AmicableContext.load(forms)
            let item = try AmicableCase.load(path: caseFile)
            let claim = item.claim
            let day = amicableDay(asOf.day, claim)
            let proposal = try PaymentPlanner.propose(
                case: claim, asOf: day, count: instalments, first: Day(iso: first)!, every: every,
                graceDays: context.forms.ladder.planGraceDays,
                engine: StatementEngine(tables: context.tables, messages: context.forms.messages))
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
