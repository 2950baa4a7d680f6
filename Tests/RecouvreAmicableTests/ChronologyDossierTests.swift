import Foundation
import RecouvreAmicable
import RecouvreDocuments
import RecouvreModel
import RecouvreRoute
import Testing

/// Issue 16: the steps recorded before the court (reminders, promises, plans, the notice) appear in
/// the documents of the dossier, each with its date.
@Suite("Chronology in the court documents")
struct ChronologyDossierTests {
    /// Two reminders, a promise, a plan, then the formal notice (B2B, one invoice due 31 March 2026).
    static let events = [
        Event(type: .reminder, date: day("2026-04-01"), channel: .email, step: "j1"),
        Event(type: .reminder, date: day("2026-04-15"), channel: .letter, step: "j15"),
        Event(type: .promise, date: day("2026-04-20"), until: day("2026-04-30"), amount: money("600.00")),
        Event(
            type: .plan, date: day("2026-05-05"),
            instalments: [
                Instalment(date: day("2026-05-31"), amount: money("600.00")),
                Instalment(date: day("2026-06-30"), amount: money("600.00")),
            ]),
        Event(
            type: .formalNotice, date: day("2026-07-15"), received: day("2026-07-17"), channel: .registeredLetter),
    ]

    func documents(
        _ claim: Case, asOf: String, stage: DossierStage, procedure: Procedure? = nil
    ) throws -> [String:
        String]
    {
        let statement = try engine.statement(for: claim, asOf: day(asOf))
        var route = try book.router.route(case: claim, statement: statement)
        if let procedure { route = try #require(try book.router.choosing(procedure, in: route)) }
        let steps = try AmicableChronology.steps(case: claim, asOf: day(asOf), forms: amicableForms)
        let dossier = try book.renderer.render(
            DossierInput(
                case: claim, statement: statement, route: route, amicableSteps: steps,
                options: DossierOptions(stage: stage)))
        var texts: [String: String] = [:]
        for document in dossier.documents {
            let kind = document.fileName.split(separator: "-", maxSplits: 1).last.map(String.init) ?? document.fileName
            texts[kind] = document.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        return texts
    }

    static let expected = [
        "Relance amiable du 1er avril 2026 (première relance), par courriel.",
        "Relance amiable du 15 avril 2026 (relance ferme), par courrier.",
        "Promesse de paiement du 20 avril 2026 : règlement de 600,00 € au plus tard le 30 avril 2026, non tenue.",
        "Échéancier accepté le 5 mai 2026 : 2 échéances du 31 mai 2026 au 30 juin 2026, 1 200,00 € au total ; "
            + "non respecté (échéance du 31 mai 2026, 600,00 €, impayée).",
    ]
    static let notice =
        "Mise en demeure du 15 juillet 2026, par lettre recommandée avec accusé de réception, reçue le 17 juillet 2026."

    @Test func theRequeteAndTheBordereauShowEveryStepWithItsDate() throws {
        let texts = try documents(sampleCase(events: Self.events), asOf: "2026-08-01", stage: .court)
        let requete = try #require(texts["requete-en-injonction-de-payer.txt"])
        let bordereau = try #require(texts["bordereau-de-pieces.txt"])
        for line in Self.expected + [Self.notice] {
            let flat = line.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(requete.contains("- " + flat), "requête: \(line)")
            #expect(bordereau.contains("- " + flat), "bordereau: \(line)")
        }
        #expect(requete.contains("Démarches amiables préalables"))
        #expect(!requete.contains("Aucune démarche amiable"))
        // In date order: the first reminder before the notice.
        let first = try #require(requete.range(of: "Relance amiable du 1er avril 2026"))
        let last = try #require(requete.range(of: "Mise en demeure du 15 juillet 2026"))
        #expect(first.lowerBound < last.lowerBound)
    }

    @Test func theNoticeRecallsTheRemindersPromiseAndPlanBeforeIt() throws {
        // The notice stage on 10 July: the notice of 15 July is not yet sent (events after the date are not shown).
        let earlier = Self.events.filter { $0.type != .formalNotice }
        let texts = try documents(sampleCase(events: earlier), asOf: "2026-07-10", stage: .notice)
        let notice = try #require(texts["mise-en-demeure.txt"])
        #expect(notice.contains("Nos démarches amiables sont restées sans effet :"))
        for line in Self.expected {
            #expect(
                notice.contains("- " + line.split(whereSeparator: \.isWhitespace).joined(separator: " ")), "\(line)")
        }
        #expect(!notice.contains("Mise en demeure du"))
    }

    @Test func aStepAfterTheDocumentsDateIsNotShown() throws {
        let steps = try AmicableChronology.steps(
            case: sampleCase(events: Self.events), asOf: day("2026-04-20"), forms: amicableForms)
        #expect(steps.map(\.day) == [day("2026-04-01"), day("2026-04-15"), day("2026-04-20")])
        #expect(steps.map(\.kind) == [.reminder, .reminder, .promise])
    }

    @Test func aPliAviseNonReclameIsSaidSo() throws {
        let claim = sampleCase(events: [
            Event(
                type: .formalNotice, date: day("2026-07-15"), channel: .registeredLetter, presented: day("2026-07-16"),
                outcome: .notCollected)
        ])
        let steps = try AmicableChronology.steps(case: claim, asOf: day("2026-08-01"), forms: amicableForms)
        #expect(
            steps.map(\.text) == [
                "Mise en demeure du 15 juillet 2026, par lettre recommandée avec accusé de réception, présentée le 16 juillet 2026 et non réclamée."
            ])
    }

    @Test func withoutAnyStepTheRequeteSaysNoneIsRecorded() throws {
        let texts = try documents(sampleCase(), asOf: "2026-08-01", stage: .court)
        let requete = try #require(texts["requete-en-injonction-de-payer.txt"])
        #expect(
            requete.contains(
                "Aucune démarche amiable (relance, promesse de paiement, échéancier, mise en demeure) n'est enregistrée au dossier."
            ))
        // domain.md §4: the injonction de payer is exempt from the prior amicable attempt of CPC 750-1.
        #expect(requete.contains("article 750-1 du code de procédure civile"))
        let bordereau = try #require(texts["bordereau-de-pieces.txt"])
        #expect(bordereau.contains("Aucune démarche amiable n'est enregistrée au dossier."))
    }

    @Test func thePSPCRequestListsTheSteps() throws {
        let texts = try documents(sampleCase(events: Self.events), asOf: "2026-08-01", stage: .court, procedure: .pspc)
        let request = try #require(texts["requete-petites-creances.txt"])
        #expect(request.contains("Démarches amiables préalables :"))
        for line in Self.expected + [Self.notice] {
            #expect(
                request.contains("- " + line.split(whereSeparator: \.isWhitespace).joined(separator: " ")), "\(line)")
        }
    }
}
