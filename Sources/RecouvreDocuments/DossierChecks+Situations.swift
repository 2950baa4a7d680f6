import RecouvreModel
import RecouvreRoute

extension DossierChecks {
    /// Whether the pièces are the case's exhibits: not for a title (its enforcement, abroad or by a public
    /// person's mandatement), whose pièces are the decision and its service only.
    /// Whether the route's dossier starts with a mise en demeure: never for a title, whose dossier is
    /// its décompte (a decision is executed or paid, not demanded again).
    static func hasNotice(_ route: Route) -> Bool { !route.titleRouted && hasNotice(route.procedure) }

    static func usesCaseExhibits(_ route: Route) -> Bool { !route.titleRouted }

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
        case _ where input.route.titleRouted:
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
