import Foundation
import RecouvreModel
@testable import RecouvreArchive

/// A bundle folder as `recouvre build` writes it, reduced to what the archive reads (until the
/// documents helper's builder lands, tests make their own).
struct SyntheticBundle {
    var caseReference = "2026-0042"
    var asOf: String? = "2026-11-23"
    var creditorName = "SAS Lumière Conseil"
    var creditorSiren: String? = "552100554"
    var debtorName = "SARL Dupont Électricité"
    var debtorSiren: String? = "732829320"
    var amountClaimed = "1220.00"
    var text = "Lyon, le 23 novembre 2026\n\nMise en demeure de payer la somme de 1 220,00 €.\n"

    /// Writes the folder and returns it.
    @discardableResult
    func write(to folder: URL) throws -> URL {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("pieces"),
                                                withIntermediateDirectories: true)
        let notice = Data(text.utf8)
        try notice.write(to: folder.appendingPathComponent("01-mise-en-demeure.txt"))
        let other = Data("Relevé de compte\n".utf8)
        try other.write(to: folder.appendingPathComponent("02-releve-de-compte.txt"))
        func json(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "null" }
        let manifest = """
            {
              "amount_claimed": "\(amountClaimed)",
              "as_of": \(json(asOf)),
              "case": "\(caseReference)",
              "creditor": {
                "name": "\(creditorName)",
                "siren": \(json(creditorSiren))
              },
              "debtor": {
                "name": "\(debtorName)",
                "siren": \(json(debtorSiren))
              },
              "files": [
                {
                  "bytes": \(notice.count),
                  "path": "01-mise-en-demeure.txt",
                  "sha256": "\(SHA256Hex.of(notice))"
                },
                {
                  "bytes": \(other.count),
                  "path": "02-releve-de-compte.txt",
                  "sha256": "\(SHA256Hex.of(other))"
                }
              ],
              "formal_notice": "01-mise-en-demeure.txt",
              "schema": "recouvre.manifest/1",
              "tool": "recouvre 0.1.0"
            }

            """
        try Data(manifest.utf8).write(to: folder.appendingPathComponent("manifest.json"))
        return folder
    }

    func read(in folder: URL) throws -> NoticeBundle {
        try NoticeBundle.read(path: write(to: folder).path)
    }
}

extension Day {
    /// A test day from a literal known to be valid.
    static func of(_ iso: String) -> Day {
        guard let day = Day(iso: iso) else { preconditionFailure("bad test date \(iso)") }
        return day
    }
}
