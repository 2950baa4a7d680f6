import Foundation
import RecouvreBundle
import RecouvreCaseFile
import RecouvreDocuments
import RecouvreForms
import RecouvreLaw
import RecouvreModel
import RecouvreRoute
import RecouvreTestSupport
import Testing

/// Rent arrears (loi 89-462): rents and charges named as such in every document (no "facture", no
/// "TTC"), the dépôt de garantie deducted once the lease ended (art. 22), indemnités d'occupation after
/// the clause résolutoire (art. 24), the warning on charges never regularised (art. 23), the tenant's
/// domicile as venue (CPC 1406), and no penalties nor 40 € fee (art. 4 i; C. com. L441-10 II is B2B).
@Suite("rent arrears: wording, deposit, indemnités d'occupation, charges")
struct LeaseTests {
    static let fixture = "lease-former-tenant-deposit"

    static func loadCase() throws -> Case {
        try CaseFileReader.load(path: TestPaths.fixture(fixture).appendingPathComponent("case.yaml").path).value
    }

    static func statement(_ claim: Case) throws -> Statement {
        try ShippedBook.book.statementEngine.statement(for: claim, asOf: claim.asOf!)
    }

    @Test("the deposit is set off on the day the lease ended, oldest due first (hand-checked)")
    func depositDeduction() throws {
        let statement = try Self.statement(try Self.loadCase())
        // Lines: 4 months × (680 rent + 70 charges) = 3 000,00. Payment of 10 April: 500 on L-2026-03
        // (oldest; no interest yet, the notice is of 15 July). Deposit 680 on 30 June (lease end):
        // 180 finishes L-2026-03, 70 pays C-2026-03, 430 goes to L-2026-04 (680 − 430 = 250 left).
        let deposit = try #require(statement.payments.first { $0.kind == .deposit })
        #expect(deposit.date == Day(iso: "2026-06-30"))
        #expect(deposit.amount == 680)
        #expect(deposit.unallocated == 0)
        #expect(
            deposit.imputed.map { "\($0.invoice)=\($0.amount)" } == ["L-2026-03=180", "C-2026-03=70", "L-2026-04=430"])
        // Principal: 3 000 − 500 − 680 = 1 820.
        #expect(statement.totals.principal == 1820)
        // Interest from 18 July (day after receipt on 17 July) to 23 November = 129 days at 6,84 %:
        // 250 × 6,84 % × 129 / 365 = 6,0436 → 6,04; 70 × … = 1,6922 → 1,69 (three charges lines);
        // 680 × … = 16,4385 → 16,44 (L-2026-05, L-2026-06). 6,04 + 3 × 1,69 + 2 × 16,44 = 43,99.
        #expect(statement.totals.penalties == Decimal(string: "43.99")!)
        #expect(statement.totals.flatFees == 0)
        #expect(statement.totals.total == Decimal(string: "1863.99")!)
    }

    @Test("the relevé states the deposit and shows the arithmetic")
    func releveArithmetic() throws {
        let (dir, target, _) = try CollectiveProceedingsTests.build(Self.fixture)
        defer { try? FileManager.default.removeItem(at: dir) }
        let releve = try CollectiveProceedingsTests.text(target, "01-releve-de-compte.txt")
        #expect(releve.contains("DÉPÔT DE GARANTIE"))
        #expect(releve.contains("Bail terminé le 30 juin 2026 ; dépôt de garantie versé par le locataire : 680,00 €"))
        // 1 820 + 680 = 2 500 before the deduction.
        #expect(
            releve.contains(
                "Principal restant dû avant déduction 2 500,00 € − dépôt de garantie imputé sur le principal 680,00 € = principal restant dû 1 820,00 €"
            ))
        #expect(releve.contains("Dépôt de garantie du 30/06/2026 : 680,00 €"))
        #expect(releve.contains("imputé : 430,00 € sur l'échéance L-2026-04"))
        #expect(releve.contains("Total dû 1 863,99 €"))
        let requete = try CollectiveProceedingsTests.text(target, "02-requete-en-injonction-de-payer.txt")
        #expect(requete.contains("Principal : 1 820,00 €"))
        #expect(requete.contains("après déduction du dépôt de garantie de 680,00 € au 30 juin 2026"))
    }

    @Test(
        "rents, provisions for charges and indemnités d'occupation, never an invoice nor TTC",
        arguments: ["notice", "court"])
    func wording(stage: String) throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("dossier")
        _ = try DossierBuildTests.build(
            Self.fixture, to: target, options: DossierOptions(stage: stage == "notice" ? .notice : .court))
        let names = try FileManager.default.contentsOfDirectory(atPath: target.path).filter {
            $0.hasSuffix(".txt") && $0 != "notes.txt"
        }
        #expect(names.count == (stage == "notice" ? 2 : 4))
        for name in names {
            let text = try CollectiveProceedingsTests.text(target, name)
            #expect(!text.lowercased().contains("facture"), "\(name) calls a rent an invoice")
            #expect(!text.contains("TTC"), "\(name) prints TTC on a rent")
        }
        let releve = try CollectiveProceedingsTests.text(
            target, names.first { $0.contains("releve-de-compte") }!)
        #expect(releve.contains("Loyer, avis d'échéance n° L-2026-05"))
        #expect(releve.contains("Provision pour charges, avis d'échéance n° C-2026-05"))
        // Clause acquired 27 May 2026: the lines due 1 June are indemnités d'occupation.
        #expect(releve.contains("Indemnité d'occupation, avis d'échéance n° L-2026-06"))
        #expect(releve.contains("Indemnité d'occupation (part des charges), avis d'échéance n° C-2026-06"))
        #expect(!releve.contains("Loyer, avis d'échéance n° L-2026-06"))
        // The conservative reading of late interest, stated in the exhibit.
        #expect(releve.contains("ni indemnité forfaitaire de 40 €"))
        #expect(releve.contains("Lecture prudente"))
        if stage == "notice" {
            let notice = try CollectiveProceedingsTests.text(target, names.first { $0.contains("mise-en-demeure") }!)
            #expect(notice.contains("les loyers et provisions pour charges suivants demeurent impayés"))
        }
    }

    @Test("the route: the tenant's domicile, the charges never regularised, the indemnités d'occupation")
    func route() throws {
        let claim = try Self.loadCase()
        let route = try ShippedBook.book.router.route(case: claim, statement: try Self.statement(claim))
        // CPC 1406: the tenant lives in Tourcoing now, not at the flat in Lille.
        #expect(route.court?.kind == .jugeDesContentieuxDeLaProtection)
        #expect(route.court?.name.contains("Tourcoing") == true)
        #expect(route.warnings.contains { $0.contains("n'ont pas été régularisées") && $0.contains("art. 23") })
        #expect(route.explanation.contains { $0.contains("2 échéance(s) postérieure(s)") && $0.contains("art. 24") })
        #expect(route.explanation.contains { $0.contains("Dépôt de garantie de \(Money.french(680))") })
        #expect(route.explanation.contains { $0.contains("ni indemnité forfaitaire de 40 €") })

        var regularised = claim
        regularised.contract.lease.chargesRegularised = true
        let quiet = try ShippedBook.book.router.route(case: regularised, statement: try Self.statement(regularised))
        #expect(!quiet.warnings.contains { $0.contains("art. 23") })
        #expect(quiet.explanation.contains { $0.contains("régularisées pour l'année") })
    }

    @Test("while the lease runs, the deposit is not deducted and the statement says so")
    func depositWhileLeaseRuns() throws {
        var claim = try Self.loadCase()
        claim.contract.lease.ended = Day(iso: "2026-12-31")
        let statement = try Self.statement(claim)
        #expect(!statement.payments.contains { $0.kind == .deposit })
        // 3 000 − 500 = 2 500, nothing deducted.
        #expect(statement.totals.principal == 2500)
        #expect(statement.warnings.contains { $0.contains("non déduit") && $0.contains("art. 22") })

        claim.contract.lease.ended = Day(iso: "2026-06-30")
        claim.contract.lease.deposit = nil
        let missing = try Self.statement(claim)
        #expect(missing.warnings.contains { $0.contains("sans dépôt de garantie") })
    }

    @Test("a deposit larger than the arrears leaves a balance owed to the tenant")
    func depositExceeds() throws {
        var claim = try Self.loadCase()
        claim.contract.lease.deposit = 4000
        let statement = try Self.statement(claim)
        // 3 000 − 500 = 2 500 due on 30 June: 4 000 − 2 500 = 1 500 unallocated.
        let deposit = try #require(statement.payments.first { $0.kind == .deposit })
        #expect(deposit.unallocated == 1500)
        #expect(statement.totals.principal == 0)
        #expect(statement.warnings.contains { $0.contains(Money.french(1500)) && $0.contains("revient au locataire") })
    }
}
