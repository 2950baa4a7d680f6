import RecouvreRoute

extension DocumentKind {
    /// The documents of a dossier for its route: `plan(for: procedure, stage:)`, plus, after a late
    /// déclaration de créance while relief is still possible, the requête en relevé de forclusion to the
    /// juge-commissaire (C. com. L622-26), filed with the declaration.
    /// A title abroad or against a public person (no procedure the tool writes): the title's décompte
    /// and the bordereau of its pièces, at both stages (docs/situations.md).
    public static func plan(for route: Route, stage: DossierStage = .court) -> [DocumentKind] {
        if route.titleRouted && route.procedure != .enforcement { return [.decompteDuTitre, .bordereauDePieces] }
        var plan = plan(for: route.procedure, stage: stage)
        // A title under collective proceedings: its décompte (stopped the day before the opening
        // judgment) goes with the declaration; the relevé only for the invoices it does not cover.
        if route.titlePath == .collectiveProceedings, let index = plan.firstIndex(of: .declarationDeCreance) {
            plan.insert(.decompteDuTitre, at: index)
            if route.uncoveredInvoices.isEmpty { plan.removeAll { $0 == .releveDeCompte } }
        }
        if route.procedure == .declarationDeCreance, case .late? = route.declarationDeadline,
            let index = plan.firstIndex(of: .declarationDeCreance)
        {
            plan.insert(.requeteReleveDeForclusion, at: index + 1)
        }
        return plan
    }
}
