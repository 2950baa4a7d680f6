import Foundation
import RecouvreDocuments
import RecouvreLaw
import RecouvreModel

/// A reminder ready to send: a letter (text for A4) or an e-mail (`.eml`). recouvre sends nothing.
public struct ReminderDocument: Sendable, Hashable {
    public var step: LadderStep
    /// The channel used: the step's, or a letter when an e-mail address is missing.
    public var channel: Channel
    public var subject: String
    /// The letter, or the e-mail's body.
    public var text: String
    /// `2026-0042-j15-2026-11-23.txt` or `.eml`.
    public var fileName: String
    /// The bytes to write: the text, or the whole MIME message.
    public var contents: Data
    public var notes: [String]
}

/// Writes the reminder of a step from its template (`forms/templates/relance-*.mustache`). Every
/// statutory figure is printed from the data: the penalties from the statement, the flat fee from
/// `forms/rates/statutory.yaml` (RateTables.statutory), never a literal.
public enum ReminderWriter {
    public static func write(
        case claim: Case, statement: Statement, decision: LadderDecision, step: LadderStep,
        history: AmicableHistory, asOf: Day, tables: RateTables,
        forms: AmicableForms
    ) throws -> ReminderDocument {
        var notes: [String] = []
        var channel = step.channel
        if channel == .email {
            if claim.debtor.email == nil {
                channel = .letter
                notes.append(forms.messages.text(AmicableReason.noDebtorEmail(step: step.label)))
            } else if claim.creditor.email == nil {
                channel = .letter
                notes.append(forms.messages.text(AmicableReason.noCreditorEmail(step: step.label)))
            }
        }
        guard let template = step.template else {
            throw AmicableError("l'étape « \(step.id) » est la mise en demeure : elle s'écrit avec recouvre build")
        }
        var model = try LetterModel.common(case: claim, statement: statement, asOf: asOf, tables: tables, forms: forms)
        model["subject"] = AmicableForms.renderLine(step.subject, model)
        model["letter"] = channel != .email
        model["registered"] = channel == .registeredLetter
        model["email"] = channel == .email
        model["step"] = ["id": step.id, "label": step.label, "offset": step.offset]
        model["statesPenalties"] = step.statesPenalties
        model["preDue"] = decision.anchor.map { asOf <= $0 } ?? false
        let profile = decision.profile
        if !profile.opening.isEmpty { model["opening"] = profile.opening }
        if !profile.closing.isEmpty { model["closing"] = profile.closing }
        model["offerPlan"] = profile.offersPlan
        let previous = history.reminders.filter { $0.date < asOf }.map { reminder -> [String: Any] in
            var item: [String: Any] = ["date": forms.date(reminder.date)]
            if let id = reminder.step, let known = forms.ladder.step(id) { item["label"] = known.label }
            item["channel"] = LetterModel.channelWords(reminder.channel)
            return item
        }
        if !previous.isEmpty { model["previous"] = previous }
        model["hasPrevious"] = !previous.isEmpty
        if let promise = decision.brokenPromise {
            var item: [String: Any] = [
                "date": forms.date(promise.date), "until": forms.date(promise.until),
            ]
            if let amount = promise.amount { item["amount"] = Money.french(amount) }
            model["brokenPromise"] = item
        }
        switch decision.next {
        case .step(let next, let day):
            model["next"] = [
                "label": next.label, "date": forms.date(day), "formalNotice": next.kind == .formalNotice,
            ]
        case .court, .instalment, .none:
            break
        }
        let subject = model["subject"] as? String ?? ""
        let width = channel == .email ? 76 : TextLayout.a4Width
        let text = try forms.render(template, model, width: width)
        let base = "\(FileNames.safe(claim.reference))-\(FileNames.safe(step.id))-\(asOf.iso)"
        if channel == .email, let from = claim.creditor.email, let to = claim.debtor.email {
            let message = MIMEMessage(
                from: .init(name: claim.creditor.name, address: from), to: .init(name: claim.debtor.name, address: to),
                subject: subject, date: asOf,
                messageID: MIMEMessage.messageID(reference: claim.reference, step: step.id, day: asOf, sender: from),
                body: text)
            return ReminderDocument(
                step: step, channel: channel, subject: subject, text: text, fileName: base + ".eml",
                contents: Data(message.rendered().utf8), notes: notes)
        }
        return ReminderDocument(
            step: step, channel: channel, subject: subject, text: text, fileName: base + ".txt",
            contents: Data(text.utf8), notes: notes)
    }
}

/// The parts of a letter every amicable template shares: parties, invoices, amounts, penalties, fee.
enum LetterModel {
    static func common(
        case claim: Case, statement: Statement, asOf: Day, tables: RateTables, forms: AmicableForms
    ) throws -> [String: Any] {
        var model: [String: Any] = [
            "reference": claim.reference,
            "place": claim.creditor.address.city,
            "date": forms.date(asOf),
            "creditor": party(claim.creditor, messages: forms.messages),
            "debtor": party(claim.debtor, messages: forms.messages),
            "signatory": claim.creditor.representative ?? claim.creditor.name,
        ]
        if let iban = claim.creditor.iban { model["iban"] = iban }
        if let contract = claim.contract.reference { model["contractReference"] = contract }
        // The invoices the letter is about: those past due; before any is due (the courtesy reminder),
        // those still to fall due. An invoice issued after the as-of day does not exist yet.
        let open = statement.invoices.filter { $0.outstanding > 0 && $0.issued <= asOf }
        let overdue = open.filter { $0.due < asOf }
        let listed = overdue.isEmpty ? open : overdue
        model["invoices"] = listed.map { invoice -> [String: Any] in
            var item: [String: Any] = [
                "number": invoice.number, "issued": forms.date(invoice.issued),
                "due": forms.date(invoice.due),
                "amount": Money.french(invoice.amount), "outstanding": Money.french(invoice.outstanding),
            ]
            let late = asOf - invoice.due
            if late > 0 { item["daysLate"] = late } else { item["notYetDue"] = true }
            return item
        }
        let principal = listed.reduce(Decimal(0)) { $0 + $1.outstanding }
        model["principal"] = Money.french(principal)
        model["asOf"] = forms.date(asOf)
        model["total"] = Money.french(
            principal + statement.totals.penalties + statement.totals.flatFees + statement.totals.extraRecoveryCosts)
        let upcoming = open.filter { $0.due >= asOf }
        if !overdue.isEmpty && !upcoming.isEmpty {
            model["upcoming"] = upcoming.map {
                ["number": $0.number, "due": forms.date($0.due), "outstanding": Money.french($0.outstanding)]
            }
        }
        let regime = statement.regime
        model["professional"] = regime == .b2b
        model["publicBuyer"] = regime == .publicProcurement
        model["legalInterest"] = regime != .b2b && regime != .publicProcurement
        // A professional writing to a consumer gives its médiateur de la consommation, as the mise en
        // demeure does (C. consom. L612-1, L616-1, R616-1); the case names it (creditor.mediator).
        if regime == .consumer, claim.creditor.actsProfessionally, let mediator = claim.creditor.mediator {
            var item: [String: Any] = ["name": mediator.name]
            if let address = mediator.address { item["address"] = address }
            if let website = mediator.website { item["website"] = website }
            model["mediator"] = item
        }
        if statement.totals.penalties > 0 {
            model["penalties"] = [
                "amount": Money.french(statement.totals.penalties),
                "rates": rates(statement, messages: forms.messages) ?? "",
            ]
        }
        // The flat fee per invoice from forms/rates/statutory.yaml (C. com. L441-10 II, D441-5; C. commande
        // publique D2192-35), printed only when the statement claims it.
        if statement.totals.flatFees > 0, let first = statement.invoices.first(where: { $0.flatFee > 0 }),
            let fee = try LatePaymentRules.flatFee(
                regime: regime, dueDayAfter: first.due.adding(days: 1), tables: tables)
        {
            let count = statement.invoices.filter { $0.flatFee > 0 }.count
            model["flatFee"] = [
                "perInvoice": Money.french(fee.value), "count": count, "total": Money.french(statement.totals.flatFees),
                "plural": count > 1,
            ]
        }
        if statement.totals.extraRecoveryCosts > 0 {
            model["extraCosts"] = Money.french(statement.totals.extraRecoveryCosts)
        }
        return model
    }

    /// A party as the letters name it: the court documents' view, worded by the book's catalogue.
    static func party(_ party: Party, messages: MessageCatalogue) -> [String: Any] {
        let view = PartyView(party, messages: messages)
        var item: [String: Any] = ["name": view.name, "addressLines": view.addressLines]
        if let identity = view.identity { item["identity"] = identity }
        if let representative = view.representative { item["representative"] = representative }
        if let email = party.email { item["email"] = email }
        if let phone = party.phone { item["phone"] = phone }
        return item
    }

    /// `au taux annuel de 12,15 %`, or the successive rates of the statement's periods.
    static func rates(_ statement: Statement, messages: MessageCatalogue) -> String? {
        var seen: [Decimal] = []
        for period in statement.invoices.flatMap(\.periods) where !seen.contains(period.rate) {
            seen.append(period.rate)
        }
        guard !seen.isEmpty else { return nil }
        if seen.count == 1 { return messages.text(AmicableReason.singleRate(rate: FrenchFormat.rate(seen[0]))) }
        let texts = seen.map(FrenchFormat.rate)
        return messages.text(
            AmicableReason.successiveRates(
                rates: texts.dropLast().joined(separator: messages.text(AmicableReason.rateSeparator)),
                last: texts.last!))
    }

    /// Flags for the templates to word a channel (`email`, `letter`, `registered`).
    static func channelWords(_ channel: Channel?) -> [String: Bool] {
        ["email": channel == .email, "letter": channel == .letter, "registered": channel == .registeredLetter]
    }
}

/// File names from user text: letters, digits, `-`, `_`, `.`; anything else becomes `-`.
enum FileNames {
    static func safe(_ text: String) -> String {
        let mapped = text.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar))
                ? Character(scalar) : "-"
        }
        let result = String(mapped)
        return result.isEmpty ? "dossier" : result
    }
}
