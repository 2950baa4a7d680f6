import Foundation
import RecouvreAmicable
import RecouvreModel
import Testing

@Suite("Ladder: each step on fixed dates")
struct LadderTests {
    // The invoice falls due on 2026-03-31: courtesy J-5 = 26 March, J+1 = 1 April, J+15 = 15 April,
    // J+30 = 30 April, formal notice J+40 = 10 May (forms/ladders/default.yaml).
    let claim = sampleCase()

    @Test func beforeTheCourtesyReminderNothingIsDue() throws {
        let d = try decide(claim, on: "2026-03-25")
        #expect(d.state == .waiting)
        #expect(d.dueStep == nil)
        #expect(d.nextStep?.id == "courtoisie")
        #expect(d.nextStep?.day == day("2026-03-26"))
    }

    @Test(arguments: [
        ("2026-03-26", "courtoisie", "j1", "2026-04-01"),
        ("2026-03-31", "courtoisie", "j1", "2026-04-05"),  // sent today: j1 waits 5 days (min_gap_days)
        ("2026-04-01", "j1", "j15", "2026-04-15"),
        ("2026-04-14", "j1", "j15", "2026-04-19"),
        ("2026-04-15", "j15", "j30", "2026-04-30"),
        ("2026-04-30", "j30", "mise-en-demeure", "2026-05-10"),
    ])
    func theStepOfTheDay(asOf: String, due: String, next: String, nextDay: String) throws {
        let d = try decide(claim, on: asOf)
        #expect(d.state == .due)
        #expect(d.dueStep?.id == due)
        #expect(d.nextStep?.id == next)
        #expect(d.nextStep?.day == day(nextDay))
    }

    @Test func theFormalNoticeComesAfterTheLastReminder() throws {
        let d = try decide(claim, on: "2026-05-10")
        #expect(d.dueStep?.id == "mise-en-demeure")
        #expect(d.dueStep?.kind == .formalNotice)
        #expect(d.formalNoticeNext)
        // Nothing was sent: the four reminders are passed, not sent late.
        #expect(d.passed.map(\.id) == ["courtoisie", "j1", "j15", "j30"])
    }

    @Test func aRecordedStepIsNeverProposedTwice() throws {
        let history = AmicableHistory(reminders: [
            sent("j1", on: "2026-04-01"), sent("j15", on: "2026-04-15", channel: .letter),
        ])
        let d = try decide(claim, on: "2026-04-20", history: history)
        #expect(d.state == .waiting)
        #expect(d.dueStep == nil)
        #expect(d.nextStep?.id == "j30")
        #expect(d.nextStep?.day == day("2026-04-30"))
        let same = try decide(claim, on: "2026-04-15", history: history)
        #expect(same.dueStep == nil)
    }

    @Test func aStepSentLatePushesTheNextByTheMinimumGap() throws {
        // j15 sent on 28 April: j30 (30 April) waits until 28 April + 5 days = 3 May.
        let history = AmicableHistory(reminders: [sent("j1", on: "2026-04-01"), sent("j15", on: "2026-04-28")])
        let early = try decide(claim, on: "2026-05-02", history: history)
        #expect(early.dueStep == nil)
        #expect(early.nextStep?.id == "j30")
        #expect(early.nextStep?.day == day("2026-05-03"))
        #expect(try decide(claim, on: "2026-05-03", history: history).dueStep?.id == "j30")
    }

    @Test func aReminderWithoutStepCountsAsTheStepDueThatDay() throws {
        // A case-file reminder of 16 April (no step id) counts as j15: on 20 April nothing is due.
        let history = AmicableHistory(reminders: [RecordedReminder(date: day("2026-04-16"), channel: .email)])
        let d = try decide(claim, on: "2026-04-20", history: history)
        #expect(d.done.first?.step?.id == "j15")
        #expect(d.dueStep == nil)
        #expect(d.nextStep?.id == "j30")
    }

    @Test func aSettledCaseGetsNoReminder() throws {
        let paid = sampleCase(payments: [Payment(date: day("2026-04-10"), amount: money("1200.00"))])
        let d = try decide(paid, on: "2026-04-15")
        #expect(d.state == .settled)
        #expect(d.dueStep == nil)
    }

    @Test func collectiveProceedingsStopTheLadder() throws {
        var claim = sampleCase()
        claim.contract.collectiveProceedings = .opened(day("2026-04-10"))
        #expect(try decide(claim, on: "2026-04-09").dueStep?.id == "j1")
        let d = try decide(claim, on: "2026-04-15")
        #expect(d.state == .collectiveProceedings)
        #expect(d.dueStep == nil)
        // Opened on 10 April 2026: the note gives that date, worded by forms/messages/amicable.yaml.
        #expect(d.notes == [.collectiveProceedingsOpened(date: day("2026-04-10"))])
        let worded = amicableForms.messages.texts(d.notes)
        #expect(worded.first?.hasPrefix("Procédure collective ouverte le 10 avril 2026 : aucune relance") == true)
        #expect(worded.first?.contains("L622-21") == true)
    }

    @Test func aSentFormalNoticeLeadsToTheCourtOnceItsTimeHasRun() throws {
        let noticed = sampleCase(events: [
            Event(type: .formalNotice, date: day("2026-05-10"), received: day("2026-05-12"), channel: .registeredLetter)
        ])
        // 8 days from the receipt on 12 May: the court from 21 May.
        let waiting = try decide(noticed, on: "2026-05-20", history: AmicableHistory(case: noticed))
        #expect(
            waiting.state
                == .noticeSent(
                    SentNotice(date: day("2026-05-10"), received: day("2026-05-12"), channel: .registeredLetter)))
        #expect(!waiting.courtNext)
        let court = try decide(noticed, on: "2026-05-21", history: AmicableHistory(case: noticed))
        #expect(court.courtNext)
        #expect(court.dueStep == nil)
    }
}

@Suite("Ladder: payer profiles")
struct ProfileTests {
    let claim = sampleCase()

    @Test func everyProfileIsFoundByItsFrenchAndEnglishNames() {
        for (name, id) in [
            ("forgetful", "oublieux"), ("oublieux", "oublieux"), ("disorganised", "desorganise"),
            ("désorganisé", "desorganise"), ("in-difficulty", "en-difficulte"), ("en difficulté", "en-difficulte"),
            ("bad-faith", "mauvaise-foi"), ("Mauvaise foi", "mauvaise-foi"), ("standard", "standard"),
        ] {
            #expect(amicableForms.profiles.profile(named: name)?.id == id, "\(name)")
        }
        #expect(throws: AmicableError.self) { try amicableForms.profiles.resolve("grincheux") }
    }

    @Test func forgetfulKeepsThePaceAndSoftensTheTone() throws {
        let d = try decide(claim, on: "2026-04-15", profile: "oublieux")
        #expect(d.dueStep?.id == "j15")
        #expect(d.nextStep?.day == day("2026-04-30"))
        #expect(d.profile.opening.contains("oubli"))
    }

    @Test func disorganisedRemindsSoonerByEmail() throws {
        let d = try decide(claim, on: "2026-04-10", profile: "desorganise")
        #expect(d.dueStep?.id == "j15")
        #expect(d.dueStep?.channel == .email)
        #expect(d.nextStep?.id == "j30")
        #expect(d.nextStep?.day == day("2026-04-25"))
    }

    @Test func inDifficultyGoesSlowerWithoutPenaltiesAndOffersAPlan() throws {
        #expect(try decide(claim, on: "2026-04-15", profile: "en-difficulte").dueStep?.id == "j1")
        let d = try decide(claim, on: "2026-04-20", profile: "en-difficulte")
        #expect(d.dueStep?.id == "j15")
        #expect(d.dueStep?.statesPenalties == false)
        #expect(d.profile.offersPlan)
        #expect(d.nextStep?.day == day("2026-05-15"))
        #expect(try decide(claim, on: "2026-05-30", profile: "en-difficulte").dueStep?.id == "mise-en-demeure")
    }

    @Test func badFaithSkipsTheCourtesyAndEscalatesFast() throws {
        let before = try decide(claim, on: "2026-03-27", profile: "mauvaise-foi")
        #expect(before.dueStep == nil)
        #expect(before.nextStep?.id == "j1")
        let j1 = try decide(claim, on: "2026-04-01", profile: "mauvaise-foi")
        #expect(j1.dueStep?.statesPenalties == true)
        let d = try decide(claim, on: "2026-04-08", profile: "mauvaise-foi")
        #expect(d.dueStep?.id == "j15")
        #expect(d.dueStep?.channel == .registeredLetter)
        #expect(try decide(claim, on: "2026-04-22", profile: "mauvaise-foi").dueStep?.id == "mise-en-demeure")
    }
}

@Suite("Ladder: promises and plans")
struct PauseTests {
    @Test func aPromisePausesTheLadderUntilItsDate() throws {
        let claim = sampleCase()
        let history = AmicableHistory(
            reminders: [sent("j1", on: "2026-04-01")],
            promises: [PaymentPromise(date: day("2026-04-05"), until: day("2026-04-25"))])
        let paused = try decide(claim, on: "2026-04-15", history: history)
        #expect(paused.state == .paused(PaymentPromise(date: day("2026-04-05"), until: day("2026-04-25"))))
        #expect(paused.dueStep == nil)
        #expect(paused.nextStep?.id == "j15")
        #expect(paused.nextStep?.day == day("2026-04-26"))
        // Not kept: the ladder resumes the day after, and the letter will say the promise was broken.
        let resumed = try decide(claim, on: "2026-04-26", history: history)
        #expect(resumed.dueStep?.id == "j15")
        #expect(resumed.brokenPromise != nil)
    }

    @Test func aKeptPromiseEndsTheLadder() throws {
        let claim = sampleCase(payments: [Payment(date: day("2026-04-20"), amount: money("1200.00"))])
        let history = AmicableHistory(promises: [PaymentPromise(date: day("2026-04-05"), until: day("2026-04-25"))])
        #expect(try decide(claim, on: "2026-04-26", history: history).state == .settled)
    }

    let plan = AcceptedPlan(
        date: day("2026-04-10"),
        instalments: [
            Instalment(date: day("2026-04-30"), amount: money("400.00")),
            Instalment(date: day("2026-05-31"), amount: money("400.00")),
            Instalment(date: day("2026-06-30"), amount: money("400.00")),
        ])

    @Test func anHonouredPlanHoldsTheLadder() throws {
        let claim = sampleCase(payments: [Payment(date: day("2026-04-30"), amount: money("400.00"))])
        let d = try decide(claim, on: "2026-05-20", history: AmicableHistory(plans: [plan]))
        #expect(d.state == .onHold(plan))
        #expect(d.dueStep == nil)
        #expect(d.next == .instalment(plan.instalments[1]))
    }

    @Test func aMissedInstalmentBreaksThePlanAndLeadsToTheFormalNotice() throws {
        let claim = sampleCase(payments: [Payment(date: day("2026-04-30"), amount: money("400.00"))])
        // The 31 May instalment, 5 days of grace: still on hold on 5 June, broken on 6 June.
        #expect(try decide(claim, on: "2026-06-05", history: AmicableHistory(plans: [plan])).state == .onHold(plan))
        let d = try decide(claim, on: "2026-06-06", history: AmicableHistory(plans: [plan]))
        #expect(d.brokenPlan?.missed == plan.instalments[1])
        #expect(d.dueStep?.id == "mise-en-demeure")
    }
}
