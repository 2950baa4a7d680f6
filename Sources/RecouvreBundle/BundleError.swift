import RecouvreModel

/// Why a bundle could not be built or verified, in the user's terms.
public enum BundleError: RecouvreError, Sendable, Hashable {
    /// The target exists and `--force` was not given.
    case exists(String)
    /// An exhibit's file named in the case is not there.
    case missingExhibit(number: Int, title: String, path: String)
    /// Prescription has run: no court dossier unless forced.
    case prescribed([String])
    /// Writing failed; nothing was left behind.
    case writeFailed(String, String)
    /// The path to verify is not a bundle.
    case notABundle(String, String)
    /// The XML the tool produced does not validate: a bug, reported with libxml2's errors.
    case invalidDossierXML(String)

    public var exitCode: Int32 {
        switch self {
        case .invalidDossierXML: return 70
        default: return 1
        }
    }

    public var description: String {
        switch self {
        case .exists(let path):
            return "\(path) already exists; choose another --out or add --force to replace it"
        case .missingExhibit(let number, let title, let path):
            return "exhibits[\(number - 1)].file: \(path) (pièce n° \(number), \(title)) does not exist; "
                + "fix the path in the case file or remove `file:`"
        case .prescribed(let messages):
            return
                (messages + [
                    "prescription has run: recouvre will not build a court dossier "
                        + "(add --force to build it anyway, with this warning in the output)"
                ]).joined(separator: "\n")
        case .writeFailed(let path, let why):
            return "\(path): cannot write the bundle (\(why)); nothing was written"
        case .notABundle(let path, let why):
            return "\(path): not a recouvre bundle (\(why))"
        case .invalidDossierXML(let errors):
            return "recouvre: internal error: the dossier.xml produced does not validate against "
                + "forms/schemas/dossier.xsd; nothing was written. Please report it with the case file:\n\(errors)"
        }
    }
}
