import Foundation
import RecouvreJSON
import RecouvreModel

/// Applies CDAR lifecycle statuses to existing cases (`recouvre import status FILE… --into DIR`):
///
/// - 212 Encaissée → a payment of the amount collected (MDT-215), on the status's date, allocated to the invoice;
/// - 205 Approuvée → the invoice is `accepted`, and the status message becomes an exhibit (the debtor
///   accepted the invoice: the claim is acknowledged);
/// - 207 En litige, 210 Refusée → `disputed` / `refused`: a disputed claim is not "certaine" (CPC 1405),
///   the route refuses the injonction de payer on it unless `--force`;
/// - 225 / 226 Affacturée → `factored`, with a warning: the claim may belong to the factor (subrogation,
///   C. civ. 1346-1), who alone may then sue;
/// - 211 Paiement transmis, 213 Rejetée, 220 Annulée → a warning, no change; the platform statuses 200–204
///   → nothing.
///
/// Cases are never edited in place: each updated case is a new value, written by the caller as a new
/// file beside the old one, and every change is listed.
public enum StatusImporter {
    /// A case as found in the folder.
    public struct ExistingCase: Sendable {
        /// The file's name in the folder (`552100554.yaml`).
        public var fileName: String
        public var value: Case
        public init(fileName: String, value: Case) {
            self.fileName = fileName
            self.value = value
        }
    }

    /// A case changed by statuses.
    public struct Update: Sendable {
        public var original: String
        /// The new file's name (`552100554.maj1.yaml`).
        public var fileName: String
        public var value: Case
        /// One line per change, in French.
        public var changes: [String]
        /// The status messages to copy beside the case (`pieces/…`).
        public var attachments: [ImportAttachment]
        public var locations: [String: SourceLocation]
    }

    public struct Outcome: Sendable {
        public var updates: [Update]
        public var notes: [ImportNote]
    }

    /// `statuses` with the bytes of the message each came from (copied as exhibit or status file);
    /// `messages`, the book's catalogue, words the exhibits' titles (`ImportReason`).
    public static func apply(
        _ statuses: [(status: CDARStatus, message: Data)], to cases: [ExistingCase], existingNames: Set<String>,
        messages: MessageCatalogue
    ) -> Outcome {
        var notes: [ImportNote] = []
        var working: [Int: Case] = [:]
        var changes: [Int: [String]] = [:]
        var attachments: [Int: [ImportAttachment]] = [:]
        var locations: [Int: [String: SourceLocation]] = [:]
        // Invoice number → the cases holding it.
        var holders: [String: [Int]] = [:]
        for (index, existing) in cases.enumerated() {
            for invoice in existing.value.invoices { holders[invoice.number, default: []].append(index) }
        }
        for (status, message) in statuses {
            let at = status.location
            var candidates = holders[status.invoice] ?? []
            if candidates.count > 1, let issuer = status.issuerID {
                let matching = candidates.filter { cases[$0].value.creditor.siren == issuer }
                if !matching.isEmpty { candidates = matching }
            }
            guard candidates.count == 1, let index = candidates.first else {
                notes.append(
                    ImportNote(
                        candidates.isEmpty ? .skipped : .warning,
                        candidates.isEmpty
                            ? "statut \(status.shown) de la facture \(status.invoice) : aucun dossier du dossier cible ne porte cette facture"
                            : "statut \(status.shown) de la facture \(status.invoice) : plusieurs dossiers la portent (\(candidates.map { cases[$0].fileName }.joined(separator: ", "))), aucun n'est modifié",
                        at: at))
                continue
            }
            var value = working[index] ?? cases[index].value
            guard let position = value.invoices.firstIndex(where: { $0.number == status.invoice }) else { continue }
            let piece = "pieces/" + URL(fileURLWithPath: status.file).lastPathComponent
            func attach() {
                if !(attachments[index] ?? []).contains(where: { $0.path == piece }) {
                    attachments[index, default: []].append(ImportAttachment(path: piece, data: message))
                }
            }
            func setStatus(_ new: InvoiceStatus) {
                value.invoices[position].status = new
                value.invoices[position].statusDate = status.date
                value.invoices[position].statusFile = piece
                attach()
                locations[index, default: [:]]["invoices[\(position)].status"] = at
            }
            let number = status.invoice
            switch status.code {
            case "212":
                guard let amount = status.amount, amount > 0 else {
                    notes.append(
                        ImportNote(
                            .warning,
                            "statut 212 Encaissée de la facture \(number) sans montant (MDT-215) : aucun règlement ajouté",
                            at: at))
                    continue
                }
                let reference = "CDAR 212 \(URL(fileURLWithPath: status.file).lastPathComponent)"
                if value.payments.contains(where: {
                    $0.reference == reference || ($0.invoice == number && $0.date == status.date && $0.amount == amount)
                }) {
                    notes.append(
                        ImportNote(
                            .info,
                            "encaissement de \(Money.plain(amount)) du \(status.date.iso) sur \(number) déjà enregistré",
                            at: at))
                    continue
                }
                locations[index, default: [:]]["payments[\(value.payments.count)]"] = at
                value.payments.append(Payment(date: status.date, amount: amount, invoice: number, reference: reference))
                changes[index, default: []].append(
                    "facture \(number) : règlement de \(Money.french(amount)) le \(status.date.iso) ajouté (statut 212 Encaissée)"
                )
            case "205":
                setStatus(.accepted)
                let title = messages.text(
                    ImportReason.approvedStatusExhibit(number: number, date: EInvoiceImporter.french(status.date)))
                if !value.exhibits.contains(where: { $0.file == piece }) {
                    value.exhibits.append(Exhibit(title: title, file: piece))
                }
                changes[index, default: []].append(
                    "facture \(number) : acceptée par le débiteur le \(status.date.iso) (statut 205 Approuvée), message ajouté aux pièces"
                )
            case "206":
                notes.append(
                    ImportNote(
                        .warning,
                        "facture \(number) : approuvée partiellement (206) : vérifiez la part acceptée, aucun changement",
                        at: at))
            case "207", "210":
                let disputed = status.code == "207"
                setStatus(disputed ? .disputed : .refused)
                let reason = [status.reasonCode, status.reason].compactMap { $0 }.joined(separator: " ")
                changes[index, default: []].append(
                    "facture \(number) : \(disputed ? "contestée" : "refusée") par le débiteur le \(status.date.iso) (statut \(status.shown))"
                        + (reason.isEmpty ? "" : ", motif : \(reason)")
                        + " ; une créance contestée n'est pas certaine : pas d'injonction de payer sans --force")
            case "225", "226":
                setStatus(.factored)
                changes[index, default: []].append(
                    "facture \(number) : affacturée (statut \(status.shown)) le \(status.date.iso)")
                notes.append(
                    ImportNote(
                        .warning,
                        "facture \(number) affacturée (\(status.shown)) : la créance peut appartenir au factor (subrogation, C. civ. 1346-1) ; "
                            + "vérifiez qui peut agir avant tout recouvrement", at: at))
            case "211":
                notes.append(
                    ImportNote(
                        .info,
                        "facture \(number) : paiement annoncé (211 Paiement transmis) ; il sera repris à l'encaissement (212)",
                        at: at))
            case "213", "220":
                notes.append(
                    ImportNote(
                        .warning,
                        "facture \(number) : \(status.shown) : la facture n'a pas été valablement émise ou a été annulée ; vérifiez-la avant tout recouvrement",
                        at: at))
            default:
                notes.append(
                    ImportNote(.info, "facture \(number) : statut \(status.shown) sans effet sur le dossier", at: at))
            }
            working[index] = value
        }
        var updates: [Update] = []
        var taken = existingNames
        for index in working.keys.sorted() {
            guard let value = working[index], value != cases[index].value else { continue }
            let fileName = nextName(for: cases[index].fileName, taken: taken)
            taken.insert(fileName)
            updates.append(
                Update(
                    original: cases[index].fileName, fileName: fileName, value: value, changes: changes[index] ?? [],
                    attachments: attachments[index] ?? [], locations: locations[index] ?? [:]))
        }
        return Outcome(updates: updates, notes: notes)
    }

    /// `case.yaml` → `case.maj1.yaml`; `case.maj1.yaml` → `case.maj2.yaml`; never a name already taken.
    public static func nextName(for file: String, taken: Set<String>) -> String {
        let url = URL(fileURLWithPath: file)
        let ext = url.pathExtension.isEmpty ? "yaml" : url.pathExtension
        var stem = url.deletingPathExtension().lastPathComponent
        var number = 1
        if let range = stem.range(of: ".maj", options: .backwards), let current = Int(stem[range.upperBound...]) {
            number = current + 1
            stem = String(stem[..<range.lowerBound])
        }
        while taken.contains("\(stem).maj\(number).\(ext)") { number += 1 }
        return "\(stem).maj\(number).\(ext == "json" ? "yaml" : ext)"
    }

    /// Of the case files of a folder, the latest version of each (`x.maj2.yaml` over `x.maj1.yaml` over `x.yaml`).
    public static func latestVersions(_ names: [String]) -> [String] {
        var best: [String: (Int, String)] = [:]
        for name in names {
            let url = URL(fileURLWithPath: name)
            var stem = url.deletingPathExtension().lastPathComponent
            var version = 0
            if let range = stem.range(of: ".maj", options: .backwards), let number = Int(stem[range.upperBound...]) {
                version = number
                stem = String(stem[..<range.lowerBound])
            }
            if let current = best[stem], current.0 >= version { continue }
            best[stem] = (version, name)
        }
        return best.values.map(\.1).sorted()
    }
}

/// What `recouvre import status` prints: each case updated and its changes, then the notes.
public enum StatusSummary {
    public static func render(_ outcome: StatusImporter.Outcome, folder: String, json: Bool) -> String {
        if json {
            return JSONValue.object([
                ("format", .string("recouvre.import-status/1")),
                ("into", .string(folder)),
                (
                    "updates",
                    .array(
                        outcome.updates.map { update in
                            .object([
                                ("from", .string(update.original)), ("file", .string(update.fileName)),
                                ("changes", .array(update.changes.map(JSONValue.string))),
                            ])
                        })
                ),
                ("notes", .array(outcome.notes.map(ImportSummary.note))),
            ]).rendered()
        }
        var out = ""
        if outcome.updates.isEmpty { out += "Aucun dossier modifié.\n" }
        for update in outcome.updates {
            out += "\(folder)/\(update.fileName) (nouvelle version ; \(update.original) reste inchangé) :\n"
            for change in update.changes { out += "  - \(change)\n" }
        }
        for note in outcome.notes { out += note.description + "\n" }
        return out
    }
}
