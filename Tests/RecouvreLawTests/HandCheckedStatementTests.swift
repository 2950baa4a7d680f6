import Foundation
import RecouvreLaw
import RecouvreModel
import Testing

/// One hand-checked statement: every penalty line (`from to rate amount`, invoices in case order),
/// the flat fees, and a warning it must carry.
struct HandChecked: CustomTestStringConvertible, Sendable {
    var name: String
    var claim: Case
    var asOf: String
    var basis: DayBasis = .d365
    var lines: [String]
    var fees: String = "0.00"
    var warning: String? = nil
    var testDescription: String { name }
}

let handChecked: [HandChecked] = [
    // domain.md §2: 1000 × 14.50 % × 30 / 365 = 11.9178… → 11.92 (2024 H1 default: ECB 4.50 on 1 Jan 2024 + 10)
    HandChecked(
        name: "B2B default, 30 days in 2024 H1",
        claim: makeCase(invoices: [invoice("F1", due: "2024-01-15", "1000")]), asOf: "2024-02-14",
        lines: ["2024-01-16 2024-02-14 14.50 11.92"], fees: "40.00"),
    // domain.md §2: 15000 × 15 % × 30 / 365 = 184.9315… → 184.93 (floor 2025 H2: 3 × 2.76 = 8.28, not reached)
    HandChecked(
        name: "B2B contractual 15 %, 30 days",
        claim: makeCase(
            contract: Contract(penaltyRate: .fixed(15)), invoices: [invoice("F1", due: "2025-09-01", "15000")]),
        asOf: "2025-10-01", lines: ["2025-09-02 2025-10-01 15.00 184.93"], fees: "40.00"),
    // domain.md §2 (F783): 2000 × 3.11 % × 30 / 365 = 5.1123… → 5.11; notice received 2020-09-01, interest from 09-02
    HandChecked(
        name: "civil particulier 2020 H2, 30 days",
        claim: makeCase(
            creditor: person, debtor: personDebtor, invoices: [invoice("F1", due: "2020-08-01", "2000")],
            events: [notice(received: "2020-09-01")]),
        asOf: "2020-10-01", lines: ["2020-09-02 2020-10-01 3.11 5.11"]),
    // crossing 1 Jul 2024: 1000 × 14.50 % × 15 / 365 = 5.9589 → 5.96; 1000 × 14.25 % × 15 / 365 = 5.8562 → 5.86
    HandChecked(
        name: "B2B default crossing 1 July",
        claim: makeCase(invoices: [invoice("F1", due: "2024-06-15", "1000")]), asOf: "2024-07-15",
        lines: ["2024-06-16 2024-06-30 14.50 5.96", "2024-07-01 2024-07-15 14.25 5.86"], fees: "40.00"),
    // crossing 1 Jan 2025: 1000 × 14.25 % × 11 / 365 = 4.2945 → 4.29; 1000 × 13.15 % × 10 / 365 = 3.6027 → 3.60
    HandChecked(
        name: "B2B default crossing 1 January",
        claim: makeCase(invoices: [invoice("F1", due: "2024-12-20", "1000")]), asOf: "2025-01-10",
        lines: ["2024-12-21 2024-12-31 14.25 4.29", "2025-01-01 2025-01-10 13.15 3.60"], fees: "40.00"),
    // leap year, basis 365: 10000 × 14.50 % × 29 / 365 = 115.2054… → 115.21 (02-02 to 03-01 counts 29 February)
    HandChecked(
        name: "leap year, 365 basis",
        claim: makeCase(invoices: [invoice("F1", due: "2024-02-01", "10000")]), asOf: "2024-03-01",
        lines: ["2024-02-02 2024-03-01 14.50 115.21"], fees: "40.00"),
    // leap year, actual basis: 10000 × 14.50 % × 29 / 366 = 114.8907… → 114.89
    HandChecked(
        name: "leap year, actual basis",
        claim: makeCase(invoices: [invoice("F1", due: "2024-02-01", "10000")]), asOf: "2024-03-01", basis: .actual,
        lines: ["2024-02-02 2024-03-01 14.50 114.89"], fees: "40.00"),
    // actual basis across 31 Dec 2024: 10000 × 14.25 % × 16 / 366 = 62.2950… → 62.30; 10000 × 13.15 % × 15 / 365 = 54.0410… → 54.04
    HandChecked(
        name: "actual basis split at 31 December",
        claim: makeCase(invoices: [invoice("F1", due: "2024-12-15", "10000")]), asOf: "2025-01-15", basis: .actual,
        lines: ["2024-12-16 2024-12-31 14.25 62.30", "2025-01-01 2025-01-15 13.15 54.04"], fees: "40.00"),
    // same on 365: 10000 × 14.25 % × 16 / 365 = 62.4657… → 62.47; 54.04 as above
    HandChecked(
        name: "365 basis across 31 December 2024",
        claim: makeCase(invoices: [invoice("F1", due: "2024-12-15", "10000")]), asOf: "2025-01-15",
        lines: ["2024-12-16 2024-12-31 14.25 62.47", "2025-01-01 2025-01-15 13.15 54.04"], fees: "40.00"),
    // partial payment 500 on 06-02 (counted on the old base through 06-02): 1800 × 13.15 % × 33 / 365 = 21.4003 → 21.40;
    // 1300 × 13.15 % × 28 / 365 = 13.1134 → 13.11
    HandChecked(
        name: "B2B partial payment mid-period",
        claim: makeCase(
            invoices: [invoice("FA2025-118", due: "2025-04-30", "1800")],
            payments: [pay("2025-06-02", "500", invoice: "FA2025-118")]),
        asOf: "2025-06-30", lines: ["2025-05-01 2025-06-02 13.15 21.40", "2025-06-03 2025-06-30 13.15 13.11"],
        fees: "40.00"),
    // credit note 120 on 05-15: 1800 × 13.15 % × 15 / 365 = 9.7274 → 9.73 (interfaces.md's line); 1680 × 13.15 % × 16 / 365 = 9.6837 → 9.68
    HandChecked(
        name: "credit note mid-period",
        claim: makeCase(
            invoices: [invoice("FA2025-118", due: "2025-04-30", "1800")],
            creditNotes: [CreditNote(number: "AV1", date: day("2025-05-15"), amount: 120, invoice: "FA2025-118")]),
        asOf: "2025-05-31", lines: ["2025-05-01 2025-05-15 13.15 9.73", "2025-05-16 2025-05-31 13.15 9.68"],
        fees: "40.00"),
    // unnamed payment 1500 on 05-10: oldest due first, A (due 03-31) 1000 then B 500.
    // A: 1000 × 13.15 % × 40 / 365 = 14.4109 → 14.41; B: 1000 × 13.15 % × 10 / 365 = 3.6027 → 3.60; 500 × 13.15 % × 21 / 365 = 3.7829 → 3.78
    HandChecked(
        name: "imputation without invoice named",
        claim: makeCase(
            invoices: [invoice("B", due: "2025-04-30", "1000"), invoice("A", due: "2025-03-31", "1000")],
            payments: [pay("2025-05-10", "1500")]),
        asOf: "2025-05-31",
        lines: [
            "2025-05-01 2025-05-10 13.15 3.60", "2025-05-11 2025-05-31 13.15 3.78", "2025-04-01 2025-05-10 13.15 14.41",
        ],
        fees: "80.00"),
    // payment naming B goes to B although A is older: B 1000 × 13.15 % × 10 / 365 = 3.60, 500 × 13.15 % × 21 / 365 = 3.78;
    // A untouched: 1000 × 13.15 % × 61 / 365 = 21.9767 → 21.98
    HandChecked(
        name: "named invoice wins over the oldest",
        claim: makeCase(
            invoices: [invoice("A", due: "2025-03-31", "1000"), invoice("B", due: "2025-04-30", "1000")],
            payments: [pay("2025-05-10", "500", invoice: "B")]),
        asOf: "2025-05-31",
        lines: [
            "2025-04-01 2025-05-31 13.15 21.98", "2025-05-01 2025-05-10 13.15 3.60", "2025-05-11 2025-05-31 13.15 3.78",
        ],
        fees: "80.00"),
    // unnamed credit note 300 on 04-10 to the oldest (A): A 1000 × 13.15 % × 10 / 365 = 3.60; 700 × 13.15 % × 21 / 365 = 5.2959 → 5.30
    HandChecked(
        name: "credit note without invoice named goes to the oldest",
        claim: makeCase(
            invoices: [invoice("A", due: "2025-03-31", "1000"), invoice("B", due: "2025-05-31", "500")],
            creditNotes: [CreditNote(number: "AV2", date: day("2025-04-10"), amount: 300)]),
        asOf: "2025-05-01", lines: ["2025-04-01 2025-04-10 13.15 3.60", "2025-04-11 2025-05-01 13.15 5.30"],
        fees: "40.00"),
    // floor: clause 5 % in 2024 H2 < 3 × 4.92 = 14.76; 1000 × 14.76 % × 30 / 365 = 12.1315 → 12.13
    HandChecked(
        name: "floor raises a low clause",
        claim: makeCase(
            contract: Contract(penaltyRate: .fixed(5)), invoices: [invoice("F1", due: "2024-09-30", "1000")]),
        asOf: "2024-10-30", lines: ["2024-10-01 2024-10-30 14.76 12.13"], fees: "40.00", warning: "plancher légal"),
    // 2024 H1: "ECB + 10" = 4.50 + 10 = 14.50 < 3 × 5.07 = 15.21, raised: 1000 × 15.21 % × 30 / 365 = 12.5014 → 12.50
    HandChecked(
        name: "2024 H1: contractual ECB + 10 raised to 3 × taux légal",
        claim: makeCase(
            contract: Contract(penaltyRate: .ecbPlus(10)), invoices: [invoice("F1", due: "2024-01-15", "1000")]),
        asOf: "2024-02-14", lines: ["2024-01-16 2024-02-14 15.21 12.50"], fees: "40.00", warning: "15.21"),
    // "ECB + 7" in 2025 H2: 2.15 + 7 = 9.15 ≥ 8.28; 1000 × 9.15 % × 30 / 365 = 7.5205 → 7.52
    HandChecked(
        name: "contractual ECB + 7",
        claim: makeCase(
            contract: Contract(penaltyRate: .ecbPlus(7)), invoices: [invoice("F1", due: "2025-08-31", "1000")]),
        asOf: "2025-09-30", lines: ["2025-09-01 2025-09-30 9.15 7.52"], fees: "40.00"),
    // "3 x legal" in 2025 H2: 3 × 2.76 = 8.28; 1000 × 8.28 % × 30 / 365 = 6.8055 → 6.81
    HandChecked(
        name: "contractual 3 x legal",
        claim: makeCase(
            contract: Contract(penaltyRate: .legalTimes(3)), invoices: [invoice("F1", due: "2025-08-31", "1000")]),
        asOf: "2025-09-30", lines: ["2025-09-01 2025-09-30 8.28 6.81"], fees: "40.00"),
    // "2 x legal" = 5.52 < floor 8.28: raised to 8.28 → 6.81
    HandChecked(
        name: "contractual 2 x legal raised to the floor",
        claim: makeCase(
            contract: Contract(penaltyRate: .legalTimes(2)), invoices: [invoice("F1", due: "2025-08-31", "1000")]),
        asOf: "2025-09-30", lines: ["2025-09-01 2025-09-30 8.28 6.81"], fees: "40.00", warning: "plancher"),
    // fixed 15 % across 1 July 2025: one line (same rate, same source): 1000 × 15 % × 30 / 365 = 12.3288 → 12.33
    HandChecked(
        name: "fixed clause above the floor is one line across 1 July",
        claim: makeCase(
            contract: Contract(penaltyRate: .fixed(15)), invoices: [invoice("F1", due: "2025-06-15", "1000")]),
        asOf: "2025-07-15", lines: ["2025-06-16 2025-07-15 15.00 12.33"], fees: "40.00"),
    // public procurement, start 2025-06-16 (2025 H1): 3.15 + 8 = 11.15 kept in July: 10000 × 11.15 % × 60 / 365 = 183.2877 → 183.29
    HandChecked(
        name: "public procurement keeps its start rate across 1 July",
        claim: makeCase(debtor: publicBody, invoices: [invoice("F1", due: "2025-06-15", "10000")]),
        asOf: "2025-08-14", lines: ["2025-06-16 2025-08-14 11.15 183.29"], fees: "40.00"),
    // public procurement, start in 2025 H2: 2.15 + 8 = 10.15; 10000 × 10.15 % × 30 / 365 = 83.4247 → 83.42
    HandChecked(
        name: "public procurement starting in 2025 H2",
        claim: makeCase(debtor: publicBody, invoices: [invoice("F1", due: "2025-07-31", "10000")]),
        asOf: "2025-08-30", lines: ["2025-08-01 2025-08-30 10.15 83.42"], fees: "40.00"),
    // public across 1 Jan: start 2024-12-16 (2024 H2: 4.25 + 8 = 12.25): 10000 × 12.25 % × 30 / 365 = 100.6849 → 100.68
    HandChecked(
        name: "public procurement keeps its start rate across 1 January",
        claim: makeCase(debtor: publicBody, invoices: [invoice("F1", due: "2024-12-15", "10000")]),
        asOf: "2025-01-14", lines: ["2024-12-16 2025-01-14 12.25 100.68"], fees: "40.00"),
    // +5 points: served 2025-03-10, two months end 2025-05-10, increase from 05-11.
    // 10000 × 7.21 % × 89 / 365 = 175.8055 → 175.81; 10000 × 12.21 % × 21 / 365 = 70.2493 → 70.25
    HandChecked(
        name: "+5 points two months after service",
        claim: makeCase(
            creditor: person, debtor: personDebtor, invoices: [invoice("F1", due: "2025-01-31", "10000")],
            events: [
                notice(received: "2025-02-10"),
                Event(type: .judgment, date: day("2025-03-01"), served: day("2025-03-10")),
            ]),
        asOf: "2025-05-31", lines: ["2025-02-11 2025-05-10 7.21 175.81", "2025-05-11 2025-05-31 12.21 70.25"]),
    // +5 without service date: counted from the judgment (2025-03-10 → 05-11), with a warning; same figures
    HandChecked(
        name: "+5 points without service date",
        claim: makeCase(
            creditor: person, debtor: personDebtor, invoices: [invoice("F1", due: "2025-01-31", "10000")],
            events: [notice(received: "2025-02-10"), Event(type: .judgment, date: day("2025-03-10"))]),
        asOf: "2025-05-31", lines: ["2025-02-11 2025-05-10 7.21 175.81", "2025-05-11 2025-05-31 12.21 70.25"],
        warning: "sans date de signification"),
    // civil interest not started: no receipt of a formal notice, no line
    HandChecked(
        name: "civil interest not started",
        claim: makeCase(creditor: person, debtor: personDebtor, invoices: [invoice("F1", due: "2025-01-31", "1000")]),
        asOf: "2025-06-30", lines: [], warning: "Intérêts non commencés"),
    // consumer: creditor a company → autres cas 3.71 (2025 H1), no fee: 1000 × 3.71 % × 30 / 365 = 3.0493 → 3.05
    HandChecked(
        name: "consumer, taux légal autres cas, no flat fee",
        claim: makeCase(
            debtor: personDebtor, invoices: [invoice("F1", due: "2025-01-31", "1000")],
            events: [notice(received: "2025-02-15")]),
        asOf: "2025-03-17", lines: ["2025-02-16 2025-03-17 3.71 3.05"]),
    // a notice sent (2025-01-17) before the due date (2025-01-31) cannot put the debtor in default for a debt not
    // yet exigible (C. civ. 1344, 1231-6): no interest, and a warning asking for a new notice
    HandChecked(
        name: "notice sent before the due date",
        claim: makeCase(
            debtor: personDebtor, invoices: [invoice("F1", due: "2025-01-31", "1000")],
            events: [notice(received: "2025-01-20")]),
        asOf: "2025-02-10", lines: [], warning: "échue après la mise en demeure du 2025-01-17"),
    // a notice sent on the due date covers it: interest from the day after receipt, 2025-02-04 to 02-10 = 7 days,
    // 1000 × 3.71 % × 7 / 365 = 0.7115… → 0.71
    HandChecked(
        name: "notice sent on the due date",
        claim: makeCase(
            debtor: personDebtor, invoices: [invoice("F1", due: "2025-01-31", "1000")],
            events: [notice(sent: "2025-01-31", received: "2025-02-03")]),
        asOf: "2025-02-10", lines: ["2025-02-04 2025-02-10 3.71 0.71"]),
    // F2 falls due (2025-03-31) after the notice of 2025-02-10: only F1 bears interest, from 02-14 to 04-30 = 76 days,
    // 1000 × 3.71 % × 76 / 365 = 7.7249… → 7.72; F2 gets a warning
    HandChecked(
        name: "invoice due after the formal notice bears no interest",
        claim: makeCase(
            debtor: personDebtor,
            invoices: [invoice("F1", due: "2025-01-31", "1000"), invoice("F2", due: "2025-03-31", "1000")],
            events: [notice(sent: "2025-02-10", received: "2025-02-13")]),
        asOf: "2025-04-30", lines: ["2025-02-14 2025-04-30 3.71 7.72"], warning: "Facture F2 (échéance du 2025-03-31)"),
    // a second notice (sent 2025-04-10, received 04-12) covers F2: 04-13 to 04-30 = 18 days,
    // 1000 × 3.71 % × 18 / 365 = 1.8295… → 1.83; F1 keeps the first notice (76 days, 7.72)
    HandChecked(
        name: "each invoice runs from the first notice that covers it",
        claim: makeCase(
            debtor: personDebtor,
            invoices: [invoice("F1", due: "2025-01-31", "1000"), invoice("F2", due: "2025-03-31", "1000")],
            events: [
                notice(sent: "2025-04-10", received: "2025-04-12"),
                notice(sent: "2025-02-10", received: "2025-02-13"),
            ]),
        asOf: "2025-04-30", lines: ["2025-02-14 2025-04-30 3.71 7.72", "2025-04-13 2025-04-30 3.71 1.83"]),
    // residential lease: clause ignored (loi 89-462 art. 4 i); particulier 2025 H2 6.65: 800 × 6.65 % × 30 / 365 = 4.3726 → 4.37
    HandChecked(
        name: "residential lease ignores the penalty clause",
        claim: makeCase(
            creditor: person, debtor: personDebtor,
            contract: Contract(nature: .residentialLease, penaltyRate: .fixed(10)),
            invoices: [invoice("Loyer-09", due: "2025-09-05", "800")], events: [notice(received: "2025-09-20")]),
        asOf: "2025-10-20", lines: ["2025-09-21 2025-10-20 6.65 4.37"], warning: "réputée non écrite"),
    // consumer credit without a contractual rate: nothing computed, a warning
    HandChecked(
        name: "consumer credit without its rate",
        claim: makeCase(
            debtor: personDebtor, contract: Contract(nature: .consumerCredit),
            invoices: [invoice("E1", due: "2025-01-31", "5000")], events: [notice(received: "2025-03-01")]),
        asOf: "2025-03-31", lines: [], warning: "L312-39"),
    // consumer credit at its 6 % rate: 5000 × 6 % × 30 / 365 = 24.6575 → 24.66
    HandChecked(
        name: "consumer credit at the loan rate",
        claim: makeCase(
            debtor: personDebtor, contract: Contract(nature: .consumerCredit, penaltyRate: .fixed(6)),
            invoices: [invoice("E1", due: "2025-01-31", "5000")], events: [notice(received: "2025-03-01")]),
        asOf: "2025-03-31", lines: ["2025-03-02 2025-03-31 6.00 24.66"]),
    // civil with a contractual 10 % (no floor outside B2B): 1000 × 10 % × 30 / 365 = 8.2191 → 8.22
    HandChecked(
        name: "civil contractual clause",
        claim: makeCase(
            creditor: person, debtor: personDebtor, contract: Contract(penaltyRate: .fixed(10)),
            invoices: [invoice("F1", due: "2025-01-31", "1000")], events: [notice(received: "2025-03-01")]),
        asOf: "2025-03-31", lines: ["2025-03-02 2025-03-31 10.00 8.22"]),
    // collective proceedings opened 2025-03-03: last day 03-02; 1000 × 13.15 % × 30 / 365 = 10.8082 → 10.81;
    // F1 fell due (01-31) and was late before the opening: its 40 € fee is kept (C. com. L441-10 II, last sentence)
    HandChecked(
        name: "collective proceedings with a date",
        claim: makeCase(
            contract: Contract(collectiveProceedings: .opened(day("2025-03-03"))),
            invoices: [invoice("F1", due: "2025-01-31", "1000")]),
        asOf: "2025-06-30", lines: ["2025-02-01 2025-03-02 13.15 10.81"], fees: "40.00", warning: "L622-28"),
    // collective proceedings opened 2025-03-03, invoice due 03-15, after it: no penalty (interest stopped)
    // and no fee, the proceedings forbidding its payment at its due date (L441-10 II, last sentence)
    HandChecked(
        name: "collective proceedings, invoice due after the opening",
        claim: makeCase(
            contract: Contract(collectiveProceedings: .opened(day("2025-03-03"))),
            invoices: [invoice("F1", due: "2025-03-15", "1000")]),
        asOf: "2025-06-30", lines: [], warning: "L622-28"),
    // collective proceedings, date unknown: nothing, no fee
    HandChecked(
        name: "collective proceedings without a date",
        claim: makeCase(
            contract: Contract(collectiveProceedings: .openedUnknownDate),
            invoices: [invoice("F1", due: "2025-01-31", "1000")]),
        asOf: "2025-06-30", lines: [], warning: "date du jugement d'ouverture inconnue"),
    // flat_fee: false honoured: 11.92 as the first case, no fee
    HandChecked(
        name: "flat fee refused by the contract",
        claim: makeCase(contract: Contract(flatFee: false), invoices: [invoice("F1", due: "2024-01-15", "1000")]),
        asOf: "2024-02-14", lines: ["2024-01-16 2024-02-14 14.50 11.92"]),
    // overpayment 1200 for 1000: 200 unallocated; 1000 × 13.15 % × 10 / 365 = 3.6027 → 3.60; paid late → fee
    HandChecked(
        name: "overpayment",
        claim: makeCase(invoices: [invoice("F1", due: "2025-01-31", "1000")], payments: [pay("2025-02-10", "1200")]),
        asOf: "2025-03-31", lines: ["2025-02-01 2025-02-10 13.15 3.60"], fees: "40.00", warning: "trop-perçu"),
    // 400 paid before the due date: base 600; 600 × 13.15 % × 30 / 365 = 6.4849 → 6.48
    HandChecked(
        name: "partial payment before the due date",
        claim: makeCase(invoices: [invoice("F1", due: "2025-03-31", "1000")], payments: [pay("2025-03-15", "400")]),
        asOf: "2025-04-30", lines: ["2025-04-01 2025-04-30 13.15 6.48"], fees: "40.00"),
    // settled on the due date: nothing, no fee
    HandChecked(
        name: "invoice settled on time",
        claim: makeCase(invoices: [invoice("F1", due: "2025-03-31", "1000")], payments: [pay("2025-03-31", "1000")]),
        asOf: "2025-06-30", lines: [], warning: "réglée à l'échéance"),
    // payment after as of ignored: 1000 × 13.15 % × 30 / 365 = 10.81 (02-01 to 03-02)
    HandChecked(
        name: "payment after the as-of date",
        claim: makeCase(invoices: [invoice("F1", due: "2025-01-31", "1000")], payments: [pay("2025-04-01", "1000")]),
        asOf: "2025-03-02", lines: ["2025-02-01 2025-03-02 13.15 10.81"], fees: "40.00", warning: "postérieur"),
    // not yet due at as of: nothing, no fee
    HandChecked(
        name: "invoice not yet due",
        claim: makeCase(invoices: [invoice("F1", due: "2025-07-31", "1000")]), asOf: "2025-07-31", lines: [],
        warning: "non dépassée"),
    // capitalisation (C. civ. 1343-2) from 2025-01-01: 10000 × 14.50 % × 182 / 365 = 723.01; 10000 × 14.25 % × 184 / 365 = 718.36;
    // base 10000 + 1441.37 = 11441.37: × 13.15 % × 31 / 365 = 127.78
    HandChecked(
        name: "annual capitalisation",
        claim: makeCase(
            contract: Contract(capitalisation: true), invoices: [invoice("F1", due: "2023-12-31", "10000")]),
        asOf: "2025-01-31",
        lines: [
            "2024-01-01 2024-06-30 14.50 723.01", "2024-07-01 2024-12-31 14.25 718.36",
            "2025-01-01 2025-01-31 13.15 127.78",
        ],
        fees: "40.00"),
    // civil, interest first (C. civ. 1343-1): 2000 × 7.21 % × 30 / 365 = 11.85; the 500 pays 11.85 of interest and 488.15
    // of principal; 1511.85 × 7.21 % × 29 / 365 = 8.6605 → 8.66
    HandChecked(
        name: "civil payment goes to interest first",
        claim: makeCase(
            creditor: person, debtor: personDebtor, invoices: [invoice("F1", due: "2025-01-31", "2000")],
            payments: [pay("2025-03-02", "500")], events: [notice(sent: "2025-01-31", received: "2025-01-31")]),
        asOf: "2025-03-31", lines: ["2025-02-01 2025-03-02 7.21 11.85", "2025-03-03 2025-03-31 7.21 8.66"]),
    // 2023 H1 default: ECB 2.50 on 1 Jan 2023 + 10 = 12.50; 1000 × 12.50 % × 30 / 365 = 10.2740 → 10.27
    HandChecked(
        name: "B2B default 2023 H1",
        claim: makeCase(invoices: [invoice("F1", due: "2023-02-28", "1000")]), asOf: "2023-03-30",
        lines: ["2023-03-01 2023-03-30 12.50 10.27"], fees: "40.00"),
    // 2023 H2 default: 4.00 + 10 = 14.00; 1000 × 14 % × 30 / 365 = 11.5068 → 11.51
    HandChecked(
        name: "B2B default 2023 H2",
        claim: makeCase(invoices: [invoice("F1", due: "2023-08-31", "1000")]), asOf: "2023-09-30",
        lines: ["2023-09-01 2023-09-30 14.00 11.51"], fees: "40.00"),
    // 2026 H2 default: ECB 2.40 from 2026-06-17 + 10 = 12.40; 1000 × 12.40 % × 30 / 365 = 10.1918 → 10.19
    HandChecked(
        name: "B2B default 2026 H2",
        claim: makeCase(invoices: [invoice("F1", due: "2026-07-31", "1000")]), asOf: "2026-08-30",
        lines: ["2026-08-01 2026-08-30 12.40 10.19"], fees: "40.00"),
    // 2026 H2 particulier 6.84 (unverified, warned): 1000 × 6.84 % × 30 / 365 = 5.6219 → 5.62
    HandChecked(
        name: "unverified 2026 H2 taux légal is warned",
        claim: makeCase(
            creditor: person, debtor: personDebtor, invoices: [invoice("F1", due: "2026-07-31", "1000")],
            events: [notice(sent: "2026-07-31", received: "2026-08-01")]),
        asOf: "2026-08-31", lines: ["2026-08-02 2026-08-31 6.84 5.62"], warning: "n'a pas été vérifié"),
    // yearly 2014 rate 0.04: 100000 × 0.04 % × 30 / 365 = 3.2877 → 3.29
    HandChecked(
        name: "yearly taux légal 2014",
        claim: makeCase(
            creditor: person, debtor: personDebtor, invoices: [invoice("F1", due: "2014-03-01", "100000")],
            events: [notice(received: "2014-04-01")]),
        asOf: "2014-05-01", lines: ["2014-04-02 2014-05-01 0.04 3.29"]),
    // two instalments on one day equal one payment: 1000 × 13.15 % × 10 / 365 = 3.60; 400 × 13.15 % × 20 / 365 = 2.8822 → 2.88
    HandChecked(
        name: "two instalments the same day",
        claim: makeCase(
            invoices: [invoice("F1", due: "2025-01-31", "1000")],
            payments: [pay("2025-02-10", "250"), pay("2025-02-10", "350")]),
        asOf: "2025-03-02", lines: ["2025-02-01 2025-02-10 13.15 3.60", "2025-02-11 2025-03-02 13.15 2.88"],
        fees: "40.00"),
]

@Suite("Statement: hand-checked cases")
struct HandCheckedStatementTests {
    @Test("every line, fee and warning", arguments: handChecked)
    func handCheckedCase(_ expected: HandChecked) throws {
        let statement = try StatementEngine(tables: shippedTables, messages: shippedMessages)
            .statement(for: expected.claim, asOf: day(expected.asOf), dayBasis: expected.basis)
        let lines = statement.invoices.flatMap(\.periods).map {
            "\($0.from.iso) \($0.to.iso) \(Money.plain($0.rate)) \(Money.plain($0.amount))"
        }
        #expect(lines == expected.lines)
        for line in statement.invoices.flatMap(\.periods) { #expect(line.days == line.to - line.from + 1) }
        #expect(Money.plain(statement.totals.flatFees) == expected.fees)
        if let warning = expected.warning {
            #expect(statement.warnings.contains { $0.contains(warning) }, "\(statement.warnings)")
        }
        let sum = statement.invoices.flatMap(\.periods).reduce(Decimal(0)) { $0 + $1.amount }
        let interestPaid = statement.invoices.reduce(Decimal(0)) { $0 + $1.interestPaid }
        #expect(statement.totals.penalties == sum - interestPaid)
        #expect(
            statement.totals.total == statement.totals.principal + statement.totals.penalties
                + statement.totals.flatFees
                + statement.totals.extraRecoveryCosts)
    }

    @Test("the table holds at least 40 cases")
    func tableSize() { #expect(handChecked.count >= 40) }
}
