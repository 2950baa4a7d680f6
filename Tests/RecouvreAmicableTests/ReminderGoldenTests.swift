import Foundation
import RecouvreAmicable
import RecouvreModel
import RecouvreTestSupport
import Testing

/// The reminders as written, compared with golden files (regenerate with RECOUVRE_UPDATE_GOLDEN=1 and
/// review the diff).
@Suite("Reminders: golden letters and e-mails")
struct ReminderGoldenTests {
    func write(
        _ claim: Case, on asOf: String, history: AmicableHistory = AmicableHistory(), profile name: String = "standard"
    ) throws -> ReminderDocument {
        let decision = try decide(claim, on: asOf, history: history, profile: name)
        let step = try #require(decision.dueStep)
        let statement = try engine.statement(for: claim, asOf: day(asOf))
        return try ReminderWriter.write(
            case: claim, statement: statement, decision: decision, step: step, history: history,
            asOf: day(asOf), tables: tables, forms: amicableForms)
    }

    /// The text with its line breaks as spaces (a phrase may be wrapped anywhere).
    func flat(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    func check(_ document: ReminderDocument, _ name: String) {
        if let problem = Golden.mismatch(document.contents, target: "RecouvreAmicableTests", name: name) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test func courtesyReminderByEmail() throws {
        let document = try write(sampleCase(), on: "2026-03-26")
        #expect(document.channel == .email)
        #expect(document.fileName == "2026-0042-courtoisie-2026-03-26.eml")
        check(document, "courtoisie.eml")
    }

    @Test func firstReminderByEmail() throws {
        let history = AmicableHistory(reminders: [sent("courtoisie", on: "2026-03-26")])
        check(try write(sampleCase(), on: "2026-04-01", history: history), "j1.eml")
    }

    @Test func firmReminderStatesPenaltiesAndTheFlatFee() throws {
        let history = AmicableHistory(reminders: [sent("courtoisie", on: "2026-03-26"), sent("j1", on: "2026-04-01")])
        let document = try write(sampleCase(), on: "2026-04-15", history: history)
        #expect(document.channel == .letter)
        // 1 200,00 € × 12,15 % × 15 days / 365 = 5,9918 → 5,99 € (ECB 2,15 % on 1 January 2026 + 10 points).
        #expect(document.text.contains("5,99\u{00A0}€"))
        #expect(document.text.contains("au taux annuel de 12,15\u{00A0}%"))
        // The fee is printed from forms/rates/statutory.yaml (flat_fee_b2b), not from the template.
        #expect(document.text.contains("40,00\u{00A0}€"))
        check(document, "j15.txt")
    }

    @Test func lastReminderByRegisteredLetter() throws {
        let history = AmicableHistory(reminders: [
            sent("j1", on: "2026-04-01"), sent("j15", on: "2026-04-15", channel: .letter),
        ])
        let document = try write(sampleCase(), on: "2026-04-30", history: history)
        #expect(document.channel == .registeredLetter)
        #expect(document.text.contains("LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION"))
        check(document, "j30.txt")
    }

    @Test func inDifficultyOffersAPlanWithoutPenalties() throws {
        let history = AmicableHistory(reminders: [sent("j1", on: "2026-04-01")])
        let document = try write(sampleCase(), on: "2026-04-20", history: history, profile: "en-difficulte")
        #expect(document.text.contains("échéancier"))
        #expect(!document.text.contains("L441-10"))
        check(document, "j15-en-difficulte.txt")
    }

    @Test func badFaithAfterABrokenPromise() throws {
        let history = AmicableHistory(
            reminders: [sent("j1", on: "2026-04-01")],
            promises: [PaymentPromise(date: day("2026-04-03"), until: day("2026-04-10"), amount: money("600.00"))])
        let document = try write(sampleCase(), on: "2026-04-11", history: history, profile: "mauvaise-foi")
        #expect(document.step.id == "j15")
        #expect(document.text.contains("cette promesse n'a pas été tenue"))
        check(document, "j15-mauvaise-foi.txt")
    }

    @Test func aConsumerGetsNoFlatFeeAndTheLegalInterestWarning() throws {
        let person = Party(
            kind: .individual, name: "Paul Lefèvre", professional: false,
            address: Address(lines: ["3 rue Sainte-Catherine"], postcode: "33000", city: "Bordeaux"))
        var claim = sampleCase(debtorParty: person)
        claim.creditor.mediator = Mediator(
            name: "Médiateur de la consommation de l'artisanat", address: "12 rue de la Paix, 75002 Paris",
            website: "https://www.mediateur-artisanat.fr")
        let document = try write(claim, on: "2026-04-15")
        #expect(document.channel == .letter)
        #expect(!document.text.contains("indemnité forfaitaire"))
        #expect(document.text.contains("1231-6"))
        // C. consom. L612-1, R616-1: a professional's reminder to a consumer names its médiateur.
        #expect(flat(document.text).contains("médiateur de la consommation dont nous relevons"))
        #expect(flat(document.text).contains("Médiateur de la consommation de l'artisanat, 12 rue de la Paix"))
        check(document, "j15-consommateur.txt")
    }

    @Test func theMediatorIsGivenToConsumersOnly() throws {
        // Between professionals the médiateur de la consommation has no place (C. consom. L612-1).
        var claim = sampleCase()
        claim.creditor.mediator = Mediator(name: "Médiateur de la consommation de l'artisanat")
        let history = AmicableHistory(reminders: [sent("courtoisie", on: "2026-03-26")])
        let document = try write(claim, on: "2026-04-01", history: history)
        #expect(!document.text.contains("médiateur"))
        // Every step of the ladder to a consumer names it, the courtesy reminder included.
        let person = Party(
            kind: .individual, name: "Paul Lefèvre", professional: false,
            address: Address(lines: ["3 rue Sainte-Catherine"], postcode: "33000", city: "Bordeaux"),
            email: "paul.lefevre@example.fr")
        var consumer = sampleCase(debtorParty: person)
        consumer.creditor.mediator = claim.creditor.mediator
        for (asOf, reminders) in [
            ("2026-03-26", [RecordedReminder]()), ("2026-04-01", [sent("courtoisie", on: "2026-03-26")]),
            ("2026-04-30", [sent("j1", on: "2026-04-01"), sent("j15", on: "2026-04-15", channel: .letter)]),
        ] {
            let text = flat(try write(consumer, on: asOf, history: AmicableHistory(reminders: reminders)).text)
            #expect(text.contains("Médiateur de la consommation de l'artisanat"), "\(asOf)")
        }
    }

    @Test func anEmailWithoutTheDebtorsAddressBecomesALetter() throws {
        var party = debtor
        party.email = nil
        let document = try write(sampleCase(debtorParty: party), on: "2026-04-01")
        #expect(document.channel == .letter)
        #expect(document.fileName.hasSuffix(".txt"))
        #expect(document.notes.count == 1)
    }
}
