import Foundation
import RecouvreModel

/// What `recouvre check` prints about a valid case, in French: the parties, the nature and regime of
/// the claim (domain.md §1), and counts and totals of invoices, payments and credit notes.
public enum CaseSummary {
    /// `principalDue` is the outstanding principal the statement engine computed (its totals), so that
    /// `check` says what `statement` says once payments go to interest first or overpay an invoice;
    /// without it (the rate tables do not cover the day), the line says it was not computed.
    public static func text(_ loaded: LoadedCase, fileName: String, principalDue: Decimal? = nil) -> String {
        let value = loaded.value
        var lines: [String] = []
        lines.append("Dossier \(value.reference) (\(fileName)) : fichier valide")
        lines.append("Créancier : \(party(value.creditor))")
        lines.append("Débiteur : \(party(value.debtor))")
        if let property = value.contract.property {
            lines.append("Bien loué : \(address(property))")
        }
        let given = value.contract.nature != nil ? "indiquée par le contrat" : "déduite des parties"
        lines.append("Nature : \(natureName(value.nature)) (\(given))")
        lines.append("Régime : \(regimeName(value.regime))")
        if let clause = value.contract.penaltyRate {
            lines.append("Taux contractuel : \(clauseName(clause))")
        }
        switch value.contract.collectiveProceedings {
        case .opened(let day)?:
            lines.append(
                "Procédure collective : ouverte le \(french(day)) (les intérêts s'arrêtent à cette date, C. com. L622-28)"
            )
        case .openedUnknownDate?:
            lines.append("Procédure collective : ouverte, date du jugement d'ouverture inconnue")
        case nil:
            break
        }
        let invoiced = value.totalInvoiced
        let paid = value.totalPaid
        let credited = value.totalCredited
        // A lease has rents and charges, with no VAT (loi 89-462; CGI 261 D).
        lines.append(
            value.nature == .residentialLease
                ? "Loyers et charges : \(value.invoices.count) échéances, total \(Money.french(invoiced))"
                : "Factures : \(value.invoices.count), total \(Money.french(invoiced)) TTC")
        let unallocated = value.payments.filter { $0.invoice == nil }.count
        var payments = "Paiements : \(value.payments.count), total \(Money.french(paid))"
        if unallocated > 0 {
            payments +=
                " (\(unallocated) sans facture désignée, imputé\(unallocated > 1 ? "s" : "") selon C. civ. 1342-10)"
        }
        lines.append(payments)
        lines.append("Avoirs : \(value.creditNotes.count), total \(Money.french(credited))")
        if let principalDue {
            lines.append("Reste dû en principal : \(Money.french(principalDue))")
        } else {
            lines.append("Reste dû en principal : non calculé (voir recouvre statement)")
        }
        lines.append("Événements : \(events(value))")
        let files = value.exhibits.filter { $0.file != nil }.count
        lines.append("Pièces : \(value.exhibits.count) (\(files) avec fichier)")
        lines.append("Date de calcul : \(value.asOf.map(french) ?? "aujourd'hui (as_of absent)")")
        lines.append(contentsOf: warnings(value).map { "Avertissement : \($0)" })
        return lines.joined(separator: "\n") + "\n"
    }

    /// What the case lacks that a later document needs, said before it is needed.
    public static func warnings(_ value: Case) -> [String] {
        var result: [String] = []
        let debtor = value.debtor
        if debtor.kind == .company, debtor.address.isFrance, debtor.siren == nil, debtor.siret == nil {
            result.append(
                "le débiteur est une société française sans SIREN (debtor.siren) ; la requête l'identifie par son SIREN et son RCS, copiez-le du Kbis ou d'annuaire-entreprises.data.gouv.fr"
            )
        }
        return result
    }

    static func party(_ party: Party) -> String {
        var text = party.name
        if let form = party.legalForm { text += " (\(form))" }
        switch party.kind {
        case .company: break
        case .publicBody: text += ", personne publique"
        case .individual:
            text += party.actsProfessionally ? ", particulier agissant à titre professionnel" : ", particulier"
        }
        if let siren = party.siren { text += ", SIREN \(grouped(siren))" }
        return text + ", " + address(party.address)
    }

    static func address(_ address: Address) -> String {
        var text = (address.lines + [[address.postcode, address.city].compactMap { $0 }.joined(separator: " ")])
            .joined(separator: ", ")
        if !address.isFrance { text += " (\(address.country))" }
        return text
    }

    static func grouped(_ digits: String) -> String {
        var text = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && index % 3 == 0 && index < 9 { text.append(" ") }
            if index == 9 { text.append(" ") }
            text.append(character)
        }
        return text
    }

    public static func natureName(_ nature: Nature) -> String {
        switch nature {
        case .commercial: return "commerciale"
        case .civil: return "civile"
        case .consumer: return "consommation"
        case .consumerCredit: return "crédit à la consommation"
        case .residentialLease: return "bail d'habitation"
        case .publicProcurement: return "commande publique"
        }
    }

    public static func regimeName(_ regime: Regime) -> String {
        switch regime {
        case .b2b:
            return
                "entre professionnels : pénalités de retard dès le lendemain de l'échéance et indemnité forfaitaire de 40 € par facture (C. com. L441-10 II, D441-5)"
        case .publicProcurement:
            return
                "commande publique : intérêts moratoires BCE + 8 points et indemnité forfaitaire de 40 € (C. commande publique R2192-31, D2192-35)"
        case .civil:
            return
                "civil : intérêts au taux légal à compter de la réception de la mise en demeure (C. civ. 1231-6, 1344-1)"
        case .consumer:
            return
                "consommateur : intérêts au taux légal à compter de la réception de la mise en demeure (C. civ. 1231-6), sans indemnité forfaitaire"
        case .residentialLease:
            return
                "bail d'habitation : intérêts au taux légal à compter de la mise en demeure (C. civ. 1231-6), juge des contentieux de la protection du domicile du locataire (CPC 1406)"
        case .consumerCredit:
            return "crédit à la consommation : intérêts contractuels seulement s'ils sont indiqués (C. consom. L312-39)"
        }
    }

    static func clauseName(_ clause: PenaltyRateClause) -> String {
        switch clause {
        case .fixed(let rate): return "\(Money.frenchRate(rate)) par an"
        case .ecbPlus(let points): return "taux BCE + \(number(points)) points, par semestre"
        case .legalTimes(let factor): return "\(number(factor)) × le taux légal, par semestre"
        }
    }

    static func number(_ value: Decimal) -> String {
        "\(value)".replacingOccurrences(of: ".", with: ",")
    }

    static func events(_ value: Case) -> String {
        if value.events.isEmpty { return "aucun" }
        var parts: [String] = []
        let reminders = value.events.filter { $0.type == .reminder }.count
        if reminders > 0 { parts.append("\(reminders) relance\(reminders > 1 ? "s" : "")") }
        let notices = value.events.filter { $0.type == .formalNotice }
        if let notice = value.formalNotice {
            var text = notices.count > 1 ? "\(notices.count) mises en demeure, la dernière" : "mise en demeure"
            text += " envoyée le \(french(notice.date))"
            text += notice.received.map { ", reçue le \(french($0))" } ?? ", réception non indiquée"
            parts.append(text)
        }
        if let judgment = value.judgment {
            var text = "décision exécutoire le \(french(judgment.date))"
            if let served = judgment.served { text += ", signifiée le \(french(served))" }
            parts.append(text)
        }
        return parts.joined(separator: " ; ")
    }

    static let months = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre",
    ]

    /// `23 juin 2025` (`1er juin 2025`).
    public static func french(_ day: Day) -> String {
        "\(day.day == 1 ? "1er" : String(day.day)) \(months[day.month - 1]) \(day.year)"
    }
}
