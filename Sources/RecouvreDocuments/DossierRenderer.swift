import Foundation
import RecouvreRoute

/// Builds the dossier's documents from a case, its statement and its route, and renders them
/// through the templates of `forms/templates/` (design.md stage 4).
public struct DossierRenderer: Sendable {
    public let templates: TemplateSet
    public let settings: DocumentSettings
    /// The CERFA box maps by form number (`12946*02`).
    public let cerfa: [String: CerfaMap]

    public init(templates: TemplateSet, settings: DocumentSettings, cerfa: [String: CerfaMap]) {
        self.templates = templates
        self.settings = settings
        self.cerfa = cerfa
    }

    /// The documents in filing order (`DocumentKind.plan`), numbered `01-…txt`, with the exhibits.
    public func render(_ input: DossierInput) throws -> Dossier {
        let plan = DocumentKind.plan(for: input.route.procedure)
        let fileNames = plan.enumerated().map { index, kind in
            "\(index + 1 < 10 ? "0" : "")\(index + 1)-\(kind.slug(for: input.route.procedure)).txt"
        }
        var exhibits: [DossierExhibit] = input.case.exhibits.enumerated().map { index, exhibit in
            DossierExhibit(
                number: index + 1, title: exhibit.title, source: exhibit.file,
                bundlePath: exhibit.file.map { DossierExhibit.bundlePath(number: index + 1, source: $0) })
        }
        for (kind, fileName) in zip(plan, fileNames) where kind.isExhibit {
            exhibits.append(
                DossierExhibit(
                    number: exhibits.count + 1, title: kind.title,
                    source: nil, bundlePath: fileName))
        }
        let facts = DossierFacts(input: input, settings: settings, exhibits: exhibits)
        var documents: [RenderedDocument] = []
        for (kind, fileName) in zip(plan, fileNames) {
            let content = try templates.content(kind.template, try model(for: kind, facts))
            documents.append(RenderedDocument(fileName: fileName, title: kind.title, kind: kind, content: content))
        }
        let notice = documents.first { $0.kind == .miseEnDemeure }?.fileName
        return Dossier(documents: documents, exhibits: exhibits, formalNotice: notice)
    }

    /// The view model of one document (public so tests can audit every template against it).
    public func model(for kind: DocumentKind, _ input: DossierInput) throws -> Any {
        let exhibits = try render(input).exhibits
        return try model(for: kind, DossierFacts(input: input, settings: settings, exhibits: exhibits))
    }

    func model(for kind: DocumentKind, _ facts: DossierFacts) throws -> Any {
        switch kind {
        case .miseEnDemeure: return MiseEnDemeureView(facts)
        case .releveDeCompte: return ReleveDeCompteView(facts)
        case .requeteInjonctionDePayer:
            guard let form = facts.route.form else {
                throw DocumentError(file: "cerfa", message: "the route names no CERFA form for the requête")
            }
            guard let map = cerfa[form.cerfa] else {
                throw DocumentError(file: CerfaMap.path(for: form.cerfa), message: "no box map for CERFA \(form.cerfa)")
            }
            return RequeteView(facts, map: map)
        case .requetePetitesCreances: return RequetePetitesCreancesView(facts)
        case .formulaireEuropeen: return FormulaireEuropeenView(facts)
        case .memoireEnReclamation: return MemoireEnReclamationView(facts)
        case .declarationDeCreance: return DeclarationDeCreanceView(facts)
        case .bordereauDePieces: return BordereauView(facts, destination: destination(facts))
        case .lettreAuCommissaireDeJustice: return LettreAuCommissaireView(facts)
        }
    }

    /// What the bordereau is attached to.
    func destination(_ facts: DossierFacts) -> String {
        let court = facts.courtName.map { " (\($0))" } ?? ""
        switch facts.route.procedure {
        case .injonctionDePayer: return "Requête en injonction de payer" + court
        case .pspc: return "Demande de recouvrement simplifié des petites créances"
        case .europeanOrderForPayment: return "Demande d'injonction de payer européenne" + court
        case .europeanSmallClaims: return "Demande de règlement d'un petit litige européen" + court
        case .administrativeClaim: return "Mémoire en réclamation"
        case .declarationDeCreance: return "Déclaration de créance"
        case .none: return "Mise en demeure"
        }
    }
}
