import Foundation
import RecouvreCaseFile
import RecouvreModel
import Testing

@Suite("penalty_rate forms")
struct PenaltyRateParserTests {
    @Test(
        "accepted forms",
        arguments: [
            ("12", PenaltyRateClause.fixed(12)),
            ("12.0", .fixed(12)),
            ("10.5 %", .fixed(Decimal(string: "10.5")!)),
            ("ECB + 7", .ecbPlus(7)),
            ("ecb+7", .ecbPlus(7)),
            ("BCE + 7", .ecbPlus(7)),
            ("bce + 7.5 points", .ecbPlus(Decimal(string: "7.5")!)),
            ("taux BCE + 10 points", .ecbPlus(10)),
            ("3 x legal", .legalTimes(3)),
            ("3x legal", .legalTimes(3)),
            ("3 × taux légal", .legalTimes(3)),
            ("1.5 * LEGAL", .legalTimes(Decimal(string: "1.5")!)),
        ])
    func accepted(text: String, clause: PenaltyRateClause) {
        #expect(PenaltyRateParser.parse(text) == .success(clause))
    }

    @Test(
        "refused forms",
        arguments: [
            ("Euribor + 3", PenaltyRateParser.Failure.notARate),
            ("ECB - 1", .notARate),
            ("ECB +", .notARate),
            ("3 x", .notARate),
            ("x legal", .notARate),
            ("12,5", .notARate),
            ("-2", .negative),
            ("12.12345", .tooManyDecimals),
            ("", .notARate),
        ])
    func refused(text: String, failure: PenaltyRateParser.Failure) {
        #expect(PenaltyRateParser.parse(text) == .failure(failure))
    }
}
