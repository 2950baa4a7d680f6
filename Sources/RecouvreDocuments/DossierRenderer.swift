import Foundation
import RecouvreLaw
import RecouvreModel
import RecouvreRoute

/// Builds the dossier's documents from a case, its statement and its route, and renders them
/// through the templates of `forms/templates/` (design.md stage 4).
public struct DossierRenderer: Sendable {
    public let templates: TemplateSet
    public let settings: DocumentSettings
    /// The CERFA box maps by form number (`12946*02`).
    public let cerfa: [String: CerfaMap]
    /// The sentences built outside the templates (`forms/messages/documents.yaml`).
    public let messages: MessageCatalogue
    /// The statutory figures the documents print (`forms/rates/statutory.yaml`: the ECB margin).
    public let statutory: StatutoryParameters
    /// Dates written out with the catalogue's month names, resolved once.
    let dates: FrenchDates

    public init(
        templates: TemplateSet, settings: DocumentSettings, cerfa: [String: CerfaMap],
        messages: MessageCatalogue = MessageCatalogue(entries: [:]), statutory: StatutoryParameters
    ) {
        self.templates = templates
        self.settings = settings
        self.cerfa = cerfa
        self.messages = messages
        self.statutory = statutory
        self.dates = FrenchDates(messages: messages)
    }

    /// The documents in filing order (`DocumentKind.plan`), numbered `01-…txt`, with the exhibits.
    public func render(_ input: DossierInput) throws -> Dossier {
        try render(input, keepingContent: true)
    }

    /// The same; without `keepingContent`, each document keeps its bytes only (large engineer, issue
    /// 12: a bundle without PDFs needs no structured content, and a 100,000-invoice relevé's is larger
    /// than its text): the content is released as soon as the bytes are laid out.
    public func render(_ input: DossierInput, keepingContent: Bool) throws -> Dossier {
        let plan = DocumentKind.plan(for: input.route, stage: input.stage)
        let fileNames = plan.enumerated().map { index, kind in
            "\(index + 1 < 10 ? "0" : "")\(index + 1)-\(kind.slug(for: input.route.procedure)).txt"
        }
        // Each document's title looked up once (render engineer, issue 14: it was looked up in the
        // catalogue for the exhibit and again for the document).
        let titles = plan.map { $0.title(messages) }
        var exhibits = caseExhibits(input)
        for (index, kind) in plan.enumerated() where kind.isExhibit {
            exhibits.append(
                DossierExhibit(
                    number: exhibits.count + 1, title: titles[index],
                    source: nil, bundlePath: fileNames[index]))
        }
        let facts = DossierFacts(
            input: input, settings: settings, exhibits: exhibits, messages: messages, statutory: statutory)
        var documents: [RenderedDocument] = []
        for (index, (kind, fileName)) in zip(plan, fileNames).enumerated() {
            let title = titles[index]
            // The view is read through its layout by the fast renderer (TemplateSet.markup): same text.
            let view = try model(for: kind, facts)
            // large engineer (issue 12): without content, a long document is laid out as its markup is
            // parsed (TemplateSet.streamedData): its content is never held whole.
            if !keepingContent, let data = try templates.streamedData(kind.template, view: view) {
                documents.append(
                    RenderedDocument(fileName: fileName, title: title, kind: kind, data: data))
                continue
            }
            let content = try templates.content(kind.template, view)
            let document = RenderedDocument(
                fileName: fileName, title: title, kind: kind, content: content)
            documents.append(keepingContent ? document : document.droppingContent())
        }
        let notice = documents.first { $0.kind == .miseEnDemeure }?.fileName
        return Dossier(
            documents: documents, exhibits: exhibits, formalNotice: notice,
            warnings: DossierChecks.warnings(input, messages: messages))
    }

    /// The case's exhibits, then — in a court dossier — the notice actually sent, its proof of dispatch
    /// and its avis de réception, each a pièce of its own (domain.md §5), unless the case already lists
    /// the same file.
    func caseExhibits(_ input: DossierInput) -> [DossierExhibit] {
        // A title: its exhibits are the decision and its service (DossierRenderer+Situations.swift).
        if input.route.titleRouted { return titleExhibits(input) }
        if input.route.procedure == .refereProvision { return administrativeExhibits(input) }
        var exhibits: [DossierExhibit] = input.case.exhibits.enumerated().map { index, exhibit in
            DossierExhibit(
                number: index + 1, title: exhibit.title, source: exhibit.file,
                bundlePath: exhibit.file.map { DossierExhibit.bundlePath(number: index + 1, source: $0) },
                toProduce: exhibit.toProduce && exhibit.file == nil, key: "exhibits[\(index)]")
        }
        // Under collective proceedings a title is declared: the decision and its service join the pièces.
        if input.route.titlePath == .collectiveProceedings { return exhibits + titleExhibits(input, from: exhibits) }
        guard input.stage == .court,
            DocumentKind.plan(for: input.route.procedure, stage: .notice).contains(.miseEnDemeure),
            let notice = input.case.formalNotice,
            let index = input.case.events.firstIndex(of: notice)
        else { return exhibits }
        let listed = Set(exhibits.compactMap(\.source))
        func add(_ file: String?, _ title: DocumentReason, key: String) {
            guard let file, !listed.contains(file) else { return }
            let number = exhibits.count + 1
            exhibits.append(
                DossierExhibit(
                    number: number, title: messages.text(title), source: file,
                    bundlePath: DossierExhibit.bundlePath(number: number, source: file), key: "events[\(index)].\(key)")
            )
        }
        // Hook for the archive: a notice completed from `--archive` names the stored sent file in `letter`.
        add(notice.letter, .exhibitNoticeSent(date: dates.long(notice.date)), key: "letter")
        add(notice.dispatchProof, .exhibitDispatchProof(date: dates.long(notice.date)), key: "dispatch_proof")
        if let receipt = notice.effectiveReceipt {
            add(
                notice.receiptFile,
                notice.received == nil
                    ? .exhibitNotCollected(date: dates.long(receipt))
                    : .exhibitReceipt(date: dates.long(receipt)),
                key: "receipt_file")
        }
        return exhibits
    }

    /// The view model of one document (public so tests can audit every template against it).
    public func model(for kind: DocumentKind, _ input: DossierInput) throws -> Any {
        let exhibits = try render(input).exhibits
        return try model(
            for: kind,
            DossierFacts(
                input: input, settings: settings, exhibits: exhibits, messages: messages, statutory: statutory))
    }

    /// Typed as a view (render engineer, session 8): the streamed render needs no cast to find it one.
    func model(for kind: DocumentKind, _ facts: DossierFacts) throws -> any TemplateView {
        switch kind {
        case .miseEnDemeure: return MiseEnDemeureView(facts)
        case .releveDeCompte: return ReleveDeCompteView(facts)
        case .requeteInjonctionDePayer:
            guard let form = facts.route.form else {
                throw DocumentError(
                    file: "cerfa", message: "la route ne désigne aucun formulaire CERFA pour la requête")
            }
            guard let map = cerfa[form.cerfa] else {
                throw DocumentError(
                    file: CerfaMap.path(for: form.cerfa), message: "aucune carte des cases du CERFA \(form.cerfa)")
            }
            return RequeteView(facts, map: map)
        case .requetePetitesCreances: return RequetePetitesCreancesView(facts)
        case .formulaireEuropeen: return FormulaireEuropeenView(facts)
        case .memoireEnReclamation: return MemoireEnReclamationView(facts)
        case .declarationDeCreance: return DeclarationDeCreanceView(facts)
        case .requeteReleveDeForclusion: return ReleveDeForclusionView(facts)
        case .bordereauDePieces: return BordereauView(facts, destination: destination(facts))
        case .lettreAuCommissaireDeJustice: return LettreAuCommissaireView(facts)
        case .decompteDuTitre: return try DecompteDuTitreView(facts)
        case .demandeDExecution: return try DemandeDExecutionView(facts)
        case .requeteRefereProvision: return RequeteRefereProvisionView(facts)
        }
    }

    /// What the bordereau is attached to.
    func destination(_ facts: DossierFacts) -> String {
        let court = facts.route.court.flatMap { $0.kind == .foreign ? nil : CourtWords.common($0.name) }
        switch facts.route.procedure {
        case .injonctionDePayer:
            return facts.text(court.map { .destinationInjonctionAt(court: $0) } ?? .destinationInjonction)
        case .pspc: return facts.text(.destinationPSPC)
        case .europeanOrderForPayment:
            return facts.text(court.map { .destinationEuropeanOrderAt(court: $0) } ?? .destinationEuropeanOrder)
        case .europeanSmallClaims:
            return facts.text(court.map { .destinationSmallClaimsAt(court: $0) } ?? .destinationSmallClaims)
        case .administrativeClaim: return facts.text(.destinationAdministrative)
        case .declarationDeCreance: return facts.text(.destinationDeclaration)
        case .enforcement: return facts.messages.text(SituationDocumentReason.destinationEnforcement)
        case .none where facts.route.titleRouted:
            return facts.messages.text(SituationDocumentReason.destinationTitle)
        case .refereProvision:
            return facts.messages.text(
                SituationDocumentReason.destinationRefereProvision(
                    court: court ?? facts.messages.text(CourtWord.administrativeCourt)))
        case .none: return facts.text(.destinationNotice)
        }
    }
}
