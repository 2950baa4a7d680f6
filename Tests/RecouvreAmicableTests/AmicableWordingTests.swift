import Foundation
import RecouvreAmicable
import RecouvreForms
import RecouvreModel
import RecouvreTestSupport
import Testing

/// The amicable stage words its letters and notes with the loaded book's catalogue: a firm's `--forms`
/// override of `forms/messages/` changes them (no Swift-side copy of the words remains).
@Suite("Amicable wording comes from the book's catalogue")
struct AmicableWordingTests {
    /// The shipped forms with `messages/calendar.yaml` and `messages/amicable.yaml` overridden.
    static func overriddenBook() throws -> LawBook {
        let folder = try TestPaths.temporaryFolder("amicable-wording")
        let messages = folder.appendingPathComponent("messages")
        try FileManager.default.createDirectory(at: messages, withIntermediateDirectories: true)
        let shipped = TestPaths.pinnedForms.appendingPathComponent("messages")
        let calendar = try String(contentsOf: shipped.appendingPathComponent("calendar.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "april: \"avril\"", with: "april: \"germinal\"")
        try calendar.write(to: messages.appendingPathComponent("calendar.yaml"), atomically: true, encoding: .utf8)
        let amicable = try String(contentsOf: shipped.appendingPathComponent("amicable.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "Procédure collective ouverte le {date}", with: "Sauvegarde ouverte le {date}")
            .replacingOccurrences(of: "au taux annuel de {rate}", with: "au taux de {rate} l'an")
        try amicable.write(to: messages.appendingPathComponent("amicable.yaml"), atomically: true, encoding: .utf8)
        let countries = try String(contentsOf: shipped.appendingPathComponent("countries.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "be: \"Belgique\"", with: "be: \"Royaume de Belgique\"")
        try countries.write(to: messages.appendingPathComponent("countries.yaml"), atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try LawBook.load(forms: Forms(shipped: TestPaths.pinnedForms, override: folder))
    }

    @Test("an override of calendar.yaml, amicable.yaml and countries.yaml changes the letter and the notes")
    func overrideChangesTheWords() throws {
        let custom = try Self.overriddenBook()
        var claim = sampleCase()
        claim.debtor.address = Address(lines: ["12 rue Royale"], postcode: "1000", city: "Bruxelles", country: "BE")
        // The firm reminder of 15 April 2026 (J+15): dated, with its penalties' rate and the invoice's due date.
        let history = AmicableHistory(reminders: [sent("courtoisie", on: "2026-03-26"), sent("j1", on: "2026-04-01")])
        let asOf = day("2026-04-15")
        let statement = try custom.statementEngine.statement(for: claim, asOf: asOf)
        let decision = LadderEngine.decide(
            case: claim, statement: statement, history: history, ladder: custom.amicable.ladder,
            profile: custom.amicable.profiles.standard, asOf: asOf, formalNoticeDays: 8)
        let step = try #require(decision.dueStep)
        let letter = try ReminderWriter.write(
            case: claim, statement: statement, decision: decision, step: step, history: history, asOf: asOf,
            tables: custom.rates, forms: custom.amicable
        ).text
        let flat = letter.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("15 germinal 2026"), "\(letter)")
        #expect(!flat.contains("avril"), "\(letter)")
        // (`flat` has every space, the no-break ones included, as one plain space.)
        #expect(flat.contains("au taux de 12,15 % l'an"), "\(letter)")
        #expect(flat.contains("Royaume de Belgique"), "\(letter)")
        // The shipped book words the same letter with the shipped words.
        let shipped = try ReminderWriter.write(
            case: claim, statement: try engine.statement(for: claim, asOf: asOf), decision: decision, step: step,
            history: history, asOf: asOf, tables: tables, forms: amicableForms
        ).text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(shipped.contains("15 avril 2026") && shipped.contains("Belgique") && !shipped.contains("germinal"))

        var proceedings = sampleCase()
        proceedings.contract.collectiveProceedings = .opened(day("2026-04-10"))
        let stopped = LadderEngine.decide(
            case: proceedings, statement: try custom.statementEngine.statement(for: proceedings, asOf: asOf),
            history: AmicableHistory(), ladder: custom.amicable.ladder, profile: custom.amicable.profiles.standard,
            asOf: asOf, formalNoticeDays: 8)
        #expect(
            custom.amicable.messages.texts(stopped.notes).first?.hasPrefix("Sauvegarde ouverte le 10 germinal 2026")
                == true)
    }

    @Test("every note the ladder gives is worded (no bracketed key) by the shipped catalogue")
    func everyNoteIsWorded() {
        let d = day("2026-04-10")
        let notes: [AmicableReason] = [
            .nothingUnpaid(date: d), .collectiveProceedingsOpened(date: d), .collectiveProceedings,
            .noticeWithoutReceipt(date: d, days: 8), .unknownStep(date: d, step: "j7", ladder: "default"),
            .planHonoured(date: d), .planBroken(date: d, missed: d, amount: "100,00 €", graceDays: 5),
            .promiseRunning(date: d, until: d), .promiseBroken(date: d, until: d), .noDebtorEmail(step: "x"),
            .noCreditorEmail(step: "x"), .singleRate(rate: "1 %"), .successiveRates(rates: "1 %", last: "2 %"),
            .rateSeparator, .plannedInstalment(number: 1, count: 3),
        ]
        for text in amicableForms.messages.texts(notes) {
            #expect(!text.contains("[amicable.") && !text.contains("{"), "\(text)")
        }
        // 8 days, written by the catalogue's calendar: `10 avril 2026`.
        #expect(
            amicableForms.messages.text(AmicableReason.noticeWithoutReceipt(date: d, days: 8))
                == "Mise en demeure du 10 avril 2026 sans date de réception : le délai de 8 jours court de la "
                + "réception ; enregistrez la date de l'avis de réception (received).")
        #expect(
            amicableForms.messages.text(AmicableReason.plannedInstalment(number: 2, count: 3)) == "Échéance 2/3 prévue")
    }
}
