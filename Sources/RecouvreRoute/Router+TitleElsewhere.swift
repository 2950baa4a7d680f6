import Foundation
import RecouvreLaw
import RecouvreModel

extension Draft {
    /// A title against a debtor the commissaire de justice cannot execute on in France (abroad, a public
    /// person): the sums it decided on are never claimed again (CPC 1409; C. civ. 1355), and the route names
    /// the path the title takes instead; the dossier is the title's décompte with its pièces
    /// (`DocumentKind.plan(for:)`). Procedure `none`: the tool writes no request to a foreign authority or to
    /// the préfet (docs/situations.md).
    mutating func titleElsewhere(_ title: TitleStatement) throws {
        route.procedure = .none
        route.amount = title.total
        let kind = text(title.kind == .order ? .kindOrder : .kindJudgment)
        let court = title.court ?? "—"
        explain(
            .titleExists(
                kind: kind, date: frenchDate(title.date), court: court, invoices: title.invoices.joined(separator: ", ")
            ))
        explain(.titleNoRequete)
        explain(.titleAmount(date: frenchDate(asOf), amount: Money.french(title.total)))
        let country = claim.debtor.address.country.uppercased()
        if !claim.debtor.address.isFrance {
            try titleAbroad(title, kind: kind, court: court, country: country)
        } else {
            try titlePublicBody(title, kind: kind)
        }
        if claim.judgment?.file == nil { warn(.titleFileMissing(kind: kind)) }
        for warning in title.warnings { warn(warning) }
    }

    /// Brussels I bis (Reg. (UE) 1215/2012): art. 39 (no declaration of enforceability), 42(1) (a copy
    /// of the judgment and the certificate of art. 53), 43(1) (the certificate served before the first
    /// measure); Denmark by the 2005 agreement. Outside the EU: exequatur under the law of the state or the
    /// convention (Lugano 2007 art. 38 ff. for Switzerland, Norway, Iceland); the certificate of a French
    /// title is asked of the greffe of the court that gave it (CPC 509-1).
    mutating func titleAbroad(_ title: TitleStatement, kind: String, court: String, country: String) throws {
        if rules.europeanStates.contains(country) || rules.excludedStates.contains(country) {
            route.titlePath = .europeanEnforcement
            // No court: the enforcement authority of the member state, named in the steps.
            explain(.titleEuropean(country: country))
            if rules.excludedStates.contains(country) { explain(.titleEuropeanDenmark) }
            explain(.titleAbroadDossier)
            servedFirst(title, kind: kind)
            step(.askCertificateEuropean(kind: kind, court: court))
            step(.enforceInMemberState(kind: kind, country: country))
        } else {
            route.titlePath = .exequatur
            explain(.titleExequatur(country: country))
            servedFirst(title, kind: kind)
            if ["CH", "NO", "IS"].contains(country) {
                explain(.titleLugano(country: country))
                step(.askCertificateLugano(kind: kind, court: court))
            }
            warn(.exequaturAdvice(country: country))
        }
    }

    /// A public person: its property cannot be seized (CG3P L2311-1); a decision that has become res
    /// judicata and fixes the sum must be paid (mandated) within two months of its notification, failing
    /// which the préfet mandates it d'office (CJA L911-9; loi 80-539 art. 1er II; CGCT L1612-16).
    mutating func titlePublicBody(_ title: TitleStatement, kind: String) throws {
        route.titlePath = .publicBody
        explain(.titlePublicBody)
        explain(.titleMandatement)
        warn(.titleForceOfResJudicata(kind: kind))
        let department = (try? debtorCommune())?.department ?? "—"
        if let served = title.served {
            // Two months from the notification (CPC 641: the same date two months later), then the next day.
            let from = served.adding(months: rules.mandatementMonths).adding(days: 1)
            explain(.titleMandatementFrom(served: frenchDate(served), from: frenchDate(from)))
            step(.askMandatement(from: frenchDate(from), department: department))
        } else {
            step(.notifyPublicBody(kind: kind, date: frenchDate(title.date)))
        }
    }

    /// Not served: the first step abroad too (the certificate and the service go together, art. 43).
    mutating func servedFirst(_ title: TitleStatement, kind: String) {
        if let served = title.served {
            explain(.titleServed(date: frenchDate(served)))
        } else {
            step(.serveTitleFirst(kind: kind, date: frenchDate(title.date)))
        }
    }

    /// Collective proceedings with a title: the opening judgment stops every execution (C. com. L622-21
    /// II); the title's claim is declared like any other (L622-24), the title and its service joined as
    /// proofs (R622-23), its sums stopped at the opening judgment (L622-25, L622-28).
    mutating func titleDeclared(_ title: TitleStatement) {
        route.titlePath = .collectiveProceedings
        let kind = text(title.kind == .order ? .kindOrder : .kindJudgment)
        explain(
            .titleExists(
                kind: kind, date: frenchDate(title.date), court: title.court ?? "—",
                invoices: title.invoices.joined(separator: ", ")))
        explain(.titleCollective)
        explain(.titleDeclared(kind: kind))
        warn(.titleDeclaredAmount(kind: kind))
        if claim.judgment?.file == nil { warn(.titleFileMissing(kind: kind)) }
    }
}
