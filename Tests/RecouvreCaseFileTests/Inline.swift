import Foundation
import RecouvreModel

@testable import RecouvreCaseFile

/// Decodes a case given as text, for tests; problems as the user would read them.
enum Inline {
    static let head = """
        version: 1
        reference: "T-1"
        creditor:
          kind: company
          name: "Atelier Lumière"
          legal_form: SARL
          siren: "123456782"
          address: { lines: ["12 rue des Lilas"], postcode: "69003", city: "Lyon" }
        debtor:
          kind: company
          name: "Bâtiments Durand"
          legal_form: SAS
          siren: "552100554"
          address: { lines: ["4 avenue Jean Jaurès"], postcode: "21000", city: "Dijon" }

        """

    static let invoice = """
        invoices:
          - number: "FA-1"
            issued: 2025-03-31
            due: 2025-04-30
            amount: 1800.00

        """

    static func decode(_ text: String, json: Bool = false, files: [String: Data] = [:], today: Day? = nil)
        -> Result<Case, CaseFileError>
    {
        do {
            return .success(
                try CaseFileReader.decodeLocated(
                    Data(text.utf8), name: "case.yaml", exhibits: MemoryExhibitSource(files: files), json: json,
                    today: today
                ).0)
        } catch {
            return .failure(error)
        }
    }

    static func problems(_ text: String, json: Bool = false, files: [String: Data] = [:], today: Day? = nil)
        -> [String]
    {
        switch decode(text, json: json, files: files, today: today) {
        case .success: return []
        case .failure(let error): return error.problems.map(\.description)
        }
    }
}
