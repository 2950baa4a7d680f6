import ArgumentParser
import Foundation
import RecouvreAmicable
import RecouvreArchive
import RecouvreDocuments
import RecouvreLaw
import RecouvreModel

/// `recouvre remind CASE|DIR`: the reminder of the day for each debtor, by the ladder of forms/ladders/.
struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract:
            "Dit, pour chaque débiteur, la relance due ce jour selon le barème (forms/ladders/), l'écrit (lettre ou .eml) et dit la suite.",
        discussion: """
            Le barème (forms/ladders/default.yaml) compte depuis l'échéance de la plus ancienne facture impayée ; un \
            profil de payeur (forms/ladders/profiles.yaml : oublieux, desorganise, en-difficulte, mauvaise-foi) \
            change son rythme et son ton. Une étape déjà enregistrée n'est jamais proposée deux fois ; une promesse \
            suspend les relances jusqu'à sa date, un échéancier accepté les suspend tant que chaque échéance est \
            payée. recouvre n'envoie rien : il écrit la lettre (.txt) ou le courriel (.eml, à ouvrir dans un \
            logiciel de messagerie).

            --record ajoute la relance au journal à côté du cas (case.reminders.yaml à côté de case.yaml) ; \
            le fichier de cas lui-même n'est jamais réécrit. recouvre build lit aussi ce journal : les relances, \
            promesses et échéanciers enregistrés figurent dans la mise en demeure, la requête et le bordereau. \
            Avec --archive DB, chaque relance écrite est aussi archivée (recouvre archive : la lettre ou le .eml \
            octet pour octet, dans la chaîne d'empreintes scellée des mises en demeure ; secret comme pour \
            recouvre archive, par $RECOUVRE_ARCHIVE_SECRET ou le dossier de configuration). Rien n'est écrit \
            si une relance ne peut pas être archivée (déjà archivée, archive illisible, secret absent).

            Exemples :
              recouvre remind fixtures/b2b-lyon-dijon/case.yaml --as-of 2025-05-16
              recouvre remind clients/ --as-of 2026-11-23 --out relances
              recouvre remind case.yaml --profile mauvaise-foi --record
              recouvre remind clients/ --record --archive ~/archives/cabinet.sqlite
            """
    )

    @Argument(help: "Un fichier de cas, ou un dossier de fichiers de cas.")
    var input: String

    @OptionGroup var asOf: AsOfOption

    @Option(
        name: .long,
        help: "Profil de payeur : standard, oublieux, desorganise, en-difficulte, mauvaise-foi (ou leurs noms anglais)."
    )
    var profile: String?

    @Flag(name: .long, help: "Enregistre la relance écrite dans le journal du cas (case.reminders.yaml).")
    var record = false

    @Option(name: .long, help: "Dossier des lettres et courriels (par défaut avec --record : relances/ à côté du cas).")
    var out: String?

    @Option(
        name: .long,
        help: "Archive aussi chaque relance enregistrée dans cette archive (recouvre archive), avec --record.")
    var archive: String?

    @OptionGroup var forms: FormsOption

    func validate() throws {
        if archive != nil && !record {
            throw ValidationError(
                "--archive s'emploie avec --record (la relance archivée est aussi enregistrée au journal)")
        }
    }

    func run() throws {
        let output = try reportingErrors { () throws -> String in
            let context = try AmicableContext.load(forms)
            let cases = try AmicableCase.loadAll(try AmicableCase.paths(input))
            let engine = StatementEngine(tables: context.tables, messages: context.forms.messages)
            var report: [String] = []
            var pending:
                [(
                    data: Data, path: String, record: (AmicableCase, AmicableJournal.Entry, String)?,
                    archived: ReminderSubmission?, report: Int
                )] = []
            for item in cases {
                let claim = item.claim
                let day = amicableDay(asOf.day, claim)
                let history = item.history
                let chosen = try context.forms.profiles.resolve(profile ?? history.profile)
                let statement = try engine.statement(for: claim, asOf: day)
                let decision = LadderEngine.decide(
                    case: claim, statement: statement, history: history, ladder: context.forms.ladder, profile: chosen,
                    asOf: day, formalNoticeDays: context.settings.formalNoticeDays(for: statement.regime))
                var lines = [
                    "\(claim.reference) — \(claim.debtor.name) (profil : \(chosen.id), au \(FrenchFormat.shortDate(day)))"
                ]
                lines.append(
                    "  Reste dû : \(Money.french(statement.totals.principal)) en principal ; total \(Money.french(statement.totals.total))"
                )
                lines.append(contentsOf: RemindReport.state(decision))
                if let step = decision.dueStep, step.kind == .reminder {
                    let document = try ReminderWriter.write(
                        case: claim, statement: statement, decision: decision, step: step, history: history, asOf: day,
                        tables: context.tables, forms: context.forms)
                    let folder = out ?? (record ? (item.folder as NSString).appendingPathComponent("relances") : nil)
                    if let folder {
                        let path = (folder as NSString).appendingPathComponent(document.fileName)
                        let reference = RemindReport.relative(path, to: item.folder)
                        let entry = AmicableJournal.Entry.reminder(
                            RecordedReminder(
                                date: day, step: step.id, channel: document.channel, file: reference, profile: chosen.id
                            ))
                        let submission =
                            archive == nil
                            ? nil
                            : ReminderSubmission(
                                caseReference: claim.reference,
                                creditor: ArchivedParty(name: claim.creditor.name, siren: claim.creditor.siren),
                                debtor: ArchivedParty(name: claim.debtor.name, siren: claim.debtor.siren),
                                amountDue: statement.totals.principal, sent: day, step: step.id,
                                channel: ReminderChannel(rawValue: document.channel.rawValue) ?? .registeredLetter,
                                profile: chosen.id, fileName: document.fileName, data: document.contents)
                        pending.append(
                            (
                                document.contents, path, record ? (item, entry, chosen.id) : nil, submission,
                                report.count
                            ))
                        lines.append("  → \(path)\(record ? " (enregistrée dans \(item.journalPath))" : "")")
                    } else {
                        lines.append(
                            "  (non écrite : --out DIR pour l'écrire, --record pour l'écrire et l'enregistrer)")
                    }
                    lines.append(contentsOf: document.notes.map { "  Note : \($0)" })
                } else if record, decision.dueStep?.kind == .formalNotice {
                    lines.append(
                        "  (rien à enregistrer : la mise en demeure s'écrit avec recouvre build puis s'ajoute au dossier en événement formal_notice)"
                    )
                }
                lines.append(contentsOf: context.forms.messages.texts(decision.notes).map { "  Note : \($0)" })
                report.append(lines.joined(separator: "\n"))
            }
            // Written only once every case has been computed: an error leaves nothing half-written.
            // The archive is opened first; every file is then written to a temporary name beside its
            // place, the reminders are archived in one transaction, and only then are the files renamed
            // into place: a failure before the renames removes the temporary files, the archive unchanged.
            let store = try archive.map { try ArchiveStore(path: $0, mode: .create) }
            var staged: [StagedFile] = []
            do {
                for item in pending {
                    staged.append(try AtomicFile.stage(item.data, to: item.path))
                    if let (source, entry, profile) = item.record {
                        staged.append(
                            try AtomicFile.stage(
                                source.journalData(adding: entry, profile: profile), to: source.journalPath))
                    }
                }
                let archived = try store?.add(reminders: pending.compactMap(\.archived)) ?? []
                for (item, record) in zip(pending.filter { $0.archived != nil }, archived) {
                    report[item.report] +=
                        "\n  Archivée : relance n° \(record.id), entrée \(record.seq) de la chaîne (\(archive ?? ""))"
                }
            } catch {
                for file in staged.reversed() { file.discard() }
                throw error
            }
            for file in staged { try file.commit() }
            return report.joined(separator: "\n\n")
        }
        printOut(output)
    }
}

enum RemindReport {
    static func state(_ decision: LadderDecision) -> [String] {
        var lines: [String] = []
        switch decision.state {
        case .settled: lines.append("  Soldé : aucune relance.")
        case .due:
            if let step = decision.dueStep {
                if step.kind == .formalNotice {
                    lines.append(
                        "  Étape du jour : \(step.offset) \(step.label) — à écrire avec recouvre build (lettre recommandée avec accusé de réception), puis à ajouter au dossier (événement formal_notice)."
                    )
                } else {
                    lines.append("  Étape du jour : \(step.offset) \(step.label) (\(channel(step.channel)))")
                }
            }
            if !decision.passed.isEmpty {
                lines.append(
                    "  Étapes passées sans envoi : "
                        + decision.passed.map { "\($0.offset) \($0.label)" }.joined(separator: ", "))
            }
        case .waiting: lines.append("  Rien à envoyer aujourd'hui.")
        case .collectiveProceedings: lines.append("  Procédure collective : pas de relance.")
        case .paused(let promise):
            lines.append("  En pause : promesse de paiement jusqu'au \(FrenchFormat.shortDate(promise.until)).")
        case .onHold(let plan):
            lines.append(
                "  En attente : échéancier accepté le \(FrenchFormat.shortDate(plan.date)), respecté à ce jour.")
        case .noticeSent(let notice):
            lines.append("  Mise en demeure envoyée le \(FrenchFormat.shortDate(notice.date)) : délai en cours.")
        case .court(let notice):
            lines.append(
                "  Mise en demeure du \(FrenchFormat.shortDate(notice.date)) restée sans effet : saisir le juge (recouvre route, recouvre build)."
            )
        }
        switch decision.next {
        case .step(let step, let day):
            lines.append(
                "  Ensuite : \(step.offset) \(step.label) (\(channel(step.channel))), à partir du \(FrenchFormat.shortDate(day))."
            )
        case .court(let day):
            if case .court = decision.state { break }
            lines.append(
                "  Ensuite : le juge"
                    + (day.map { ", à partir du \(FrenchFormat.shortDate($0))" }
                        ?? ", après le délai de la mise en demeure") + ".")
        case .instalment(let instalment):
            lines.append(
                "  Prochaine échéance : \(Money.french(instalment.amount)) au plus tard le \(FrenchFormat.shortDate(instalment.date))."
            )
        case .none: break
        }
        return lines
    }

    static func channel(_ channel: Channel) -> String {
        switch channel {
        case .email: return "courriel"
        case .letter: return "courrier"
        case .registeredLetter: return "lettre recommandée avec AR"
        case .bailiff: return "commissaire de justice"
        }
    }

    /// `relances/x.txt` when `path` is under `folder`, else `path` as given.
    static func relative(_ path: String, to folder: String) -> String {
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        let base = URL(fileURLWithPath: folder.isEmpty ? "." : folder).standardizedFileURL.path + "/"
        return full.hasPrefix(base) ? String(full.dropFirst(base.count)) : full
    }
}
