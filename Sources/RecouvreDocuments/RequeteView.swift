import RecouvreModel

/// The requête en injonction de payer laid out box by box like its CERFA (`forms/cerfa/`). CPC 1407:
/// the parties (for a company: form, name, seat, representative; for a natural person: surname, first
/// names, profession, domicile, nationality, date and place of birth, CPC 54 3° a), the amount broken
/// down (principal, interest, fees) and the interest that keeps running, the basis of the claim, the
/// exhibits; signed by the creditor or its mandataire. A plain-text requête follows the boxes of the
/// form; it is not the form.
public struct RequeteView: Sendable {
    public var cerfaNumber: String
    public var cerfaTitle: String
    public var addressee: String
    public var reference: String
    public var boxes: [Box]
    /// A mandataire files for the creditor.
    public var represented: Bool
    /// amicable (issue 16): the steps taken before the court (CPC 54 5°: the diligences entreprises
    /// en vue d'une résolution amiable, stated here for every requête).
    public var amicable: AmicableStepsView

    public struct Box: Sendable {
        public var id: String
        public var label: String
        public var lines: [String]
    }

    init(_ facts: DossierFacts, map: CerfaMap) {
        cerfaNumber = map.number
        cerfaTitle = map.title
        addressee = facts.addressee
        reference = facts.theCase.reference
        represented = facts.firm != nil
        amicable = AmicableStepsView(facts.input.amicableSteps)
        // A box with nothing to say (the referral of CPC 1408 when no other court is designated) is left out.
        boxes = map.boxes.compactMap { box in
            let lines = box.fields.flatMap { Self.lines(for: $0, facts) }
            return lines.isEmpty ? nil : Box(id: box.id, label: box.label, lines: lines)
        }
    }

    /// The text of one field of the form.
    static func lines(for field: CerfaField, _ facts: DossierFacts) -> [String] {
        let statement = facts.statement
        switch field {
        case .court:
            guard let court = facts.route.court else { return [facts.text(.courtToComplete)] }
            return [court.name]
                + (court.address.map({ PartyView.lines(of: $0, messages: facts.messages) })?.map(
                    FrenchFormat.ordinaryCase) ?? [])
        case .creditor:
            return partyLines(facts.theCase.creditor, facts.creditor, facts)
        case .creditorAgent:
            return facts.firmView?.agentLines ?? [facts.text(.agentNone)]
        case .debtor:
            return partyLines(facts.theCase.debtor, facts.debtor, facts)
        case .amountPrincipal:
            return [facts.text(.amountPrincipal(amount: FrenchFormat.amount(statement.totals.principal)))]
                + facts.depositLines
        case .amountInterest:
            let kind: DocumentReason =
                facts.legalInterest
                ? .interestKindLegal : facts.publicBuyer ? .interestKindPublic : .interestKindPenalties
            var text = facts.text(
                .amountInterest(
                    kind: facts.text(kind), date: facts.dates.long(statement.asOf),
                    amount: FrenchFormat.amount(statement.totals.penalties)))
            if let rates = facts.rates, let from = facts.interestFrom {
                text += " " + facts.text(.amountInterestDetail(rates: rates, from: from))
            }
            return [text] + facts.runningInterest
        case .amountFees:
            var lines: [String] = []
            if facts.feeLine {
                lines.append(facts.text(.amountFees(amount: FrenchFormat.amount(statement.totals.flatFees))))
            }
            if statement.totals.extraRecoveryCosts > 0 {
                lines.append(
                    facts.text(.amountExtraFees(amount: FrenchFormat.amount(statement.totals.extraRecoveryCosts))))
            }
            return lines
        case .amountTotal:
            return [facts.text(.amountTotal(amount: FrenchFormat.amount(statement.totals.total)))]
        case .claimBasis:
            return [facts.basis]
        case .claimInvoices:
            return zip(statement.invoices, facts.invoices).map { line, invoice in
                if facts.isLease { return facts.leaseLine(line, invoice) }
                if let paid = facts.paidOn(line) {
                    return facts.text(
                        .invoiceLinePaidLate(
                            number: invoice.number, issued: invoice.issued, amount: invoice.amount, due: invoice.due,
                            paid: facts.dates.long(paid)))
                }
                return facts.text(
                    .invoiceLine(
                        number: invoice.number, issued: invoice.issued, amount: invoice.amount, due: invoice.due,
                        outstanding: invoice.outstanding))
            }
        case .exhibits:
            return facts.exhibits.map {
                $0.toProduce
                    ? facts.text(.exhibitLineToProduce(number: String($0.number), title: $0.title))
                    : facts.text(.exhibitLine(number: String($0.number), title: $0.title))
            }
        case .oppositionReferral:
            // CPC 1408: only when the creditor designates a court other than the one seized. The case
            // format has no key for it yet: the box is left out rather than naming the same court.
            return []
        case .signature:
            return [
                facts.text(.signedAt(place: facts.place, date: facts.date)),
                facts.firmView?.signatureLine ?? facts.text(.signatoryCreditor(name: facts.signatory)),
                facts.text(.signatureBlank),
            ]
        }
    }

    /// `view`: the party's `PartyView` (the dossier's own, `DossierFacts.creditor` or `debtor`).
    static func partyLines(_ party: Party, _ view: PartyView, _ facts: DossierFacts) -> [String] {
        var lines = [view.name]
        if party.kind == .individual, let surname = party.surname, let first = party.firstNames {
            lines.append(facts.text(.personIdentity(surname: surname, firstNames: first)))
        }
        if let identity = view.identity { lines.append(identity) }
        if party.kind == .individual {
            if let profession = party.profession { lines.append(facts.text(.personProfession(profession: profession))) }
            if let nationality = party.nationality {
                lines.append(facts.text(.personNationality(nationality: nationality)))
            }
            if let born = party.birthDate, let place = party.birthPlace {
                lines.append(facts.text(.personBirth(date: facts.dates.long(born), place: place)))
            }
        }
        lines.append(facts.text(.partySeat(address: view.addressLines.joined(separator: ", "))))
        if let representative = view.representative {
            lines.append(facts.text(.partyRepresented(representative: representative)))
        }
        return lines
    }
}
