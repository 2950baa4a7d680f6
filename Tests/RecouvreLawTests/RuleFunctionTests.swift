import Foundation
import RecouvreModel
import Testing

@testable import RecouvreLaw

// The rule functions of RecouvreLaw called one by one (not only through whole statements): each
// regime's rate choice, each rate rule with its hand-checked figure, and the branches that no fixture
// reaches. Every date is at most in 2025, so appending a new half-year to forms/rates/ never changes
// these results (and neither does verifying the 2026 H2 row).

/// A short, comparable name for a rate policy (RatePolicy is not Equatable).
private func name(_ policy: RatePolicy?) -> String {
    switch policy {
    case nil: return "none"
    case .b2bDefault: return "b2b default"
    case .b2bClause(let clause): return "b2b clause \(clause)"
    case .publicProcurement: return "public procurement"
    case .legal(let category): return "legal \(category.rawValue)"
    case .clause(let clause): return "clause \(clause)"
    }
}

private func policy(_ claim: Case) -> (name: String, warnings: [String]) {
    var notes = Notes(messages: shippedMessages)
    let chosen = try! StatementRules.ratePolicy(
        for: claim, tables: shippedTables, asOf: day("2026-06-30"), notes: &notes)
    return (name(chosen), notes.warnings)
}

private func judgment(_ date: String, served: String? = nil) -> Event {
    Event(type: .judgment, date: day(date), served: served.map(day))
}

@Suite("Rate choice per regime (StatementRules.ratePolicy, domain.md §1)")
struct RatePolicyTests {
    static let clause = PenaltyRateClause.fixed(12)

    @Test("B2B: ECB + 10 without a clause, the clause (floored later) with one — C. com. L441-10 II")
    func b2b() {
        let plain = makeCase(invoices: [invoice("F1", due: "2025-03-31", "1000")])
        #expect(plain.regime == .b2b)
        #expect(policy(plain).name == "b2b default")
        #expect(policy(plain).warnings.isEmpty)
        let withClause = makeCase(contract: Contract(penaltyRate: Self.clause), invoices: plain.invoices)
        #expect(policy(withClause).name == "b2b clause \(Self.clause)")
    }

    @Test("public procurement: R2192-31 whatever the contract says; a contractual rate is set aside with a warning")
    func publicProcurement() {
        let plain = makeCase(debtor: publicBody, invoices: [invoice("F1", due: "2025-03-31", "1000")])
        #expect(plain.regime == .publicProcurement)
        #expect(policy(plain).name == "public procurement")
        #expect(policy(plain).warnings.isEmpty)
        let withClause = makeCase(
            debtor: publicBody, contract: Contract(penaltyRate: Self.clause), invoices: plain.invoices)
        let chosen = policy(withClause)
        #expect(chosen.name == "public procurement")
        #expect(chosen.warnings.count == 1)
        #expect(chosen.warnings.first?.contains("taux contractuel est écarté") == true)
        #expect(chosen.warnings.first?.contains("R2192-31") == true)
    }

    @Test("civil and consumer: taux légal of the creditor's category, or the clause (no floor) — C. civ. 1231-6")
    func civilAndConsumer() {
        // consumer: a company creditor → "autres cas"
        let consumer = makeCase(debtor: personDebtor, invoices: [invoice("F1", due: "2025-03-31", "1000")])
        #expect(consumer.regime == .consumer)
        #expect(policy(consumer).name == "legal autres_cas")
        // civil between individuals: a natural-person creditor → "particulier"
        let civil = makeCase(creditor: person, debtor: personDebtor, invoices: consumer.invoices)
        #expect(civil.regime == .civil)
        #expect(policy(civil).name == "legal particulier")
        let withClause = makeCase(
            creditor: person, debtor: personDebtor, contract: Contract(penaltyRate: Self.clause),
            invoices: consumer.invoices)
        #expect(policy(withClause).name == "clause \(Self.clause)")
        #expect(policy(withClause).warnings.isEmpty)
    }

    @Test("residential lease: the penalty clause is deemed unwritten (loi 89-462 art. 4 i), taux légal instead")
    func residentialLease() {
        let lease = Contract(nature: .residentialLease, penaltyRate: Self.clause)
        let claim = makeCase(
            creditor: person, debtor: personDebtor, contract: lease,
            invoices: [invoice("L1", due: "2025-03-05", "800")])
        let chosen = policy(claim)
        #expect(chosen.name == "legal particulier")
        #expect(chosen.warnings.first?.contains("réputée non écrite") == true)
        let noClause = makeCase(
            creditor: person, debtor: personDebtor, contract: Contract(nature: .residentialLease),
            invoices: claim.invoices)
        #expect(policy(noClause).name == "legal particulier")
        #expect(policy(noClause).warnings.isEmpty)
    }

    @Test("consumer credit: the loan's rate only if given (C. consom. L312-39), else nothing, warned either way")
    func consumerCredit() {
        let without = makeCase(
            debtor: personDebtor, contract: Contract(nature: .consumerCredit),
            invoices: [invoice("E1", due: "2025-03-05", "300")])
        #expect(policy(without).name == "none")
        #expect(policy(without).warnings.first?.contains("Aucun intérêt n'est calculé") == true)
        let with = makeCase(
            debtor: personDebtor, contract: Contract(nature: .consumerCredit, penaltyRate: .fixed(6)),
            invoices: without.invoices)
        #expect(policy(with).name == "clause \(PenaltyRateClause.fixed(6))")
        #expect(policy(with).warnings.first?.contains("L312-39") == true)
    }

    @Test("interest first (C. civ. 1343-1) only for civil interest")
    func interestFirst() {
        #expect(!StatementRules.interestFirst(.b2b))
        #expect(!StatementRules.interestFirst(.publicProcurement))
        for regime in [Regime.civil, .consumer, .residentialLease, .consumerCredit] {
            #expect(StatementRules.interestFirst(regime))
        }
    }
}

@Suite("Rate rules (LatePaymentRules), hand-checked")
struct LatePaymentRuleTests {
    @Test("B2B default: ECB on 1 January / 1 July + 10 (C. com. L441-10 II)")
    func defaultB2B() throws {
        // 2024 H1: ECB 4.50 on 2024-01-01 + 10 = 14.50
        let h1 = try LatePaymentRules.defaultB2BRate(for: HalfYear(year: 2024, half: 1), tables: shippedTables)
        #expect(h1.rate == money("14.50"))
        #expect(
            sourceWords(h1)
                == "taux BCE de 4,50\u{00A0}% en vigueur au 1er janvier 2024 + 10 points (C. com. L441-10 II)")
        // 2025 H2: ECB 2.15 on 2025-07-01 (effective 2025-06-11) + 10 = 12.15
        let h2 = try LatePaymentRules.defaultB2BRate(for: HalfYear(year: 2025, half: 2), tables: shippedTables)
        #expect(h2.rate == money("12.15"))
    }

    @Test("B2B floor: 3 × taux légal autres cas of the half-year; a lower clause is raised with a warning")
    func floor() throws {
        let half = HalfYear(year: 2024, half: 2)
        // 3 × 4.92 = 14.76
        #expect(try LatePaymentRules.b2bFloor(for: half, tables: shippedTables).rate == money("14.76"))
        let low = try LatePaymentRules.contractualB2BRate(.fixed(5), for: half, tables: shippedTables)
        #expect(low.rate == money("14.76"))
        #expect(low.warnings.contains { shippedMessages.text($0).contains("plancher légal") })
        let high = try LatePaymentRules.contractualB2BRate(.fixed(15), for: half, tables: shippedTables)
        #expect(high.rate == 15)
        #expect(high.warnings.isEmpty)
        #expect(sourceWords(high).contains("au moins égal au plancher"))
        // the statutory default is not floored: 2024 H1 default 14.50 < 3 × 5.07 = 15.21 stays 14.50
        #expect(
            try LatePaymentRules.defaultB2BRate(for: HalfYear(year: 2024, half: 1), tables: shippedTables).rate
                == money("14.50"))
    }

    @Test("a clause outside B2B is not floored: 3 % stays 3 %")
    func clauseNotFloored() throws {
        let applied = try LatePaymentRules.clauseRate(
            .fixed(3), for: HalfYear(year: 2024, half: 2), tables: shippedTables)
        #expect(applied.rate == 3)
        // "ECB + 2" in 2025 H1: 3.15 + 2 = 5.15; "2 x legal" in 2025 H1: 2 × 3.71 = 7.42
        let ecb = try LatePaymentRules.clauseRate(
            .ecbPlus(2), for: HalfYear(year: 2025, half: 1), tables: shippedTables)
        #expect(ecb.rate == money("5.15"))
        let legal = try LatePaymentRules.clauseRate(
            .legalTimes(2), for: HalfYear(year: 2025, half: 1), tables: shippedTables)
        #expect(legal.rate == money("7.42"))
    }

    @Test("public procurement: ECB on the first day of the half-year interest starts in + 8 (R2192-31)")
    func publicProcurement() throws {
        // 2025 H1: 3.15 + 8 = 11.15; 2025 H2: 2.15 + 8 = 10.15; 2024 H2: 4.25 + 8 = 12.25
        let cases: [(HalfYear, String)] = [
            (HalfYear(year: 2025, half: 1), "11.15"), (HalfYear(year: 2025, half: 2), "10.15"),
            (HalfYear(year: 2024, half: 2), "12.25"),
        ]
        for (half, rate) in cases {
            let applied = try LatePaymentRules.publicProcurementRate(interestStartingIn: half, tables: shippedTables)
            #expect(applied.rate == money(rate), "\(half)")
            #expect(sourceWords(applied).contains("fixe pour toute la durée du retard"))
        }
    }

    @Test("taux légal by the creditor's category, + 5 points after a judgment (C. mon. fin. L313-2, L313-3)")
    func legal() throws {
        let half = HalfYear(year: 2025, half: 1)
        let particulier = try LatePaymentRules.legalRate(
            .particulier, for: half, increased: false, tables: shippedTables)
        #expect(particulier.rate == money("7.21"))
        let increased = try LatePaymentRules.legalRate(.particulier, for: half, increased: true, tables: shippedTables)
        // 7.21 + 5 = 12.21
        #expect(increased.rate == money("12.21"))
        #expect(sourceWords(increased).contains("L313-3"))
        let autres = try LatePaymentRules.legalRate(
            .autresCas, for: HalfYear(year: 2025, half: 2), increased: false,
            tables: shippedTables)
        #expect(autres.rate == money("2.76"))
        // before 2015, one yearly rate: the source names the year (2014: 0.04)
        let yearly = try LatePaymentRules.legalRate(
            .autresCas, for: HalfYear(year: 2014, half: 2), increased: false,
            tables: shippedTables)
        #expect(yearly.rate == money("0.04"))
        #expect(sourceWords(yearly).hasPrefix("taux de l'intérêt légal (autres cas) de l'année 2014 : 0,04"))
    }

    @Test("L313-3: the +5 points start the day after two months from service (CPC 641, month-end clamped)")
    func judgmentIncreaseStart() throws {
        // served 2025-03-10: two months end 2025-05-10, increased from 2025-05-11
        let served = try LatePaymentRules.judgmentIncreaseStart(
            judgment("2025-02-20", served: "2025-03-10"), tables: shippedTables)
        #expect(served.day == day("2025-05-11"))
        #expect(served.warning == nil)
        // served 2024-12-31: no 31 February, the two months end on 2025-02-28, increased from 2025-03-01
        let monthEnd = try LatePaymentRules.judgmentIncreaseStart(
            judgment("2024-12-01", served: "2024-12-31"), tables: shippedTables)
        #expect(monthEnd.day == day("2025-03-01"))
        // no service date: counted from the judgment, with a warning asking for it
        let unserved = try LatePaymentRules.judgmentIncreaseStart(judgment("2025-03-10"), tables: shippedTables)
        #expect(unserved.day == day("2025-05-11"))
        #expect(unserved.warning.map { shippedMessages.text($0).contains("served") } == true)
    }

    @Test("the 40 € fee: B2B (D441-5) and public (D2192-35) only")
    func flatFee() throws {
        #expect(
            try LatePaymentRules.flatFee(regime: .b2b, dueDayAfter: day("2025-04-01"), tables: shippedTables)?.value
                == 40)
        #expect(
            try LatePaymentRules.flatFee(
                regime: .publicProcurement, dueDayAfter: day("2025-04-01"),
                tables: shippedTables)?.value == 40)
        for regime in [Regime.civil, .consumer, .residentialLease, .consumerCredit] {
            #expect(
                try LatePaymentRules.flatFee(regime: regime, dueDayAfter: day("2025-04-01"), tables: shippedTables)
                    == nil)
        }
    }

    @Test("clause words and plain numbers as printed in warnings")
    func words() {
        // Clause words are printed in the relevé (an exhibit): French decimal comma, words not symbols.
        #expect(LatePaymentRules.clauseWords(.ecbPlus(money("7.5"))) == "taux BCE + 7,5 points")
        #expect(LatePaymentRules.clauseWords(.legalTimes(3)) == "3 fois le taux de l'intérêt légal")
        #expect(LatePaymentRules.plainNumber(10) == "10")
        #expect(LatePaymentRules.plainNumber(money("0.50")) == "0.5")
    }
}

@Suite("L313-3 applies to the taux légal only")
struct JudgmentIncreaseScopeTests {
    @Test("B2B penalties after a judgment: no +5 points, a warning says why")
    func b2bNotIncreased() throws {
        let claim = makeCase(
            invoices: [invoice("F1", due: "2024-01-15", "1000")],
            events: [judgment("2024-02-01", served: "2024-02-10")])
        var notes = Notes(messages: shippedMessages)
        let start = try StatementRules.judgmentIncrease(
            claim, policy: .b2bDefault, tables: shippedTables, notes: &notes)
        #expect(start == nil)
        #expect(notes.warnings.first?.contains("ne s'applique qu'au taux légal") == true)
        // Through the statement: one line at 14.50 from 2024-01-16 to 2024-06-30 (16 + 29 + 31 + 30 + 31 + 30 = 167 days),
        // never 19.50 from 2024-04-11: 1000 × 14.50 % × 167 / 365 = 66.3424… → 66.34
        let statement = try StatementEngine(tables: shippedTables, messages: shippedMessages).statement(
            for: claim, asOf: day("2024-06-30"))
        let lines = statement.invoices[0].periods.map {
            "\($0.from.iso) \($0.to.iso) \(Money.plain($0.rate)) \(Money.plain($0.amount))"
        }
        #expect(lines == ["2024-01-16 2024-06-30 14.50 66.34"])
        #expect(statement.warnings.contains { $0.contains("ne s'applique qu'au taux légal") })
    }

    @Test("a civil contractual rate after a judgment: no +5 points either")
    func clauseNotIncreased() throws {
        let claim = makeCase(
            creditor: person, debtor: personDebtor, contract: Contract(penaltyRate: .fixed(10)),
            invoices: [invoice("F1", due: "2025-01-31", "1000")],
            events: [notice(received: "2025-02-10"), judgment("2025-03-01", served: "2025-03-05")])
        let statement = try StatementEngine(tables: shippedTables, messages: shippedMessages).statement(
            for: claim, asOf: day("2025-06-30"))
        // 2025-02-11 to 2025-06-30 = 18 + 31 + 30 + 31 + 30 = 140 days at 10 %: 1000 × 10 % × 140 / 365 = 38.3561… → 38.36
        let lines = statement.invoices[0].periods.map {
            "\($0.from.iso) \($0.to.iso) \(Money.plain($0.rate)) \(Money.plain($0.amount))"
        }
        #expect(lines == ["2025-02-11 2025-06-30 10.00 38.36"])
    }

    @Test("the taux légal after a judgment is increased, from the day the increase starts")
    func legalIncreased() throws {
        let claim = makeCase(
            creditor: person, debtor: personDebtor, invoices: [invoice("F1", due: "2025-01-31", "1000")],
            events: [judgment("2025-03-01", served: "2025-03-05")])
        var notes = Notes(messages: shippedMessages)
        let start = try StatementRules.judgmentIncrease(
            claim, policy: .legal(.particulier), tables: shippedTables, notes: &notes)
        // 2025-03-05 + 2 months = 2025-05-05, increased from 2025-05-06
        #expect(start == day("2025-05-06"))
        #expect(notes.warnings.isEmpty)
        // without a judgment: nothing
        var none = Notes(messages: shippedMessages)
        let plain = makeCase(creditor: person, debtor: personDebtor, invoices: claim.invoices)
        #expect(
            try StatementRules.judgmentIncrease(
                plain, policy: .legal(.particulier), tables: shippedTables, notes: &none) == nil)
    }
}

@Suite("Fees and costs (C. com. L441-10 II)")
struct FeeRuleTests {
    @Test("extra recovery costs: added between professionals, refused outside B2B and under collective proceedings")
    func extraRecoveryCosts() throws {
        let invoices = [invoice("F1", due: "2025-03-31", "1000")]
        var b2bNotes = Notes(messages: shippedMessages)
        let b2b = makeCase(contract: Contract(extraRecoveryCosts: 150), invoices: invoices)
        #expect(StatementRules.extraRecoveryCosts(b2b, notes: &b2bNotes) == 150)
        #expect(b2bNotes.warnings.first?.contains("ajoutés sur justificatifs") == true)

        var consumerNotes = Notes(messages: shippedMessages)
        let consumer = makeCase(debtor: personDebtor, contract: Contract(extraRecoveryCosts: 150), invoices: invoices)
        #expect(StatementRules.extraRecoveryCosts(consumer, notes: &consumerNotes) == 0)
        #expect(consumerNotes.warnings.first?.contains("non ajoutés") == true)

        var civilNotes = Notes(messages: shippedMessages)
        let civil = makeCase(
            creditor: person, debtor: personDebtor, contract: Contract(extraRecoveryCosts: 150), invoices: invoices)
        #expect(StatementRules.extraRecoveryCosts(civil, notes: &civilNotes) == 0)

        var proceedingsNotes = Notes(messages: shippedMessages)
        let proceedings = makeCase(
            contract: Contract(collectiveProceedings: .opened(day("2025-05-01")), extraRecoveryCosts: 150),
            invoices: invoices)
        #expect(StatementRules.extraRecoveryCosts(proceedings, notes: &proceedingsNotes) == 0)

        var none = Notes(messages: shippedMessages)
        #expect(StatementRules.extraRecoveryCosts(makeCase(invoices: invoices), notes: &none) == 0)
        #expect(none.warnings.isEmpty)
    }

    @Test("a consumer statement never adds extra recovery costs or the 40 € fee to its total")
    func consumerTotals() throws {
        // consumer, taux légal autres cas 2025 H1 3.71, notice received 2025-04-10: 2025-04-11 to 2025-05-10 = 30 days,
        // 1000 × 3.71 % × 30 / 365 = 3.0493… → 3.05; total = 1000 + 3.05, no fee, no costs
        let claim = makeCase(
            debtor: personDebtor, contract: Contract(extraRecoveryCosts: 150),
            invoices: [invoice("F1", due: "2025-03-31", "1000")], events: [notice(received: "2025-04-10")])
        let statement = try StatementEngine(tables: shippedTables, messages: shippedMessages).statement(
            for: claim, asOf: day("2025-05-10"))
        #expect(statement.totals.extraRecoveryCosts == 0)
        #expect(statement.totals.flatFees == 0)
        #expect(statement.totals.penalties == money("3.05"))
        #expect(statement.totals.total == money("1003.05"))
        #expect(statement.warnings.contains { $0.contains("Frais de recouvrement complémentaires") })
    }

    @Test("the 40 € fee: not for civil interest, not under collective proceedings, not when the contract waives it")
    func flatFeeAllowed() {
        let invoices = [invoice("F1", due: "2025-03-31", "1000")]
        var notes = Notes(messages: shippedMessages)
        #expect(StatementRules.flatFeeAllowed(makeCase(invoices: invoices), notes: &notes))
        #expect(StatementRules.flatFeeAllowed(makeCase(debtor: publicBody, invoices: invoices), notes: &notes))
        #expect(!StatementRules.flatFeeAllowed(makeCase(debtor: personDebtor, invoices: invoices), notes: &notes))
        #expect(
            !StatementRules.flatFeeAllowed(
                makeCase(contract: Contract(flatFee: false), invoices: invoices), notes: &notes))
        // Collective proceedings (C. com. L441-10 II, last sentence): decided per invoice, by its due date
        // against the opening judgment; none when the opening date is unknown.
        let opened = makeCase(contract: Contract(collectiveProceedings: .opened(day("2025-04-01"))), invoices: invoices)
        #expect(StatementRules.flatFeeAllowed(opened, notes: &notes))
        #expect(StatementRules.flatFeeAllowed(opened, for: invoice("F1", due: "2025-03-31", "1000")))
        #expect(!StatementRules.flatFeeAllowed(opened, for: invoice("F2", due: "2025-04-01", "1000")))
        #expect(
            !StatementRules.flatFeeAllowed(
                makeCase(
                    contract: Contract(collectiveProceedings: .openedUnknownDate),
                    invoices: invoices), for: invoices[0]))
    }
}

@Suite("When delay and interest start and stop")
struct DelayRuleTests {
    @Test("B2B and public: the day after the due date; civil: the day after receipt of a notice covering the invoice")
    func delayStart() {
        let due = invoice("F1", due: "2025-03-31", "1000")
        #expect(StatementRules.delayStart(due, regime: .b2b, notices: []) == day("2025-04-01"))
        #expect(StatementRules.delayStart(due, regime: .publicProcurement, notices: []) == day("2025-04-01"))
        #expect(StatementRules.delayStart(due, regime: .civil, notices: []) == nil)
        // sent 2025-04-02 (after the due date), received 2025-04-05: from 2025-04-06
        #expect(
            StatementRules.delayStart(
                due, regime: .civil, notices: [notice(sent: "2025-04-02", received: "2025-04-05")])
                == day("2025-04-06"))
        // sent before the due date: it cannot cover the invoice (C. civ. 1344)
        #expect(
            StatementRules.delayStart(
                due, regime: .consumer, notices: [notice(sent: "2025-03-20", received: "2025-03-22")])
                == nil)
    }

    @Test("collective proceedings stop the running of penalties the day before the opening judgment (L622-28)")
    func lastCountedDay() {
        let invoices = [invoice("F1", due: "2025-03-31", "1000")]
        var notes = Notes(messages: shippedMessages)
        #expect(
            StatementRules.lastCountedDay(makeCase(invoices: invoices), asOf: day("2025-06-30"), notes: &notes)
                == day("2025-06-30"))
        let opened = makeCase(contract: Contract(collectiveProceedings: .opened(day("2025-05-15"))), invoices: invoices)
        #expect(StatementRules.lastCountedDay(opened, asOf: day("2025-06-30"), notes: &notes) == day("2025-05-14"))
        // as of before the opening: the as-of day
        #expect(StatementRules.lastCountedDay(opened, asOf: day("2025-05-01"), notes: &notes) == day("2025-05-01"))
        var unknown = Notes(messages: shippedMessages)
        let undated = makeCase(contract: Contract(collectiveProceedings: .openedUnknownDate), invoices: invoices)
        #expect(StatementRules.lastCountedDay(undated, asOf: day("2025-06-30"), notes: &unknown) == nil)
        #expect(unknown.warnings.first?.contains("date du jugement d'ouverture inconnue") == true)
    }
}

@Suite("Prescription of public debts, judgments and consumer credit (domain.md §3)")
struct PrescriptionRuleTests {
    let rules = shippedTables.prescription

    @Test(
        "public debts: déchéance quadriennale, four years from 1 January after the year the debt arose (loi 68-1250 art. 1)"
    )
    func publicDebts() {
        // issued 2021-06-15: the term starts 2022-01-01 and runs four years, through 2025-12-31
        let claim = makeCase(
            debtor: publicBody, invoices: [invoice("M1", due: "2021-07-15", "5000", issued: "2021-06-15")])
        #expect(Prescription.regimeKey(claim) == .publicProcurement)
        // 2025-12-31 − 2025-09-01 = 121 days left ≥ 90: nothing
        #expect(
            Prescription.check(case: claim, asOf: day("2025-09-01"), rules: rules, messages: shippedMessages).isEmpty)
        // 2025-12-31 − 2025-11-01 = 60 days left: warned
        let near = Prescription.check(case: claim, asOf: day("2025-11-01"), rules: rules, messages: shippedMessages)
        #expect(near.map(\.runsOut) == [day("2025-12-31")])
        #expect(near.first?.expired == false)
        #expect(near.first?.message.contains("il reste 60 jours") == true)
        // 2026-01-01: acquired since that day
        let past = Prescription.check(case: claim, asOf: day("2026-01-01"), rules: rules, messages: shippedMessages)
        #expect(past.first?.expired == true)
        #expect(past.first?.message.contains("depuis le 2026-01-01") == true)
        #expect(past.first?.message.contains("68-1250") == true)
        // the day of the year does not matter: issued 2021-01-02 runs out the same 2025-12-31
        let early = makeCase(
            debtor: publicBody, invoices: [invoice("M2", due: "2021-02-01", "5000", issued: "2021-01-02")])
        #expect(
            Prescription.check(case: early, asOf: day("2025-11-01"), rules: rules, messages: shippedMessages).map(
                \.runsOut) == [day("2025-12-31")]
        )
        // a payment naming the invoice in 2023 (an acknowledgement) restarts it: through 2027-12-31
        var acknowledged = claim
        acknowledged.payments = [pay("2023-03-01", "1000", invoice: "M1")]
        #expect(
            Prescription.check(case: acknowledged, asOf: day("2026-01-01"), rules: rules, messages: shippedMessages)
                .isEmpty)
        #expect(
            Prescription.runsOutDay(
                invoice: claim.invoices[0], key: .publicProcurement, years: 4,
                acknowledged: day("2023-03-01")) == day("2027-12-31"))
    }

    @Test("a judgment: ten years to execute it (CPCE L111-4), and the invoices it covers are no longer checked")
    func judgmentExecution() {
        // invoice of 2012, long past its 5 years; judgment of 2016-03-15 runs out 2026-03-15
        let claim = makeCase(
            invoices: [invoice("F1", due: "2012-04-30", "1000", issued: "2012-03-31")],
            events: [judgment("2016-03-15", served: "2016-04-01")])
        // 2026-03-15 − 2025-11-01 = 134 days: nothing (the invoice's own prescription is not reported)
        #expect(
            Prescription.check(case: claim, asOf: day("2025-11-01"), rules: rules, messages: shippedMessages).isEmpty)
        // 2026-03-15 − 2026-01-01 = 73 days: warned, no invoice named
        let near = Prescription.check(case: claim, asOf: day("2026-01-01"), rules: rules, messages: shippedMessages)
        #expect(near.count == 1)
        #expect(near.first?.invoice == nil)
        #expect(near.first?.runsOut == day("2026-03-15"))
        #expect(near.first?.message.contains("l'exécution du jugement du 2016-03-15") == true)
        #expect(near.first?.message.contains("L111-4") == true)
        let past = Prescription.check(case: claim, asOf: day("2026-03-16"), rules: rules, messages: shippedMessages)
        #expect(past.first?.expired == true)
        // without the judgment, the 2012 invoice is long prescribed (C. com. L110-4: 2017-03-31)
        let plain = makeCase(invoices: claim.invoices)
        #expect(
            Prescription.check(case: plain, asOf: day("2025-11-01"), rules: rules, messages: shippedMessages).first?
                .runsOut == day("2017-03-31"))
    }

    @Test("consumer credit: forclusion two years after the first unregularised missed payment (C. consom. R312-35)")
    func consumerCredit() {
        let contract = Contract(nature: .consumerCredit, penaltyRate: .fixed(6))
        let instalments = [
            invoice("E1", due: "2024-01-05", "300"), invoice("E2", due: "2024-02-05", "300"),
            invoice("E3", due: "2024-03-05", "300"),
        ]
        let claim = makeCase(debtor: personDebtor, contract: contract, invoices: instalments)
        #expect(Prescription.regimeKey(claim) == .consumerCredit)
        // first unpaid E1 due 2024-01-05: forclosed after 2026-01-05; 2026-01-05 − 2025-11-01 = 65 days, one notice only
        let near = Prescription.check(case: claim, asOf: day("2025-11-01"), rules: rules, messages: shippedMessages)
        #expect(near.count == 1)
        #expect(near.first?.invoice == "E1")
        #expect(near.first?.runsOut == day("2026-01-05"))
        #expect(near.first?.message.contains("forclusion") == true)
        #expect(
            Prescription.check(case: claim, asOf: day("2026-01-06"), rules: rules, messages: shippedMessages).first?
                .expired == true)
        // E1 regularised by a payment naming it: the first unregularised one is E2, through 2026-02-05
        var regularised = claim
        regularised.payments = [pay("2024-01-20", "300", invoice: "E1")]
        #expect(
            Prescription.check(case: regularised, asOf: day("2026-01-06"), rules: rules, messages: shippedMessages).map(
                \.runsOut) == [
                    day("2026-02-05")
                ])
        // everything paid: nothing to forclose
        var paid = claim
        paid.payments = instalments.map { pay("2024-04-01", "300", invoice: $0.number) }
        #expect(
            Prescription.check(case: paid, asOf: day("2026-06-01"), rules: rules, messages: shippedMessages).isEmpty)
    }

    @Test("regime keys: B2B on a civil nature between professionals is civil (C. civ. 2224), residential lease its own")
    func keys() {
        let invoices = [invoice("F1", due: "2025-03-31", "1000")]
        #expect(Prescription.regimeKey(makeCase(invoices: invoices)) == .commercial)
        #expect(Prescription.regimeKey(makeCase(contract: Contract(nature: .civil), invoices: invoices)) == .civil)
        #expect(Prescription.regimeKey(makeCase(debtor: personDebtor, invoices: invoices)) == .consumer)
        #expect(Prescription.regimeKey(makeCase(creditor: person, debtor: personDebtor, invoices: invoices)) == .civil)
        #expect(
            Prescription.regimeKey(
                makeCase(
                    creditor: person, debtor: personDebtor,
                    contract: Contract(nature: .residentialLease), invoices: invoices))
                == .residentialLease)
    }
}

/// A rate's source as the relevé prints it (worded by the shipped catalogue).
private func sourceWords(_ applied: AppliedRate) -> String { shippedMessages.text(applied.reason) }
