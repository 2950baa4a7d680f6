import Foundation
import RecouvreModel
import Testing

@testable import RecouvreCaseFile

/// The optional keys added for the identity of natural persons, leases, collective proceedings,
/// e-invoice statuses, judgments, promises, plans and public-body claims.
@Suite("Case-file reader: the newer optional keys")
struct NewKeysTests {
    static let individualCreditor = """
        version: 1
        reference: "T-2"
        creditor:
          kind: individual
          name: "Sophie Delattre"
          civility: madame
          first_names: "Sophie Marie"
          surname: "Delattre"
          profession: "infirmière"
          nationality: "française"
          birth_date: 1980-05-14
          birth_place: "Roubaix (Nord)"
          mediator: { name: "CM2C", address: "14 rue Saint-Jean, 75017 Paris", website: "https://www.cm2c.net" }
          address: { lines: ["31 boulevard du Général Leclerc"], postcode: "59100", city: "Roubaix" }
        debtor:
          kind: public_body
          name: "Commune de Rennes"
          office: "Madame la Maire"
          address: { lines: ["Place de la Mairie"], postcode: "35000", city: "Rennes" }

        """

    @Test("a natural person's identity, a mediator and a public body's office")
    func parties() throws {
        let value = try Inline.decode(Self.individualCreditor + Inline.invoice).get()
        let creditor = value.creditor
        #expect(creditor.civility == .madame)
        #expect(creditor.firstNames == "Sophie Marie")
        #expect(creditor.surname == "Delattre")
        #expect(creditor.profession == "infirmière")
        #expect(creditor.nationality == "française")
        #expect(creditor.birthDate == Day(iso: "1980-05-14"))
        #expect(creditor.birthPlace == "Roubaix (Nord)")
        #expect(creditor.mediator == Mediator(name: "CM2C", address: "14 rue Saint-Jean, 75017 Paris", website: "https://www.cm2c.net"))
        #expect(value.debtor.office == "Madame la Maire")
    }

    @Test("contract: capitalisation basis, place of performance, lease terms, proceedings as a map")
    func contract() throws {
        let text = Inline.head + """
            contract:
              capitalisation: requested
              performance_country: FR
              deposit: 800.00
              lease_ended: 2026-06-30
              charges_regularised: false
              resolutory_clause_acquired: 2026-05-20
              collective_proceedings:
                opened: 2026-06-30
                kind: redressement
                court: "Tribunal de commerce de Saint-Étienne"
                bodacc: 2026-07-10
                mandataire: { name: "SELARL MJ", address: { lines: ["1 rue Balay"], postcode: "42000", city: "Saint-Étienne" } }

            """ + Inline.invoice
        let contract = try Inline.decode(text).get().contract
        #expect(contract.capitalisationBasis == .requested)
        #expect(contract.capitalisation)
        #expect(contract.performanceCountry == "FR")
        #expect(contract.lease.deposit == Decimal(800))
        #expect(contract.lease.ended == Day(iso: "2026-06-30"))
        #expect(contract.lease.chargesRegularised == false)
        #expect(contract.lease.resolutoryClauseAcquired == Day(iso: "2026-05-20"))
        #expect(contract.collectiveProceedings == .opened(Day(iso: "2026-06-30")!))
        #expect(contract.proceedingsDetails?.kind == .redressement)
        #expect(contract.proceedingsDetails?.bodacc == Day(iso: "2026-07-10"))
        #expect(contract.proceedingsDetails?.mandataire?.address?.city == "Saint-Étienne")
    }

    @Test("capitalisation: the older true is the contract's, false is none", arguments: [
        ("true", CapitalisationBasis.contract), ("contract", .contract), ("false", nil),
    ] as [(String, CapitalisationBasis?)])
    func capitalisation(raw: String, basis: CapitalisationBasis?) throws {
        let text = Inline.head + "contract:\n  capitalisation: \(raw)\n" + Inline.invoice
        #expect(try Inline.decode(text).get().contract.capitalisationBasis == basis)
    }

    @Test("invoice kind, status and penalty clause; exhibits still to produce")
    func invoices() throws {
        let text = Inline.head + """
            invoices:
              - number: "LOYER-1"
                issued: 2025-03-31
                due: 2025-04-30
                amount: 720.00
                kind: rent
                status: disputed
                status_date: 2025-05-02
                status_file: "pieces/statut.xml"
                penalty_clause: "Pénalités : trois fois le taux légal"
            exhibits:
              - title: "Bail"
                to_produce: true

            """
        let value = try Inline.decode(text, files: ["pieces/statut.xml": Data("<statut/>".utf8)]).get()
        let invoice = value.invoices[0]
        #expect(invoice.kind == .rent)
        #expect(invoice.status == .disputed)
        #expect(invoice.statusDate == Day(iso: "2025-05-02"))
        #expect(invoice.statusFile == "pieces/statut.xml")
        #expect(invoice.penaltyClause == "Pénalités : trois fois le taux légal")
        #expect(value.exhibits[0].toProduce)
        #expect(try Inline.decode(Inline.head + Inline.invoice).get().invoices[0].kind == .invoice)
    }

    @Test("events: notice files and outcome, judgment award, promise, plan, claim received, rejection")
    func events() throws {
        let text = Inline.head + Inline.invoice + """
            events:
              - { type: reminder, date: 2025-05-10, step: j15, file: "pieces/relance.txt" }
              - type: formal_notice
                date: 2025-06-20
                presented: 2025-06-22
                outcome: not_collected
                letter: "pieces/mise-en-demeure.txt"
                dispatch_proof: "pieces/depot.txt"
                receipt_file: "pieces/ar.txt"
              - type: judgment
                date: 2026-01-15
                kind: order
                invoices: ["FA-1"]
                awarded: { principal: 1800.00, interest: { rate: "ECB + 10", from: 2025-06-22 }, costs: 35.00, article_700: 500.00 }
                file: "pieces/ordonnance.txt"
                service_file: "pieces/signification.txt"
              - { type: promise, date: 2025-07-01, until: 2025-07-15, amount: 500.00 }
              - { type: plan, date: 2025-07-20, instalments: [ { date: 2025-08-01, amount: 900.00 }, { date: 2025-09-01, amount: 900.00 } ] }
              - { type: claim_received, date: 2025-08-01 }
              - { type: rejection, date: 2025-09-01, express: true, remedies_mentioned: false }

            """
        let files = [
            "pieces/relance.txt", "pieces/mise-en-demeure.txt", "pieces/depot.txt", "pieces/ar.txt",
            "pieces/ordonnance.txt", "pieces/signification.txt",
        ]
        let events = try Inline.decode(text, files: Dictionary(uniqueKeysWithValues: files.map { ($0, Data("x".utf8)) }))
            .get().events
        #expect(events.map(\.type) == [.reminder, .formalNotice, .judgment, .promise, .plan, .claimReceived, .rejection])
        #expect(events[0].step == "j15")
        #expect(events[1].outcome == .notCollected)
        #expect(events[1].effectiveReceipt == Day(iso: "2025-06-22"))
        #expect(events[1].receiptFile == "pieces/ar.txt")
        #expect(events[2].judgmentKind == .order)
        #expect(events[2].invoices == ["FA-1"])
        #expect(events[2].awarded?.interest == AwardedInterest(rate: .clause(.ecbPlus(10)), from: Day(iso: "2025-06-22")))
        #expect(events[2].awarded?.article700 == Decimal(500))
        #expect(events[3].until == Day(iso: "2025-07-15"))
        #expect(events[4].instalments.count == 2)
        #expect(events[6].express == true && events[6].remediesMentioned == false)
    }

    @Test("a key of another event type, and a promise without until, are located errors")
    func eventMisuse() {
        let text = Inline.head + Inline.invoice + """
            events:
              - { type: reminder, date: 2025-05-10, awarded: { costs: 35.00 } }
              - { type: promise, date: 2025-07-01 }
              - { type: judgment, date: 2026-01-15, invoices: ["FA-9"] }

            """
        let problems = Inline.problems(text)
        #expect(problems.count == 3, "\(problems)")
        #expect(problems.contains { $0.contains("events[0].awarded") && $0.contains("judgment") })
        #expect(problems.contains { $0.contains("events[1].until") })
        #expect(problems.contains { $0.contains("events[2].invoices[0]") && $0.contains("FA-9") })
    }
}
