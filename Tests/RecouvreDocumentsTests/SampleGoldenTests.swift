import Foundation
import RecouvreDocuments
import RecouvreTestSupport
import Testing

/// Every document of every sample dossier, compared byte for byte with its golden file
/// (`Golden/samples/<sample>/<file>`; regenerate with `RECOUVRE_UPDATE_GOLDEN=1 swift test`).
@Suite("Documents of the Swift-built samples")
struct SampleGoldenTests {
    @Test("each document matches its golden file", arguments: Samples.names)
    func golden(name: String) throws {
        for stage in DossierStage.allCases {
            let dossier = try Samples.book.renderer.render(Samples.make(name).at(stage))
            for document in dossier.documents {
                if let diff = Golden.mismatch(
                    document.text, target: "RecouvreDocumentsTests",
                    name: "samples/\(name)/\(stage.rawValue)/\(document.fileName)")
                {
                    Issue.record(Comment(rawValue: diff))
                }
            }
        }
    }

    @Test("every line fits an A4 page (90 columns)", arguments: Samples.names)
    func fitsA4(name: String) throws {
        let documents = try Samples.make(name).stages.flatMap { try Samples.book.renderer.render($0).documents }
        for document in documents {
            for line in document.text.split(separator: "\n") where line.count > TextLayout.a4Width {
                // Only a single word longer than the page may overflow (a URL, an IBAN): never prose.
                #expect(
                    !line.trimmingCharacters(in: .whitespaces).contains(" "),
                    "\(document.fileName): \(line)")
            }
        }
    }
}
