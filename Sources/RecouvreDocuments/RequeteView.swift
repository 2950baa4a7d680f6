import RecouvreModel

/// The requête en injonction de payer laid out box by box like its CERFA (`forms/cerfa/`). CPC 1407:
/// the parties (for a company: form, name, seat, representative), the amount broken down
/// (principal, interest, fees), the basis of the claim, the exhibits; signed by the creditor.
public struct RequeteView: Sendable {
    public var cerfaNumber: String
    public var cerfaTitle: String
    public var addressee: String
    public var reference: String
    public var boxes: [Box]

    public struct Box: Sendable {
        public var id: String
        public var label: String
        public var lines: [String]
    }

    init(_ facts: DossierFacts, map: CerfaMap) {
        cerfaNumber = map.number
        cerfaTitle = map.title
        addressee = map.addressee
        reference = facts.theCase.reference
        boxes = map.boxes.map { box in
            Box(id: box.id, label: box.label, lines: box.fields.flatMap { Self.lines(for: $0, facts) })
        }
    }

    /// The text of one field of the form.
    static func lines(for field: CerfaField, _ facts: DossierFacts) -> [String] {
        let statement = facts.statement
        switch field {
        case .court:
            guard let court = facts.route.court else { return ["(juridiction à compléter)"] }
            return [court.name] + (court.address.map(PartyView.lines(of:)) ?? [])
        case .creditor:
            return partyLines(facts.creditor)
        case .creditorAgent:
            return ["Néant : le créancier agit lui-même (à compléter s'il est représenté par un mandataire)."]
        case .debtor:
            return partyLines(facts.debtor)
        case .amountPrincipal:
            return ["Principal : \(FrenchFormat.amount(statement.totals.principal))"]
        case .amountInterest:
            var text =
                (facts.legalInterest
                    ? "Intérêts au taux légal"
                    : facts.publicBuyer
                        ? "Intérêts moratoires" : "Pénalités de retard")
                + " au \(FrenchFormat.date(statement.asOf)) : \(FrenchFormat.amount(statement.totals.penalties))"
            if let rates = facts.rates, let from = facts.interestFrom {
                text += " (\(rates), à compter du \(from) ; détail au relevé de compte)"
            }
            return [text]
        case .amountFees:
            var lines = [
                "Frais accessoires : indemnité forfaitaire pour frais de recouvrement "
                    + "\(FrenchFormat.amount(statement.totals.flatFees))"
            ]
            if statement.totals.extraRecoveryCosts > 0 {
                lines.append(
                    "Frais de recouvrement complémentaires justifiés : "
                        + FrenchFormat.amount(statement.totals.extraRecoveryCosts))
            }
            return lines
        case .amountTotal:
            return ["Total : \(FrenchFormat.amount(statement.totals.total))"]
        case .claimBasis:
            return [facts.basis]
        case .claimInvoices:
            return statement.invoices.map {
                "- Facture n° \($0.number) du \(FrenchFormat.date($0.issued)) : \(FrenchFormat.amount($0.amount)) TTC, "
                    + "échue le \(FrenchFormat.date($0.due)), reste dû \(FrenchFormat.amount($0.outstanding))"
            }
        case .exhibits:
            return facts.exhibits.map { "Pièce n° \($0.number) : \($0.title)" }
        case .oppositionReferral:
            let court = facts.courtName.map { "le \($0)" } ?? "la juridiction compétente"
            return [
                "En cas d'opposition, le créancier demande que l'affaire soit immédiatement renvoyée devant "
                    + "\(court) (CPC 1408)."
            ]
        case .signature:
            return [
                "Fait à \(facts.place), le \(facts.date).",
                "Le créancier ou son représentant, \(facts.signatory) :",
                "Signature : ______________________ (à signer par le créancier)",
            ]
        }
    }

    static func partyLines(_ party: PartyView) -> [String] {
        var lines = [party.name]
        if let identity = party.identity { lines.append(identity) }
        lines.append("Siège ou domicile : " + party.addressLines.joined(separator: ", "))
        if let representative = party.representative { lines.append("Représentée par : \(representative)") }
        return lines
    }
}
