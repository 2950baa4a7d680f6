import RecouvreModel

/// Why a bundle could not be built, written or read, in the user's terms (French, like the
/// documents). Every case is an input problem (exit status 1) except `invalidDossierXML`, a bug.
public enum BundleError: RecouvreError, Sendable, Hashable {
    /// The target exists and `--force` was not given.
    case exists(String)
    /// `--force` was given but the target is not something recouvre may replace (the reason).
    case notReplaceable(String, String)
    /// An exhibit's file named in the case is not there.
    case missingExhibit(number: Int, title: String, path: String)
    /// Prescription has run: no court dossier unless forced.
    case prescribed([String])
    /// Writing failed; nothing was left behind (the reason, already in French).
    case writeFailed(String, String)
    /// The path to verify or archive is not a bundle (the reason).
    case notABundle(String, String)
    /// The bundle is larger, deeper or has more entries than recouvre reads (the limit passed).
    case tooLarge(String, String)
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
            return "\(path) existe déjà : choisissez un autre --out, ou ajoutez --force pour remplacer "
                + "un dossier que recouvre a écrit"
        case .notReplaceable(let path, let why):
            return "\(path) : --force refusé, \(why) ; rien n'a été modifié (choisissez un autre --out)"
        case .missingExhibit(let number, let title, let path):
            return "exhibits[\(number - 1)].file : \(path) (pièce n° \(number), \(title)) n'existe pas ; "
                + "corrigez le chemin dans le dossier ou retirez `file:`"
        case .prescribed(let messages):
            return
                (messages + [
                    "la prescription est acquise : recouvre ne construit pas de dossier judiciaire "
                        + "(ajoutez --force pour le construire quand même, avec cet avertissement dans le dossier)"
                ]).joined(separator: "\n")
        case .writeFailed(let path, let why):
            return "\(path) : impossible d'écrire le dossier (\(why)) ; rien n'a été écrit"
        case .notABundle(let path, let why):
            return "\(path) : pas un dossier recouvre (\(why))"
        case .tooLarge(let path, let why):
            return "\(path) : refusé sans être lu, \(why) (limites de recouvre verify, docs/bundle.md)"
        case .invalidDossierXML(let errors):
            return "recouvre : erreur interne : le dossier.xml produit n'est pas conforme à "
                + "forms/schemas/dossier.xsd ; rien n'a été écrit. Merci de la signaler avec le fichier du dossier :\n"
                + errors
        }
    }
}
