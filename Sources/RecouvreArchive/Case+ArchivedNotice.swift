import RecouvreModel

extension Case {
    /// The case with its formal notice, or that notice's receipt date, taken from the archive when
    /// the case file does not give them (`statement --archive`, `build --archive`); `note` says what
    /// was taken, or why nothing was, for the command to print as a warning. The case file always
    /// wins: an archived notice sent on another day than the case file's is not used.
    ///
    /// The receipt date matters because civil interest runs from the mise en demeure's receipt
    /// (C. civ. 1231-6, 1344-1).
    ///
    /// Nothing is taken from an archive whose chain does not verify (`ArchiveStore.verify`), and an
    /// archived receipt dated before its notice was sent, or after the case's as-of day (else
    /// `today`), is refused: both are errors, not warnings.
    public func completingFormalNotice(
        from archive: ArchiveStore, today: Day? = nil
    ) throws
        -> (case: Case, note: String?)
    {
        if let notice = formalNotice, notice.received != nil { return (self, nil) }
        let check = try archive.verify()
        if let problem = check.problem {
            throw ArchiveError(
                .chainBroken,
                "\(problem.description)\n\(archive.path) : la chaîne de l'archive ne se vérifie pas : recouvre n'en prend "
                    + "ni la mise en demeure ni son accusé de réception (lancez recouvre archive verify)")
        }
        guard let archived = try archive.latestFormalNotice(caseReference: reference) else {
            return (self, "aucune mise en demeure archivée pour le dossier \(reference) dans \(archive.path)")
        }
        if let received = archived.received {
            if received < archived.sent {
                throw ArchiveError(
                    "\(archive.path) : notification #\(archived.id) : accusé de réception du \(received.iso) antérieur à "
                        + "l'envoi du \(archived.sent.iso) ; corrigez-le avec recouvre archive receipt")
            }
            if let limit = asOf ?? today, received > limit {
                throw ArchiveError(
                    "\(archive.path) : notification #\(archived.id) : accusé de réception du \(received.iso) postérieur "
                        + "à la date du calcul (\(limit.iso)) ; vérifiez la date ou --as-of")
            }
        }
        let receipt =
            archived.received.map {
                archived.outcome == .notCollected
                    ? "présentée le \($0.iso), non réclamée (pli avisé non réclamé : vaut réception ce jour-là)"
                    : "reçue le \($0.iso)"
            } ?? "aucun accusé de réception enregistré"
        var completed = self
        if let notice = formalNotice {
            guard notice.date == archived.sent else {
                return (
                    self,
                    "la notification #\(archived.id) archivée pour le dossier \(reference) a été envoyée le "
                        + "\(archived.sent.iso), la mise en demeure du fichier du dossier le \(notice.date.iso) : "
                        + "non utilisée"
                )
            }
            guard let received = archived.received,
                let index = events.lastIndex(where: { $0.type == .formalNotice && $0.date == notice.date })
            else {
                return (self, "l'archive n'a pas non plus d'accusé de réception pour la notification #\(archived.id)")
            }
            completed.events[index].received = received
            return (
                completed,
                "date de réception \(received.iso) de la mise en demeure prise de l'archive "
                    + "(notification #\(archived.id))"
            )
        }
        completed.events.append(
            Event(
                type: .formalNotice, date: archived.sent, received: archived.received,
                channel: Channel(rawValue: archived.channel.rawValue), tracking: archived.tracking))
        return (
            completed,
            "mise en demeure prise de l'archive : notification #\(archived.id) envoyée le \(archived.sent.iso) "
                + "(\(archived.channel.rawValue)), \(receipt)"
        )
    }
}

/// What `build --archive` takes from the archive: the case completed as `completingFormalNotice`
/// does, and the letter actually sent, named in the case's formal notice (`letter`) by its
/// `ArchivedLetter.path`, whose bytes the build must serve for that path.
public struct ArchiveCompletion: Sendable, Hashable {
    public var `case`: Case
    /// What was taken, or why nothing was, for the command to print as warnings.
    public var notes: [String]
    public var letter: ArchivedLetter?
}

extension Case {
    /// The case completed from the archive for a dossier (`build --archive`): its formal notice and
    /// receipt date as `completingFormalNotice` takes them, and — when the archive holds the notice
    /// the case records (same case, same day sent), or the notice taken from the archive — the letter
    /// as sent, which the court dossier produces as the notice's exhibit (domain.md §5). The archive's
    /// letter replaces a `letter` the case file names: it is the one whose bytes were recorded when
    /// it was sent.
    ///
    /// The letter's bytes are checked against the SHA-256 the archive recorded before anything else
    /// (a mismatch is refused, naming the notice and both digests), then the whole chain is verified.
    public func completingForDossier(from archive: ArchiveStore, today: Day? = nil) throws -> ArchiveCompletion {
        let target: Int64?
        if let notice = formalNotice {
            target = try archive.formalNotice(caseReference: reference, sent: notice.date)?.id
        } else {
            target = try archive.latestFormalNotice(caseReference: reference)?.id
        }
        let letter = try target.map { try archive.sentLetter(noticeID: $0) }
        let (completed, note) = try completingFormalNotice(from: archive, today: today)
        var result = ArchiveCompletion(case: completed, notes: note.map { [$0] } ?? [], letter: nil)
        guard let letter,
            let index = completed.events.lastIndex(where: { $0.type == .formalNotice && $0.date == letter.sent })
        else { return result }
        let replaced = completed.events[index].letter
        result.case.events[index].letter = letter.path
        // An exhibit listing the replaced letter's file is that letter: it now names the archived one.
        if let replaced {
            for exhibit in result.case.exhibits.indices where result.case.exhibits[exhibit].file == replaced {
                result.case.exhibits[exhibit].file = letter.path
            }
        }
        result.letter = letter
        result.notes.append(
            "mise en demeure envoyée prise de l'archive (notification #\(letter.noticeID), "
                + (letter.isSentFile ? "fichier envoyé" : "texte archivé") + " \(letter.fileName), SHA-256 "
                + "\(letter.sha256)) comme pièce du dossier au tribunal"
                + (replaced.map { " ; elle remplace events[\(index)].letter (\($0))" } ?? ""))
        return result
    }
}
