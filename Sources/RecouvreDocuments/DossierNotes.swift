import RecouvreModel

/// `notes.txt`: the warnings of a build for the user (an unverified rate, an address to check, an
/// exhibit to produce), kept beside the documents. It is not an exhibit: the bordereau does not list
/// it; the manifest lists it like every file of the bundle.
public enum DossierNotes {
    public static let fileName = "notes.txt"

    public static func text(_ warnings: [String], messages: MessageCatalogue) -> String {
        var lines = [messages.text(DocumentReason.notesTitle), ""]
        if warnings.isEmpty {
            lines.append(messages.text(DocumentReason.notesNone))
        } else {
            lines += warnings.map { "- \($0)" }
        }
        let text = TextLayout.wrap(lines.joined(separator: "\n") + "\n")
        return text.hasSuffix("\n") ? text : text + "\n"
    }
}
