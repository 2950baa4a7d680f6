import Foundation
import RecouvreAmicable
import RecouvreForms
import RecouvreModel
import RecouvreTestSupport
import Testing

@Suite("Journal and chronology")
struct JournalTests {
    let journal = AmicableJournal(
        caseFile: "case.yaml", profile: "oublieux",
        entries: [
            .reminder(
                RecordedReminder(
                    date: day("2026-04-01"), step: "j1", channel: .email, file: "relances/2026-0042-j1-2026-04-01.eml",
                    profile: "oublieux")),
            .promise(PaymentPromise(date: day("2026-04-05"), until: day("2026-04-25"), amount: money("600.00"))),
            .plan(
                AcceptedPlan(
                    date: day("2026-05-02"),
                    instalments: [
                        Instalment(date: day("2026-05-31"), amount: money("300.00")),
                        Instalment(date: day("2026-06-30"), amount: money("300.00")),
                    ])),
        ])

    @Test func theJournalReadsBackWhatItWrites() throws {
        let text = journal.yaml()
        #expect(try AmicableJournal.parse(text: text, file: "case.reminders.yaml") == journal)
        #expect(AmicableJournal.path(forCase: "clients/case.yaml") == "clients/case.reminders.yaml")
        #expect(AmicableJournal.path(forCase: "acme.json") == "acme.reminders.yaml")
        #expect(
            AmicableJournal.path(forCase: "/srv/dossiers.2026/d00001.yml") == "/srv/dossiers.2026/d00001.reminders.yaml"
        )
        #expect(AmicableJournal.path(forCase: "dossiers.v2/case") == "dossiers.v2/case.reminders.yaml")
    }

    @Test func aBadJournalSaysWhereInFrench() {
        #expect(
            throws: AmicableError(file: "j.yaml", "events[0].until : 2026-04-01 est avant la promesse du 2026-04-05")
        ) {
            try AmicableJournal.parse(
                text: "events:\n  - { type: promise, date: 2026-04-05, until: 2026-04-01 }\n", file: "j.yaml")
        }
    }

    @Test func theHistoryJoinsTheCaseAndTheJournal() {
        // The case's own reminder of 1 April (no step) is the journal's j1: counted once.
        let claim = sampleCase(events: [Event(type: .reminder, date: day("2026-04-01"), channel: .email)])
        let history = AmicableHistory(case: claim, journal: journal)
        #expect(history.reminders.count == 1)
        #expect(history.reminders[0].step == "j1")
        #expect(history.promises.count == 1)
        #expect(history.plans.count == 1)
        #expect(history.profile == "oublieux")
    }

    @Test func theCaseFilesOwnStepsPromisesAndPlansCount() throws {
        let plan = [
            Instalment(date: day("2026-04-30"), amount: money("600.00")),
            Instalment(date: day("2026-05-31"), amount: money("600.00")),
        ]
        let claim = sampleCase(events: [
            Event(type: .reminder, date: day("2026-04-01"), channel: .email, step: "j1"),
            Event(type: .promise, date: day("2026-04-05"), until: day("2026-04-20")),
            Event(type: .plan, date: day("2026-04-22"), instalments: plan),
            Event(
                type: .formalNotice, date: day("2026-06-20"), channel: .registeredLetter, presented: day("2026-06-22"),
                outcome: .notCollected),
        ])
        let history = AmicableHistory(case: claim, journal: journal)
        #expect(history.reminders.map(\.step) == ["j1"])
        #expect(history.promises.count == 2)
        #expect(history.plans.first?.instalments == plan)
        // A pli avisé non réclamé counts as received on the day it was presented.
        #expect(
            history.notices == [
                SentNotice(
                    date: day("2026-06-20"), received: day("2026-06-22"), channel: .registeredLetter, notCollected: true
                )
            ])
        // On 10 May the plan accepted on 22 April holds the ladder, though the promise is broken.
        let paid = sampleCase(
            payments: [Payment(date: day("2026-04-30"), amount: money("600.00"))], events: claim.events)
        let d = try decide(paid, on: "2026-05-10", history: AmicableHistory(case: paid))
        #expect(d.state == .onHold(AcceptedPlan(date: day("2026-04-22"), instalments: plan)))
    }

    @Test func chronologyLines() throws {
        let claim = sampleCase(payments: [Payment(date: day("2026-05-31"), amount: money("300.00"))])
        let history = AmicableHistory(case: claim, journal: journal)
        let lines = try AmicableChronology.lines(
            history: history, ladder: amicableForms.ladder, payments: claim.payments,
            asOf: day("2026-07-10"), forms: amicableForms)
        #expect(
            lines == [
                "Relance amiable du 1er avril 2026 (première relance), par courriel.",
                "Promesse de paiement du 5 avril 2026 : règlement de 600,00\u{00A0}€ au plus tard le 25 avril 2026, non tenue.",
                "Échéancier accepté le 2 mai 2026 : 2 échéances du 31 mai 2026 au 30 juin 2026, 600,00\u{00A0}€ au total ; "
                    + "non respecté (échéance du 30 juin 2026, 300,00\u{00A0}€, impayée).",
            ])
        // A document dated before the plan does not show it.
        let earlier = try AmicableChronology.lines(
            history: history, ladder: amicableForms.ladder, payments: claim.payments,
            asOf: day("2026-04-30"), forms: amicableForms)
        #expect(earlier.count == 2)
    }

    @Test func everyAmicableTemplateIsOneTheStageUses() throws {
        let names = Forms(shipped: TestPaths.forms).files(in: "templates")
            .filter { ($0.hasPrefix("relance-") || $0.hasPrefix("plan-")) && $0.hasSuffix(".mustache") }
        #expect(Set(names) == Set(AmicableForms.templateNames(for: amicableForms.ladder).map { "\($0).mustache" }))
    }

    @Test func theShippedLadderAndProfilesParse() throws {
        let ladder = amicableForms.ladder
        #expect(ladder.steps.map(\.id) == ["courtoisie", "j1", "j15", "j30", "mise-en-demeure"])
        #expect(ladder.steps.map(\.days) == [-5, 1, 15, 30, 40])
        #expect(ladder.steps.map(\.statesPenalties) == [false, false, true, true, true])
        #expect(
            amicableForms.profiles.profiles.map(\.id) == [
                "standard", "oublieux", "desorganise", "en-difficulte", "mauvaise-foi",
            ])
        #expect(throws: AmicableError.self) {
            try Ladder.parse(
                text:
                    "id: x\nname: y\nsteps:\n  - { id: a, days: 5, channel: email, template: t, label: l, subject: s }\n"
                    + "  - { id: b, days: 2, channel: email, template: t, label: l, subject: s }\n",
                file: "ladders/default.yaml")
        }
        #expect(throws: AmicableError.self) {
            try PayerProfiles.parse(
                text: "profiles:\n  - { id: p, name: n, skip: [nope] }\n", file: "ladders/profiles.yaml", ladder: ladder
            )
        }
    }
}
