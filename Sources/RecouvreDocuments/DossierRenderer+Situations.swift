import RecouvreModel
import RecouvreRoute

extension DossierRenderer {
    /// The pièces of an enforcement: the title (its expédition revêtue de la formule exécutoire) and, once
    /// served, its act of service (CPCE L111-3, CPC 503). The invoices are not exhibits any more: the title
    /// decided on them. A file the case does not give is listed "à produire".
    /// After `before` (a déclaration's own pièces), unless the case already lists the same file.
    func titleExhibits(_ input: DossierInput, from before: [DossierExhibit] = []) -> [DossierExhibit] {
        guard let judgment = input.case.judgment, let index = input.case.events.firstIndex(of: judgment) else {
            return []
        }
        let words = TitleWords(messages: messages)
        let listed = Set(before.compactMap(\.source))
        var exhibits: [DossierExhibit] = []
        func add(_ title: String, _ file: String?, key: String) {
            if let file, listed.contains(file) { return }
            let number = before.count + exhibits.count + 1
            exhibits.append(
                DossierExhibit(
                    number: number, title: title, source: file,
                    bundlePath: file.map { DossierExhibit.bundlePath(number: number, source: $0) },
                    toProduce: file == nil, key: "events[\(index)].\(key)"))
        }
        add(
            messages.text(SituationDocumentReason.exhibitTitle(title: words.label(judgment))), judgment.file,
            key: "file")
        if let served = judgment.served {
            add(
                messages.text(SituationDocumentReason.exhibitService(date: dates.long(served))),
                judgment.serviceFile, key: "service_file")
        }
        return exhibits
    }

    /// The pièces of a référé-provision against a public body: the case's exhibits, then the mémoire en
    /// réclamation, the proof of its receipt (CJA R412-1: the requête comes with the proof of the date of
    /// the claim) and the express rejection, unless the case already lists the same file.
    func administrativeExhibits(_ input: DossierInput) -> [DossierExhibit] {
        let claim = input.case
        var exhibits: [DossierExhibit] = claim.exhibits.enumerated().map { index, exhibit in
            DossierExhibit(
                number: index + 1, title: exhibit.title, source: exhibit.file,
                bundlePath: exhibit.file.map { DossierExhibit.bundlePath(number: index + 1, source: $0) },
                toProduce: exhibit.toProduce && exhibit.file == nil, key: "exhibits[\(index)]")
        }
        let listed = Set(exhibits.compactMap(\.source))
        func add(_ file: String?, _ title: SituationDocumentReason, key: String) {
            guard let file, !listed.contains(file) else { return }
            let number = exhibits.count + 1
            exhibits.append(
                DossierExhibit(
                    number: number, title: messages.text(title), source: file,
                    bundlePath: DossierExhibit.bundlePath(number: number, source: file), key: key))
        }
        if let received = claim.events.filter({ $0.type == .claimReceived }).max(by: { $0.date < $1.date }),
            let index = claim.events.firstIndex(of: received)
        {
            let date = dates.long(received.date)
            add(received.file, .exhibitClaim(date: date), key: "events[\(index)].file")
            add(received.receiptFile, .exhibitClaimReceipt(date: date), key: "events[\(index)].receipt_file")
        }
        if let rejection = claim.events.filter({ $0.type == .rejection }).max(by: { $0.date < $1.date }),
            let index = claim.events.firstIndex(of: rejection)
        {
            add(
                rejection.file, .exhibitRejection(date: dates.long(rejection.date)), key: "events[\(index)].file"
            )
        }
        return exhibits
    }
}

/// How the documents name a title: "jugement du 12 mai 2026 (Tribunal judiciaire de Lyon)".
struct TitleWords {
    let messages: MessageCatalogue
    var dates: FrenchDates { FrenchDates(messages: messages) }

    func kind(_ judgment: Event) -> String {
        messages.text(judgment.judgmentKind == .order ? SituationDocumentReason.kindOrder : .kindJudgment)
    }

    func label(_ judgment: Event) -> String {
        let date = dates.long(judgment.date)
        if let court = judgment.court {
            return messages.text(SituationDocumentReason.titleLabel(kind: kind(judgment), date: date, court: court))
        }
        return messages.text(SituationDocumentReason.titleLabelNoCourt(kind: kind(judgment), date: date))
    }
}

extension DossierRenderer {
    /// The décompte du titre alone, as the dossier prints it (`recouvre statement` on a titled case):
    /// the same view and template as `01-decompte-du-titre.txt`.
    public func decompteDuTitre(_ input: DossierInput) throws -> String {
        let facts = DossierFacts(
            input: input, settings: settings, exhibits: titleExhibits(input), messages: messages,
            statutory: statutory)
        let content = try templates.content(
            DocumentKind.decompteDuTitre.template, TemplateTree.value(try DecompteDuTitreView(facts)))
        return RenderedDocument(
            fileName: "", title: DocumentKind.decompteDuTitre.title(messages), kind: .decompteDuTitre, content: content
        ).text
    }
}
