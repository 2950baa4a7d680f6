import RecouvreModel

/// A PDF that could not be made. The command line prints the message and exits with `exitCode`.
public struct PDFError: RecouvreError, Sendable {
    public enum Kind: Sendable {
        /// Python 3 or its `typst` package is not installed: the user must install them.
        case engineMissing
        /// A layout file of forms/pdf/ is missing or wrong (a firm's override, typically).
        case layout
        /// The worker died or answered nonsense.
        case worker
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// What to install, in the user's terms (README, "PDF").
    public static func engineMissing(_ detail: String) -> PDFError {
        PDFError(
            .engineMissing,
            "erreur : le rendu PDF (--pdf, --pdf-only) demande Python 3 et le compilateur Typst, "
                + "absents ici (\(detail)). Installez-les : `pip install typst==\(PDFRenderer.typstVersion)` "
                + "(Python 3.8 ou plus ; un autre interpréteur se choisit avec RECOUVRE_PYTHON). "
                + "Sans --pdf, le dossier texte se construit sans eux.")
    }

    /// 2 when the installation is incomplete (like a usage error: nothing in the case is wrong), 1
    /// for a layout file a firm wrote.
    public var exitCode: Int32 {
        switch kind {
        case .engineMissing: return 2
        case .layout, .worker: return 1
        }
    }

    public var description: String { message }
}
