#!/usr/bin/env python3
"""Writes a folder of realistic synthetic case files, one per debtor, for `recouvre batch`.

Usage: scripts/make-batch.py N OUT [--seed S] [--invoices MEAN] [--forms DIR]
Example: scripts/make-batch.py 1000 /tmp/ledger && recouvre batch /tmp/ledger --out /tmp/dossiers

What it writes (deterministic: the same N, seed and forms/ give the same bytes):
  OUT/<key>.yaml              one case file per debtor (<key>: the debtor's SIREN, else its
                              customer code), as_of 2026-11-23;
  OUT/pieces/<key>/*.txt      the exhibits those cases name (invoice copies, the formal notice).

The debtors live in real communes: each commune, its INSEE code and a postcode it really has come
from forms/courts/communes.tsv and forms/courts/postcodes.tsv, so every case routes to a real court.
Every regime appears, in roughly these shares: B2B between companies (55 %, some under collective
proceedings, some with a contractual rate or extra recovery costs), consumers (12 %), consumer credit
(3 %), residential leases (8 %, the property in another commune than the tenant's new address),
public bodies (6 %, a commune as debtor, SIREN 21…), civil claims between private persons (4 %),
debtors in another EU country (5 %), collective proceedings (7 %). About 2.6 invoices per debtor by
default (1 to 6), with partial payments (allocated or not), credit notes, reminders and formal
notices. SIRENs and SIRETs are valid (Luhn), IBANs valid (ISO 13616 mod 97). Dates stay within the
prescription periods as of 2026-11-23, so every case builds without --force.
"""
import argparse
import datetime
import hashlib
import os
import random
import sys

AS_OF = datetime.date(2026, 11, 23)

FIRST_NAMES = [
    "Camille", "Julien", "Sophie", "Nicolas", "Claire", "Thomas", "Émilie", "Antoine", "Léa", "Hugo",
    "Manon", "Louis", "Chloé", "Mathieu", "Inès", "Paul", "Sarah", "Maxime", "Lucie", "Romain",
    "Élodie", "Pierre", "Laura", "Quentin", "Anaïs", "François", "Hélène", "Bastien", "Céline", "Yann",
]
SURNAMES = [
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
    "Simon", "Laurent", "Lefèbvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
    "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Le Goff",
]
TRADES = [
    ("Menuiserie", "Fabrication et pose de menuiseries"), ("Transports", "Transport de marchandises"),
    ("Imprimerie", "Travaux d'impression"), ("Boulangerie", "Livraisons de pain et viennoiseries"),
    ("Électricité", "Travaux d'électricité"), ("Plomberie", "Travaux de plomberie"),
    ("Informatique", "Maintenance informatique"), ("Traiteur", "Prestation de traiteur"),
    ("Nettoyage", "Prestations de nettoyage"), ("Paysages", "Entretien d'espaces verts"),
    ("Conseil", "Mission de conseil"), ("Garage", "Réparation de véhicules"),
    ("Carrelage", "Fourniture et pose de carrelage"), ("Textiles", "Fourniture de vêtements de travail"),
    ("Événements", "Organisation d'événement"), ("Sécurité", "Gardiennage de site"),
]
SUFFIXES = ["du Centre", "Moderne", "de l'Ouest", "Réunis", "et Fils", "Services", "Plus", "Avenir", "Pro", "& Cie"]
STREETS = [
    "rue de la République", "avenue Jean Jaurès", "rue Victor Hugo", "boulevard Gambetta", "rue Pasteur",
    "place de la Mairie", "rue du Général de Gaulle", "chemin des Vignes", "rue des Écoles", "allée des Tilleuls",
    "rue de la Gare", "avenue de la Libération", "rue Nationale", "impasse des Lilas", "quai de la Loire",
]
FORMS = ["SARL", "SAS", "SASU", "EURL", "SA"]
FOREIGN = [
    ("BE", "1000", "Bruxelles", "Rue de la Régence", "SRL"), ("BE", "4000", "Liège", "Rue Léopold", "SA"),
    ("DE", "10115", "Berlin", "Invalidenstraße", "GmbH"), ("DE", "80331", "München", "Sendlinger Straße", "GmbH"),
    ("ES", "28013", "Madrid", "Calle Mayor", "S.L."), ("IT", "20121", "Milano", "Via Manzoni", "S.r.l."),
    ("LU", "1111", "Luxembourg", "Rue du Fort Neipperg", "SARL"), ("NL", "1012", "Amsterdam", "Damrak", "B.V."),
]


def luhn_complete(digits):
    """The digit that makes `digits` + it pass the Luhn check."""
    for check in "0123456789":
        if luhn_ok(digits + check):
            return digits + check
    raise AssertionError(digits)


def luhn_ok(number):
    total = 0
    for position, char in enumerate(reversed(number)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def siren_from(rng, first=None):
    head = first if first is not None else str(rng.randint(3, 9))
    body = "".join(str(rng.randint(0, 9)) for _ in range(8 - len(head)))
    siren = luhn_complete(head + body)
    if siren == "356000000":
        return siren_from(rng, first)
    return siren


def siret_of(siren, rng):
    return luhn_complete(siren + "%04d" % rng.randint(1, 9999))


def french_iban(rng):
    """A French IBAN with a valid RIB key and ISO 13616 check digits."""
    bank, branch = "%05d" % rng.randint(10000, 30000), "%05d" % rng.randint(1, 99999)
    account = "%011d" % rng.randint(1, 10**11 - 1)
    key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
    bban = bank + branch + account + "%02d" % key
    numeric = int(bban + "1527" + "00")  # F=15 R=27
    return "FR%02d%s" % (98 - numeric % 97, bban)


def load_communes(forms):
    courts = os.path.join(forms, "courts")
    postcodes = {}
    with open(os.path.join(courts, "postcodes.tsv"), encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 2:
                for insee in fields[1].split():
                    postcodes.setdefault(insee, []).append(fields[0])
    communes = []
    with open(os.path.join(courts, "communes.tsv"), encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 9 or fields[1] != "COM" or not fields[2]:
                continue
            # NOTC: no commercial court in the directory's 2021 data; the route refuses to guess one.
            if fields[8] == "NOTC":
                continue
            insee, name = fields[0], fields[2]
            codes = postcodes.get(insee) or []
            # A postcode the commune really has in both files: the directory's own, else La Poste's first.
            code = fields[3] if fields[3] in codes else (codes[0] if codes else "")
            if not code:
                continue
            communes.append((insee, name, code))
    if not communes:
        sys.exit("make-batch.py: no commune read from %s" % courts)
    return communes


MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]


def french(day):
    return "%s %s %d" % ("1er" if day.day == 1 else str(day.day), MONTHS[day.month - 1], day.year)


def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def money(cents):
    return "%d.%02d" % (cents // 100, cents % 100)


def address_yaml(street, commune, extra=None, country=None):
    lines = [street] + ([extra] if extra else [])
    parts = ["lines: [%s]" % ", ".join(quoted(x) for x in lines)]
    if country:
        code, postcode, city = country
        parts += ["postcode: %s" % quoted(postcode), "city: %s" % quoted(city), "country: %s" % code]
    else:
        insee, name, postcode = commune
        parts += ["postcode: %s" % quoted(postcode), "city: %s" % quoted(name), "insee: %s" % quoted(insee)]
    return "{ " + ", ".join(parts) + " }"


class Generator:
    def __init__(self, rng, communes, mean_invoices):
        self.rng = rng
        self.communes = communes
        self.mean_invoices = mean_invoices
        # q such that 1 + q + … + q^5 = mean (bisection): the chance of one more invoice.
        low, high = 0.0, 1.0
        for _ in range(60):
            q = (low + high) / 2
            if sum(q**k for k in range(6)) < min(max(mean_invoices, 1.0), 6.0):
                low = q
            else:
                high = q
        self.more = low
        self.numeric_communes = [c for c in communes if c[0].isdigit()]
        self.creditors = [self.creditor(i) for i in range(24)]
        self.used_keys = set()

    def commune(self, numeric=False):
        return self.rng.choice(self.numeric_communes if numeric else self.communes)

    def street(self):
        return "%d %s" % (self.rng.randint(1, 180), self.rng.choice(STREETS))

    def person(self):
        return "%s %s" % (self.rng.choice(FIRST_NAMES), self.rng.choice(SURNAMES))

    def company_name(self):
        trade, _ = self.rng.choice(TRADES)
        return "%s %s %s" % (trade, self.rng.choice(SURNAMES), self.rng.choice(SUFFIXES))

    def creditor(self, index):
        rng = self.rng
        siren = siren_from(rng)
        trade, what = TRADES[index % len(TRADES)]
        name = "%s %s" % (trade, rng.choice(SURNAMES))
        lines = [
            "creditor:",
            "  kind: company",
            "  name: %s" % quoted(name),
            "  legal_form: %s" % rng.choice(FORMS),
            "  siren: %s" % quoted(siren),
            "  siret: %s" % quoted(siret_of(siren, rng)),
            "  address: %s" % address_yaml(self.street(), self.commune()),
            "  representative: %s" % quoted(self.person() + ", gérant"),
            "  email: %s" % quoted("recouvrement@creditor-%d.example.fr" % index),
        ]
        if index % 3 != 2:
            lines.append("  iban: %s" % quoted(french_iban(rng)))
        return {"yaml": lines, "what": what, "prefix": "F%02d" % index}

    def unique_siren(self):
        while True:
            siren = siren_from(self.rng)
            if siren not in self.used_keys:
                self.used_keys.add(siren)
                return siren

    def invoice_count(self):
        # 1 to 6 invoices: a geometric draw capped at 6 whose mean is `mean_invoices` (2.6 by default).
        count = 1
        while count < 6 and self.rng.random() < self.more:
            count += 1
        return count

    def case(self, index):
        rng = self.rng
        draw = rng.random()
        regimes = [
            (0.48, "b2b"), (0.07, "collective"), (0.12, "consumer"), (0.03, "consumer_credit"),
            (0.08, "lease"), (0.06, "public"), (0.04, "civil"), (0.05, "eu"), (0.07, "b2b_rate"),
        ]
        regime = regimes[-1][1]
        for share, name in regimes:
            if draw < share:
                regime = name
                break
            draw -= share
        creditor = rng.choice(self.creditors)
        if regime == "civil":
            creditor = None
        debtor, key, contract, description = self.debtor(regime, index)
        # Consumers' claims prescribe in two years (C. consom. L218-2), leases' in three (loi 1989 7-1):
        # their invoices stay recent; others go back to early 2024.
        earliest = datetime.date(2025, 3, 1) if regime in ("consumer", "consumer_credit", "lease") else datetime.date(2024, 3, 1)
        span = (datetime.date(2026, 8, 31) - earliest).days
        first_issue = earliest + datetime.timedelta(days=rng.randint(0, span - 120))
        count = self.invoice_count()
        prefix = creditor["prefix"] if creditor else "P"
        invoices = []
        for k in range(count):
            if regime == "lease":
                issued = first_issue + datetime.timedelta(days=30 * k)
                due = issued + datetime.timedelta(days=10)
                cents = 65000 + 100 * (index % 40)
            else:
                issued = first_issue + datetime.timedelta(days=rng.randint(20, 45) * k)
                due = issued + datetime.timedelta(days=rng.choice([0, 30, 30, 45, 60]) if regime not in ("consumer", "consumer_credit") else 0)
                cents = rng.randint(9000, 1200000) if regime != "consumer_credit" else rng.randint(150000, 900000)
            number = "%s-%d-%05d-%d" % (prefix, issued.year, index, k + 1)
            invoices.append({"number": number, "issued": issued, "due": due, "cents": cents})
        last_due = max(inv["due"] for inv in invoices)

        payments, credit_notes = [], []
        for inv in invoices:
            roll = rng.random()
            if roll < 0.30:
                part = inv["cents"] * rng.randint(10, 60) // 100
                day = min(inv["due"] + datetime.timedelta(days=rng.randint(5, 90)), AS_OF - datetime.timedelta(days=10))
                allocated = rng.random() < 0.7
                payments.append((day, part, inv["number"] if allocated else None))
            elif roll < 0.42:
                part = inv["cents"] * rng.randint(3, 20) // 100
                day = inv["issued"] + datetime.timedelta(days=rng.randint(3, 25))
                credit_notes.append((day, part, inv["number"]))
        payments.sort()
        credit_notes.sort()

        lines = [
            "# Generated by scripts/make-batch.py (debtor %d, %s)." % (index + 1, regime),
            "version: 1",
            "reference: %s" % quoted("%s-%06d" % (prefix, index + 1)),
            "as_of: %s" % AS_OF.isoformat(),
        ]
        if creditor:
            lines += creditor["yaml"]
        else:
            person = self.person()
            first, _, last = person.partition(" ")
            # CPC 54 3° a: a natural-person creditor's requête gives its identity, on pain of nullity.
            lines += [
                "creditor:",
                "  kind: individual",
                "  name: %s" % quoted(person),
                "  first_names: %s" % quoted(first),
                "  surname: %s" % quoted(last or first),
                "  profession: %s" % quoted(self.rng.choice(["retraité", "enseignante", "artisan", "infirmier"])),
                "  nationality: %s" % quoted("française"),
                "  birth_date: %s" % datetime.date(1950 + self.rng.randint(0, 40), self.rng.randint(1, 12), self.rng.randint(1, 28)).isoformat(),
                "  birth_place: %s" % quoted(self.rng.choice(["Lyon", "Nantes", "Lille", "Toulouse"])),
                "  professional: false",
                "  address: %s" % address_yaml(self.street(), self.commune()),
            ]
        lines += debtor
        lines += ["contract:"] + ["  " + line for line in contract]
        lines.append("invoices:")
        what = description or (creditor["what"] if creditor else "Prêt entre particuliers")
        for k, inv in enumerate(invoices):
            lines += [
                "  - number: %s" % quoted(inv["number"]),
                "    issued: %s" % inv["issued"].isoformat(),
                "    due: %s" % inv["due"].isoformat(),
                "    amount: %s" % money(inv["cents"]),
                "    description: %s" % quoted("%s, %s" % (what, "échéance %d" % (k + 1) if regime == "lease" else "lot %d" % (k + 1))),
            ]
        if payments:
            lines.append("payments:")
            for n, (day, cents, number) in enumerate(payments):
                lines += ["  - date: %s" % day.isoformat(), "    amount: %s" % money(cents)]
                if number:
                    lines.append("    invoice: %s" % quoted(number))
                lines.append("    reference: %s" % quoted("VIR-%06d-%d" % (index + 1, n + 1)))
        if credit_notes:
            lines.append("credit_notes:")
            for n, (day, cents, number) in enumerate(credit_notes):
                lines += [
                    "  - number: %s" % quoted("AV-%06d-%d" % (index + 1, n + 1)),
                    "    date: %s" % day.isoformat(),
                    "    amount: %s" % money(cents),
                    "    invoice: %s" % quoted(number),
                ]

        events = []
        reminder = last_due + datetime.timedelta(days=rng.randint(10, 30))
        if reminder < AS_OF - datetime.timedelta(days=40) and rng.random() < 0.8:
            events += ["  - type: reminder", "    date: %s" % reminder.isoformat(), "    channel: %s" % rng.choice(["email", "letter"])]
        notice = None
        if rng.random() < 0.75 or regime in ("lease", "public"):
            notice = min(reminder + datetime.timedelta(days=rng.randint(15, 45)), AS_OF - datetime.timedelta(days=30))
            received = notice + datetime.timedelta(days=rng.randint(2, 6))
            channel = "bailiff" if regime == "lease" else "registered_letter"
            events += [
                "  - type: formal_notice",
                "    date: %s" % notice.isoformat(),
                "    received: %s" % (notice if channel == "bailiff" else received).isoformat(),
                "    channel: %s" % channel,
                "    tracking: %s" % quoted("1A %03d %03d %04d %d" % (rng.randint(100, 999), rng.randint(100, 999), rng.randint(0, 9999), rng.randint(0, 9))),
                # The court stage files the notice actually sent, its proof of dispatch and its receipt.
                "    letter: %s" % quoted("pieces/%s/mise-en-demeure-envoyee.txt" % key),
                "    dispatch_proof: %s" % quoted("pieces/%s/preuve-de-depot.txt" % key),
                "    receipt_file: %s" % quoted("pieces/%s/avis-de-reception.txt" % key),
            ]
        if events:
            lines.append("events:")
            lines += events

        pieces = {}
        if notice:
            pieces["pieces/%s/mise-en-demeure-envoyee.txt" % key] = "Mise en demeure du %s, telle qu'envoyée.\n" % french(notice)
            pieces["pieces/%s/preuve-de-depot.txt" % key] = "Preuve de dépôt du %s.\n" % french(notice)
            pieces["pieces/%s/avis-de-reception.txt" % key] = "Avis de réception.\n"
        lines.append("exhibits:")
        contract_file = "pieces/%s/contrat.txt" % key
        pieces[contract_file] = contract_title(regime) + "\n"
        lines += ["  - title: %s" % quoted(contract_title(regime)), "    file: %s" % quoted(contract_file)]
        invoice_file = "pieces/%s/factures.txt" % key
        pieces[invoice_file] = "\n".join(
            ["Copies des factures"] + ["%s du %s : %s EUR" % (i["number"], french(i["issued"]), money(i["cents"]).replace(".", ",")) for i in invoices]
        ) + "\n"
        lines += ["  - title: %s" % quoted("Factures " + ", ".join(i["number"] for i in invoices)), "    file: %s" % quoted(invoice_file)]
        if notice:
            notice_file = "pieces/%s/mise-en-demeure-%s.txt" % (key, notice.isoformat())
            pieces[notice_file] = "Mise en demeure du %s, lettre recommandée avec avis de réception.\n" % french(notice)
            lines += ["  - title: %s" % quoted("Mise en demeure du %s et avis de réception" % french(notice)), "    file: %s" % quoted(notice_file)]
        return key, "\n".join(lines) + "\n", pieces

    def debtor(self, regime, index):
        rng = self.rng
        if regime in ("b2b", "b2b_rate", "collective"):
            siren = self.unique_siren()
            lines = [
                "debtor:",
                "  kind: company",
                "  name: %s" % quoted(self.company_name()),
                "  legal_form: %s" % rng.choice(FORMS),
                "  siren: %s" % quoted(siren),
                "  siret: %s" % quoted(siret_of(siren, rng)),
                "  address: %s" % address_yaml(self.street(), self.commune()),
                "  representative: %s" % quoted(self.person() + ", " + rng.choice(["gérant", "président", "gérante", "présidente"])),
            ]
            contract = ["nature: commercial", "reference: %s" % quoted("Bon de commande BC-%06d" % (index + 1)),
                        "payment_terms: %s" % quoted(rng.choice(["30 jours fin de mois", "45 jours date de facture", "60 jours date de facture"])),
                        "flat_fee: true"]
            if regime == "b2b_rate":
                contract.append("penalty_rate: %s" % rng.choice(["12.0", "15.0", "\"ECB + 10\"", "\"3 x legal\""]))
                if rng.random() < 0.3:
                    contract.append("extra_recovery_costs: %s" % money(rng.randint(5000, 30000)))
            if regime == "collective":
                contract.append("collective_proceedings: %s" % datetime.date(2026, rng.randint(9, 10), rng.randint(1, 28)).isoformat())
            return lines, siren, contract, None
        if regime == "public":
            # A commune's SIREN: 21, its INSEE code, one digit, the Luhn key (one commune, one SIREN).
            while True:
                insee, name, postcode = self.commune(numeric=True)
                siren = luhn_complete("21" + insee + str(rng.randint(0, 9)))
                if siren not in self.used_keys:
                    self.used_keys.add(siren)
                    break
            lines = [
                "debtor:",
                "  kind: public_body",
                "  name: %s" % quoted("Commune de " + name),
                "  siren: %s" % quoted(siren),
                "  address: %s" % address_yaml("Hôtel de Ville", (insee, name, postcode), "Place de la Mairie"),
            ]
            contract = ["nature: public_procurement",
                        "reference: %s" % quoted("Marché public n° 2025-%04d" % (index % 10000)),
                        "payment_terms: %s" % quoted("30 jours à compter de la réception de la facture (C. commande publique R2192-10)")]
            return lines, siren, contract, None
        if regime == "eu":
            code, postcode, city, street, form = rng.choice(FOREIGN)
            key = "EU%06d" % (index + 1)
            lines = [
                "debtor:",
                "  kind: company",
                "  name: %s" % quoted(self.company_name()),
                "  legal_form: %s" % quoted(form),
                "  merchant: true",
                "  address: %s" % address_yaml("%s %d" % (street, rng.randint(1, 90)), None, country=(code, postcode, city)),
            ]
            contract = ["nature: commercial", "reference: %s" % quoted("Commande export n° %06d" % (index + 1)),
                        "payment_terms: \"60 jours date de facture\""]
            return lines, key, contract, None
        # Individuals: keyed by their customer code (no SIREN).
        key = "C%07d" % (index + 1)
        home = self.commune()
        lines = [
            "debtor:",
            "  kind: individual",
            "  name: %s" % quoted(self.person()),
            "  professional: false",
            "  address: %s" % address_yaml(self.street(), home, rng.choice([None, "Appartement %d" % rng.randint(1, 40)])),
        ]
        if regime == "lease":
            rent = "Loyer et charges"
            contract = ["nature: residential_lease",
                        "reference: %s" % quoted("Bail d'habitation n° %06d" % (index + 1)),
                        "payment_terms: \"loyer payable d'avance le 1er de chaque mois\"",
                        "property: %s" % address_yaml(self.street(), self.commune(), "Logement %d" % rng.randint(1, 30))]
            return lines, key, contract, rent
        if regime == "consumer_credit":
            contract = ["nature: consumer_credit", "reference: %s" % quoted("Offre de crédit n° %06d" % (index + 1)),
                        "payment_terms: \"mensualités le 5 de chaque mois\""]
            return lines, key, contract, "Échéances impayées du crédit"
        if regime == "civil":
            contract = ["nature: civil", "reference: %s" % quoted("Reconnaissance de dette n° %06d" % (index + 1))]
            return lines, key, contract, "Remboursement du prêt"
        contract = ["nature: consumer", "reference: %s" % quoted("Bon de commande n° %06d" % (index + 1)),
                    "payment_terms: \"à réception\""]
        return lines, key, contract, None


def contract_title(regime):
    return {
        "lease": "Bail d'habitation",
        "public": "Acte d'engagement du marché",
        "consumer_credit": "Offre de crédit acceptée",
        "civil": "Reconnaissance de dette signée",
    }.get(regime, "Bon de commande et conditions générales de vente")


def main():
    parser = argparse.ArgumentParser(description="Synthetic case folders for recouvre batch.")
    parser.add_argument("count", type=int, help="number of debtors (≥ 1)")
    parser.add_argument("out", help="folder to write (created; must be empty or absent)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    parser.add_argument("--invoices", type=float, default=2.6, help="mean invoices per debtor (default 2.6)")
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--forms", default=os.path.join(here, "..", "forms"), help="the forms/ folder to take communes from")
    args = parser.parse_args()
    if args.count < 1:
        parser.error("N must be at least 1")
    if os.path.exists(args.out) and os.listdir(args.out):
        parser.error("%s exists and is not empty" % args.out)
    rng = random.Random(args.seed)
    generator = Generator(rng, load_communes(args.forms), args.invoices)
    os.makedirs(args.out, exist_ok=True)
    for index in range(args.count):
        key, text, pieces = generator.case(index)
        with open(os.path.join(args.out, key + ".yaml"), "w", encoding="utf-8") as handle:
            handle.write(text)
        for path, body in pieces.items():
            full = os.path.join(args.out, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8") as handle:
                handle.write(body)
    print("%d debtors written to %s" % (args.count, args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
