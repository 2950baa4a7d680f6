import RecouvreModel
import RecouvreRoute

extension DossierChecks {
    /// The procedures whose pièces are not the case's exhibits (a title's enforcement lists the decision
    /// and its service only).
    static func usesCaseExhibits(_ procedure: Procedure) -> Bool { procedure != .enforcement }

    /// Refusals of the situations: a public body whose mémoire is received but not yet rejected gets no
    /// requête and no second mémoire (CJA R421-1, R421-2), unless the user asks the notice stage (the
    /// mémoire again) explicitly.
    static func situationRefusals(_ input: DossierInput, messages: MessageCatalogue) -> [String] {
        guard case .waiting(let received, let rejected, let from)? = input.route.administrativeClaim,
            input.options.stage != .notice
        else { return [] }
        let dates = FrenchDates(messages: messages)
        return [
            messages.text(
                SituationDocumentReason.claimWaiting(
                    received: dates.long(received), rejected: dates.long(rejected),
                    from: dates.long(from)))
        ]
    }

    /// Warnings of the situations: the title or its service to produce; the mémoire and its receipt
    /// that a référé-provision must come with (CJA R412-1).
    static func situationWarnings(_ input: DossierInput, messages: MessageCatalogue) -> [String] {
        var warnings: [String] = []
        let claim = input.case
        switch input.route.procedure {
        case .enforcement:
            guard let judgment = claim.judgment, let index = claim.events.firstIndex(of: judgment) else { break }
            if judgment.file == nil {
                warnings.append(
                    messages.text(
                        SituationDocumentReason.titleToProduce(
                            kind: TitleWords(messages: messages).kind(judgment), index: String(index))))
            }
            if judgment.served != nil, judgment.serviceFile == nil {
                warnings.append(messages.text(SituationDocumentReason.serviceToProduce(index: String(index))))
            }
        case .refereProvision:
            if let received = claim.events.filter({ $0.type == .claimReceived }).max(by: { $0.date < $1.date }),
                let index = claim.events.firstIndex(of: received),
                received.file == nil || received.receiptFile == nil
            {
                warnings.append(messages.text(SituationDocumentReason.claimFilesMissing(index: String(index))))
            }
        default:
            break
        }
        return warnings
    }
}
