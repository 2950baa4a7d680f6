import RecouvreModel
import RecouvreRoute

/// What a dossier must have before it is built for its stage (domain.md §5), as French sentences:
/// refusals stop a court dossier (exit 1), warnings go to the terminal and to notes.txt.
public enum DossierChecks {
    /// Whether the procedure starts with a mise en demeure (and so has two stages).
    static func hasNotice(_ procedure: Procedure) -> Bool {
        DocumentKind.plan(for: procedure, stage: .notice).contains(.miseEnDemeure)
    }

    /// The first day a requête may be dated: the day after the time the notice gave has run (8 or 15
    /// days from its receipt, forms/templates/settings.yaml; the day of receipt is not counted and the
    /// last day is the debtor's whole, CPC 641-642), or nil without a receipt.
    public static func earliestFiling(_ claim: Case, settings: DocumentSettings) -> Day? {
        guard let receipt = claim.formalNotice?.effectiveReceipt else { return nil }
        return receipt.adding(days: settings.formalNoticeDays(for: claim.regime) + 1)
    }

    /// Why a court dossier cannot be built as asked; empty in the notice stage.
    public static func refusals(
        _ input: DossierInput, settings: DocumentSettings, messages: MessageCatalogue
    ) -> [String] {
        guard input.stage == .court else { return situationRefusals(input, messages: messages) }
        var reasons: [String] = []
        let dates = FrenchDates(messages: messages)
        func say(_ reason: DocumentReason) { reasons.append(messages.text(reason)) }
        let claim = input.case
        if hasNotice(input.route) {
            if let notice = claim.formalNotice, let index = claim.events.firstIndex(of: notice) {
                if notice.letter == nil { say(.noticeLetterMissing(index: String(index))) }
                if notice.effectiveReceipt == nil {
                    say(.noticeNotReceived(index: String(index), date: dates.long(notice.date)))
                } else if let earliest = earliestFiling(claim, settings: settings), input.statement.asOf < earliest,
                    !input.options.force
                {
                    say(
                        .noticeTimeNotRun(
                            received: dates.long(notice.effectiveReceipt!),
                            days: String(settings.formalNoticeDays(for: claim.regime)),
                            earliest: dates.long(earliest),
                            date: dates.long(input.statement.asOf)))
                }
            } else {
                say(.noticeMissing)
            }
        }
        // CPC 54 3° a: a natural person's identity in the requête, on pain of nullity.
        if claim.creditor.kind == .individual, [.injonctionDePayer, .pspc].contains(input.route.procedure) {
            let missing = identityKeysMissing(claim.creditor)
            if !missing.isEmpty { say(.identityMissing(keys: missing.joined(separator: ", "))) }
        }
        // CPC 1407: the requête is accompanied by the documents it lists.
        for (index, exhibit) in claim.exhibits.enumerated()
        where exhibit.file == nil && !exhibit.toProduce && usesCaseExhibits(input.route) {
            say(.exhibitWithoutFile(index: String(index), number: String(index + 1), title: exhibit.title))
        }
        return reasons + situationRefusals(input, messages: messages)
    }

    /// The creditor keys CPC 54 3° a asks of a natural person that the case lacks.
    public static func identityKeysMissing(_ party: Party) -> [String] {
        var missing: [String] = []
        if party.surname == nil { missing.append("creditor.surname") }
        if party.firstNames == nil { missing.append("creditor.first_names") }
        if party.profession == nil { missing.append("creditor.profession") }
        if party.nationality == nil { missing.append("creditor.nationality") }
        if party.birthDate == nil { missing.append("creditor.birth_date") }
        if party.birthPlace == nil { missing.append("creditor.birth_place") }
        return missing
    }

    /// What the user must know (terminal and notes.txt).
    static func warnings(_ input: DossierInput, messages: MessageCatalogue) -> [String] {
        var warnings: [String] = []
        func say(_ reason: DocumentReason) { warnings.append(messages.text(reason)) }
        let claim = input.case
        warnings += situationWarnings(input, messages: messages)
        for (index, exhibit) in claim.exhibits.enumerated()
        where exhibit.file == nil && usesCaseExhibits(input.route) {
            if exhibit.toProduce {
                say(.exhibitToProduce(number: String(index + 1), title: exhibit.title))
            } else if input.stage == .notice {
                say(.exhibitWithoutFile(index: String(index), number: String(index + 1), title: exhibit.title))
            }
        }
        if input.stage == .court, hasNotice(input.route), let notice = claim.formalNotice,
            let index = claim.events.firstIndex(of: notice)
        {
            // A notice served by a commissaire de justice (channel bailiff) is its own proof.
            if notice.channel != .bailiff {
                if notice.dispatchProof == nil { say(.dispatchProofMissing(index: String(index))) }
                if notice.receiptFile == nil { say(.receiptFileMissing(index: String(index))) }
            }
        }
        if input.stage == .court, input.route.procedure == .injonctionDePayer,
            let court = input.route.court, court.kind == .chambreCommercialeTJ
        {
            say(.alsaceMoselleAmount(court: court.name))
        }
        // pdf (issue 17): a professional writing to a consumer gives its médiateur de la consommation
        // (C. consom. L612-1, L616-1, R616-1), in the notice to send as in the one sent.
        if input.statement.regime == .consumer, claim.creditor.actsProfessionally, claim.creditor.mediator == nil {
            say(input.stage == .notice ? .mediatorMissingNotice : .mediatorMissingCourt)
        }
        // C. com. L622-24 al. 2: a mandataire other than an avocat (dispensed by CPC 416) proves its
        // mandate; conservative reading: ask for the written special power rather than rely on ratification.
        if input.route.procedure == .declarationDeCreance, let firm = input.options.firm, firm.kind != .avocat {
            say(.declarationMandate(firm: firm.name))
        }
        return warnings
    }

    /// The warning of a court dossier built with `--force` before the notice's time has run.
    public static func forcedWarning(
        _ input: DossierInput, settings: DocumentSettings, messages: MessageCatalogue
    ) -> String? {
        guard input.stage == .court, hasNotice(input.route), input.options.force,
            let receipt = input.case.formalNotice?.effectiveReceipt,
            let earliest = earliestFiling(input.case, settings: settings), input.statement.asOf < earliest
        else { return nil }
        let dates = FrenchDates(messages: messages)
        return messages.text(
            DocumentReason.noticeTimeForced(
                received: dates.long(receipt), days: String(settings.formalNoticeDays(for: input.case.regime)),
                earliest: dates.long(earliest), date: dates.long(input.statement.asOf)))
    }
}
