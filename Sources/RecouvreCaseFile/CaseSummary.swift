import Foundation
import RecouvreModel

/// What `recouvre check` prints about a valid case, in French: the parties, the nature and regime of
/// the claim (domain.md §1), and counts and totals of invoices, payments and credit notes. Every word is
/// the catalogue's (`forms/messages/check.yaml`, `CheckReason`); the statutory figures it names (the
/// flat fee, the public-procurement margin) are `statutory.yaml`'s, passed in as `Figures`.
public enum CaseSummary {
    /// The statutory figures the regime line names, as in force on the day of the computation
    /// (`forms/rates/statutory.yaml`: C. com. D441-5, C. commande publique R2192-31 and D2192-35).
    public struct Figures: Sendable, Hashable {
        public var flatFeeB2B: Decimal
        public var flatFeePublic: Decimal
        public var publicMargin: Decimal

        public init(flatFeeB2B: Decimal, flatFeePublic: Decimal, publicMargin: Decimal) {
            self.flatFeeB2B = flatFeeB2B
            self.flatFeePublic = flatFeePublic
            self.publicMargin = publicMargin
        }
    }

    /// `principalDue` is the outstanding principal the statement engine computed (its totals), so that
    /// `check` says what `statement` says once payments go to interest first or overpay an invoice;
    /// without it (the rate tables do not cover the day), the line says it was not computed. Without
    /// `figures` (the statutory parameters do not cover the day), the regime line names no figure.
    public static func text(
        _ loaded: LoadedCase, fileName: String, principalDue: Decimal? = nil, figures: Figures?,
        messages: MessageCatalogue
    ) -> String {
        func say(_ reason: CheckReason) -> String { messages.text(reason) }
        let value = loaded.value
        var lines: [String] = []
        lines.append(say(.fileValid(reference: value.reference, file: fileName)))
        lines.append(say(.creditor(party: party(value.creditor, messages))))
        lines.append(say(.debtor(party: party(value.debtor, messages))))
        if let property = value.contract.property {
            lines.append(say(.property(address: address(property))))
        }
        lines.append(
            say(
                .nature(
                    nature: say(natureName(value.nature)),
                    given: say(value.contract.nature != nil ? .givenByContract : .givenByParties))))
        lines.append(say(.regime(regime: regimeName(value.regime, figures: figures, messages))))
        if let clause = value.contract.penaltyRate {
            lines.append(say(.clause(clause: say(clauseName(clause)))))
        }
        switch value.contract.collectiveProceedings {
        case .opened(let day)?:
            lines.append(say(.proceedingsOpened(date: day)))
        case .openedUnknownDate?:
            lines.append(say(.proceedingsUnknownDate))
        case nil:
            break
        }
        let (invoiced, paid, credited) = (value.totalInvoiced, value.totalPaid, value.totalCredited)
        // A lease has rents and charges, with no VAT (loi 89-462; CGI 261 D).
        lines.append(
            value.nature == .residentialLease
                ? say(.invoicesLease(count: String(value.invoices.count), total: Money.french(invoiced)))
                : say(.invoices(count: String(value.invoices.count), total: Money.french(invoiced))))
        let unallocated = value.payments.filter { $0.invoice == nil }.count
        let (count, total) = (String(value.payments.count), Money.french(paid))
        lines.append(
            unallocated == 0
                ? say(.payments(count: count, total: total))
                : unallocated == 1
                    ? say(.paymentsOneUnallocated(count: count, total: total))
                    : say(.paymentsUnallocated(count: count, total: total, unallocated: String(unallocated))))
        lines.append(say(.creditNotes(count: String(value.creditNotes.count), total: Money.french(credited))))
        lines.append(principalDue.map { say(.principalDue(amount: Money.french($0))) } ?? say(.principalNotComputed))
        lines.append(say(.events(list: events(value, messages))))
        let files = value.exhibits.filter { $0.file != nil }.count
        lines.append(say(.exhibits(count: String(value.exhibits.count), files: String(files))))
        lines.append(value.asOf.map { say(.asOf(date: $0)) } ?? say(.asOfToday))
        lines.append(contentsOf: warnings(value, messages: messages).map { say(.warning(text: $0)) })
        return lines.joined(separator: "\n") + "\n"
    }

    /// What the case lacks that a later document needs, said before it is needed.
    public static func warnings(_ value: Case, messages: MessageCatalogue) -> [String] {
        var result: [String] = []
        let debtor = value.debtor
        if debtor.kind == .company, debtor.address.isFrance, debtor.siren == nil, debtor.siret == nil {
            result.append(messages.text(CheckReason.warningNoSiren))
        }
        return result
    }

    static func party(_ party: Party, _ messages: MessageCatalogue) -> String {
        var text =
            party.legalForm.map { messages.text(CheckReason.partyForm(name: party.name, form: $0)) } ?? party.name
        switch party.kind {
        case .company: break
        case .publicBody: text += ", " + messages.text(CheckReason.kindPublicBody)
        case .individual:
            text +=
                ", "
                + messages.text(party.actsProfessionally ? CheckReason.kindIndividualProfessional : .kindIndividual)
        }
        if let siren = party.siren { text += ", " + messages.text(CheckReason.siren(siren: grouped(siren))) }
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

    static func natureName(_ nature: Nature) -> CheckReason {
        switch nature {
        case .commercial: return .natureCommercial
        case .civil: return .natureCivil
        case .consumer: return .natureConsumer
        case .consumerCredit: return .natureConsumerCredit
        case .residentialLease: return .natureResidentialLease
        case .publicProcurement: return .naturePublicProcurement
        }
    }

    /// The regime and its rule in a few words; the flat fee and the margin are the data's.
    static func regimeName(_ regime: Regime, figures: Figures?, _ messages: MessageCatalogue) -> String {
        let reason: CheckReason
        switch regime {
        case .b2b:
            reason = figures.map { .regimeB2B(fee: euros($0.flatFeeB2B)) } ?? .regimeB2BNoFigures
        case .publicProcurement:
            reason =
                figures.map {
                    .regimePublicProcurement(margin: number($0.publicMargin), fee: euros($0.flatFeePublic))
                } ?? .regimePublicProcurementNoFigures
        case .civil: reason = .regimeCivil
        case .consumer: reason = .regimeConsumer
        case .residentialLease: reason = .regimeResidentialLease
        case .consumerCredit: reason = .regimeConsumerCredit
        }
        return messages.text(reason)
    }

    static func clauseName(_ clause: PenaltyRateClause) -> CheckReason {
        switch clause {
        case .fixed(let rate): return .clauseFixed(rate: Money.frenchRate(rate))
        case .ecbPlus(let points): return .clauseECB(points: number(points))
        case .legalTimes(let factor): return .clauseLegal(multiple: number(factor))
        }
    }

    /// `40 €`: a statutory sum in a sentence, without cents when it has none.
    static func euros(_ value: Decimal) -> String {
        value == Money.rounded(value, scale: 0) ? "\(number(value)) €" : Money.french(value)
    }

    static func number(_ value: Decimal) -> String {
        "\(value)".replacingOccurrences(of: ".", with: ",")
    }

    static func events(_ value: Case, _ messages: MessageCatalogue) -> String {
        func say(_ reason: CheckReason) -> String { messages.text(reason) }
        if value.events.isEmpty { return say(.eventsNone) }
        var parts: [String] = []
        let reminders = value.events.filter { $0.type == .reminder }.count
        if reminders > 0 {
            parts.append(say(reminders > 1 ? .reminders(count: String(reminders)) : .reminderOne))
        }
        let notices = value.events.filter { $0.type == .formalNotice }
        if let notice = value.formalNotice {
            var text =
                notices.count > 1
                ? say(.noticesLast(count: String(notices.count), date: notice.date)) : say(.notice(date: notice.date))
            text += ", " + (notice.received.map { say(.noticeReceived(date: $0)) } ?? say(.noticeReceiptUnknown))
            parts.append(text)
        }
        if let judgment = value.judgment {
            var text = say(.judgment(date: judgment.date))
            if let served = judgment.served { text += ", " + say(.judgmentServed(date: served)) }
            parts.append(text)
        }
        return parts.joined(separator: " ; ")
    }
}
