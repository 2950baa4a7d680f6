import Foundation
import RecouvreModel

/// The example case `recouvre init` writes: a complete, valid B2B case (Lyon → Dijon) with every
/// section of case-format.md commented, and its exhibits as short text files under `pieces/`.
public enum ExampleCase {
    /// Why `init` refused or failed. Exit status 1: the folder given is not usable as it is.
    public struct WriteError: RecouvreError, Sendable {
        public let message: String
        public var exitCode: Int32 { 1 }
        public var description: String { "recouvre init: \(message)" }
    }

    /// The files written, paths relative to the target folder, `case.yaml` last.
    public static let files: [(path: String, text: String)] = [
        (
            "pieces/devis-D-2025-031.txt",
            """
            Atelier Lumière SARL — 12 rue des Lilas, 69003 Lyon — SIREN 123 456 782
            Devis D-2025-031 du 24 février 2025 pour Bâtiments Durand SAS, 4 avenue Jean Jaurès, 21000 Dijon
            Rénovation de l'éclairage de la boutique : 1 500,00 € HT, TVA 20 % 300,00 €, total 1 800,00 € TTC.
            Paiement à 30 jours fin de mois. Pénalités de retard : taux BCE + 10 points ;
            indemnité forfaitaire pour frais de recouvrement : 40 € (C. com. L441-10 et D441-5).
            Bon pour accord, le 3 mars 2025 — Marc Durand, président.

            """
        ),
        (
            "pieces/facture-FA2025-118.txt",
            """
            Atelier Lumière SARL — SIREN 123 456 782 — RCS Lyon
            Facture FA2025-118 du 31 mars 2025 — client : Bâtiments Durand SAS
            Rénovation de l'éclairage de la boutique (devis D-2025-031) : 1 800,00 € TTC
            Échéance : 30 avril 2025.

            """
        ),
        (
            "pieces/avoir-AV2025-001.txt",
            """
            Atelier Lumière SARL — avoir AV2025-001 du 15 mai 2025 sur la facture FA2025-118
            Remise pour un luminaire livré rayé : 120,00 € TTC.

            """
        ),
        (
            "pieces/mise-en-demeure-2025-06-20.txt",
            """
            Lettre recommandée avec accusé de réception n° 1A 123 456 7890 1 — Lyon, le 20 juin 2025
            Bâtiments Durand SAS, 4 avenue Jean Jaurès, 21000 Dijon
            Mise en demeure de payer sous huit jours le solde de la facture FA2025-118 (1 180,00 €),
            avec les pénalités de retard et l'indemnité forfaitaire de 40 €.
            Avis de réception signé le 23 juin 2025.

            """
        ),
        ("case.yaml", caseYAML),
    ]

    static let caseYAML = """
        # Un dossier recouvre (format version 1). Adaptez-le à votre créance, puis lancez
        #   recouvre check case.yaml
        # Les clés restent en anglais ; les textes s'écrivent comme ils doivent paraître, en français.
        # Dates : AAAA-MM-JJ (2025-04-30, jamais 30/04/2025). Montants : euros, deux décimales au plus,
        # avec un point et sans séparateur de milliers (1800.00, jamais 1 800,00).
        # Le format complet est décrit dans docs/case-format.md.
        version: 1
        reference: "2026-0042"          # votre propre référence pour ce dossier
        as_of: 2026-11-23               # date du calcul ; retirez-la pour calculer à la date du jour

        creditor:                       # le créancier, à qui l'argent est dû
          kind: company                 # company (société) | individual (personne physique) | public_body
          name: "Atelier Lumière"
          legal_form: SARL              # SARL, SAS, SA, SNC, EURL, SASU, SCI, association, EI…
          siren: "123456782"            # vérifié (clé de Luhn)
          siret: "12345678200010"       # facultatif
          rcs: "Lyon"                   # facultatif : ville d'immatriculation au RCS
          address:
            lines: ["12 rue des Lilas"]
            postcode: "69003"
            city: "Lyon"
            insee: "69383"              # facultatif : code commune INSEE
          representative: "Claire Martin, gérante"
          email: "compta@atelier-lumiere.fr"
          phone: "04 72 00 00 00"
          iban: "FR7630006000011234567890189"   # indiqué dans les lettres pour le paiement
          # Créancier personne physique : kind: individual, civility: madame, first_names, surname,
          #   profession, nationality, birth_date, birth_place (exigés dans une requête, CPC 54).
          # Professionnel face à un consommateur : mediator: { name, address, website }.

        debtor:                         # le débiteur ; mêmes clés que le créancier
          kind: company
          name: "Bâtiments Durand"
          legal_form: SAS
          siren: "552100554"
          civility: monsieur            # facultatif : « Monsieur » en tête des lettres
          address: { lines: ["4 avenue Jean Jaurès"], postcode: "21000", city: "Dijon", insee: "21231" }
          # Un particulier : kind: individual, professional: false (consommateur) ou true.
          # Une personne publique : kind: public_body, office: "Monsieur le Maire".

        contract:                       # facultatif
          # nature: commercial          # commercial | civil | consumer | consumer_credit |
          #                             #   residential_lease | public_procurement (sinon déduite des parties)
          reference: "Devis D-2025-031 accepté le 3 mars 2025"
          payment_terms: "30 jours fin de mois"
          # penalty_rate: 12.0          # taux contractuel en %, ou "ECB + 7", ou "3 x legal"
          flat_fee: true                # réclamer l'indemnité forfaitaire de 40 € quand la loi le permet
          capitalisation: false         # contract (prévue au contrat) | requested (demandée au juge) | false
          collective_proceedings: false # ou la date du jugement d'ouverture, par exemple 2026-06-30
          # performance_country: FR     # pays de livraison ou d'exécution (débiteur à l'étranger)

        invoices:                       # au moins une
          - number: "FA2025-118"
            issued: 2025-03-31          # date d'émission
            due: 2025-04-30             # date d'échéance
            amount: 1800.00             # toutes taxes comprises (TTC)
            currency: EUR               # seuls les euros sont calculés
            description: "Rénovation éclairage boutique"
            # status: accepted          # accepted | disputed | refused | factored (statut de cycle de vie)

        payments:                       # facultatif
          - date: 2025-06-02
            amount: 500.00
            invoice: "FA2025-118"       # facultatif : sans elle, l'imputation légale s'applique (C. civ. 1342-10)
            reference: "VIR-0320"

        credit_notes:                   # facultatif : les avoirs
          - number: "AV2025-001"
            date: 2025-05-15
            amount: 120.00
            invoice: "FA2025-118"

        events:                         # facultatif : reminder | formal_notice | judgment | promise | plan |
                                        #   claim_received | rejection
          - type: reminder              # une relance
            date: 2025-05-10
            channel: email              # email | letter | registered_letter | bailiff
          - type: formal_notice         # la mise en demeure
            date: 2025-06-20            # envoyée le
            received: 2025-06-23        # date de l'avis de réception
            channel: registered_letter
            tracking: "1A 123 456 7890 1"
            # letter: "pieces/…", receipt_file: "pieces/…" : la lettre envoyée et l'avis de réception

        exhibits:                       # les pièces, dans l'ordre ; chemins relatifs à ce fichier
          - title: "Devis D-2025-031 signé"
            file: "pieces/devis-D-2025-031.txt"
          - title: "Facture FA2025-118"
            file: "pieces/facture-FA2025-118.txt"
          - title: "Avoir AV2025-001"
            file: "pieces/avoir-AV2025-001.txt"
          - title: "Mise en demeure du 20 juin 2025 et avis de réception du 23 juin 2025"
            file: "pieces/mise-en-demeure-2025-06-20.txt"
          # une pièce encore à produire : { title: "…", to_produce: true }

        """

    /// Writes the example into `folder` (created if needed). Refuses when any of its files already
    /// exists, so an existing case is never overwritten. Files are written to a staging folder
    /// first and moved into place with `case.yaml` last: an interrupted run leaves no case file.
    public static func write(to folder: URL) throws(WriteError) {
        let manager = FileManager.default
        for file in files.reversed() {
            let target = folder.appendingPathComponent(file.path)
            if manager.fileExists(atPath: target.path) {
                throw WriteError(
                    message: "\(target.path) existe déjà ; init n'écrase jamais un dossier (choisissez un autre répertoire)")
            }
        }
        let staging = folder.appendingPathComponent(".recouvre-init-\(UUID().uuidString)", isDirectory: true)
        var moved: [URL] = []
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try manager.createDirectory(at: staging.appendingPathComponent("pieces"), withIntermediateDirectories: true)
            for file in files {
                try Data(file.text.utf8).write(to: staging.appendingPathComponent(file.path), options: .atomic)
            }
            try manager.createDirectory(at: folder.appendingPathComponent("pieces"), withIntermediateDirectories: true)
            for file in files {
                let target = folder.appendingPathComponent(file.path)
                try manager.moveItem(at: staging.appendingPathComponent(file.path), to: target)
                moved.append(target)
            }
            try? manager.removeItem(at: staging)
        } catch {
            for url in moved { try? manager.removeItem(at: url) }
            try? manager.removeItem(at: staging)
            throw WriteError(message: "impossible d'écrire l'exemple dans \(folder.path) : \(error.localizedDescription)")
        }
    }
}
