import Foundation
import RecouvreAmicable
import RecouvreDocuments
import RecouvreModel
import RecouvreRoute
import Testing

@Suite("Chronology in the mise en demeure")
struct ChronologyDocumentTests {
    func formalNotice(_ steps: [AmicableStep]) throws -> String {
        let claim = sampleCase()
        let statement = try engine.statement(for: claim, asOf: day("2026-05-10"))
        let route = try book.router.route(case: claim, statement: statement)
        let dossier = try book.renderer.render(
            DossierInput(case: claim, statement: statement, route: route, amicableSteps: steps))
        return try #require(dossier.documents.first { $0.fileName.contains("mise-en-demeure") }).text
    }

    @Test func theNoticeRecallsTheAmicableSteps() throws {
        let history = AmicableHistory(reminders: [
            sent("j1", on: "2026-04-01"), sent("j15", on: "2026-04-15", channel: .letter),
            sent("j30", on: "2026-04-30", channel: .registeredLetter),
        ])
        let steps = try AmicableChronology.steps(
            history: history, ladder: amicableForms.ladder, payments: [], asOf: day("2026-05-10"),
            forms: amicableForms)
        let text = try formalNotice(steps)
        #expect(text.contains("Nos démarches amiables sont restées sans effet :"))
        #expect(text.contains("- Relance amiable du 15 avril 2026 (relance ferme), par courrier."))
        #expect(
            text.contains("- Relance amiable du 30 avril 2026 (dernière relance avant mise en demeure), par lettre"))
    }

    @Test func withoutStepsTheNoticeIsUnchanged() throws {
        #expect(!(try formalNotice([])).contains("démarches amiables"))
    }
}
