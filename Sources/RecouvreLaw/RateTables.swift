import Foundation
import RecouvreModel

/// Every dated table the statement reads, parsed from `forms/rates/` by the law-book loader (RecouvreForms; a
/// `--forms` folder overrides them file by file): the ECB MRO rate, the two taux de l'intérêt légal, the
/// statutory parameters and the prescription periods.
public struct RateTables: Sendable {
    public var ecb: RateSeries
    public var legalParticulier: RateSeries
    public var legalAutresCas: RateSeries
    public var statutory: StatutoryParameters
    public var prescription: PrescriptionRules

    public init(
        ecb: RateSeries, legalParticulier: RateSeries, legalAutresCas: RateSeries,
        statutory: StatutoryParameters, prescription: PrescriptionRules
    ) {
        self.ecb = ecb
        self.legalParticulier = legalParticulier
        self.legalAutresCas = legalAutresCas
        self.statutory = statutory
        self.prescription = prescription
    }

    public static let ecbFile = "rates/ecb-mro.yaml"
    public static let particulierFile = "rates/legal-particulier.yaml"
    public static let autresCasFile = "rates/legal-autres-cas.yaml"
    public static let statutoryFile = "rates/statutory.yaml"
    public static let prescriptionFile = "rates/prescription.yaml"

    /// The taux légal series of a creditor category (C. mon. fin. L313-2).
    public func legal(_ category: LegalRateCategory) -> RateSeries {
        category == .particulier ? legalParticulier : legalAutresCas
    }
}
