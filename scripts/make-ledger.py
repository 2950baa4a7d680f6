#!/usr/bin/env python3
"""Synthetic receivables ledgers for `recouvre import` measurements and tests.

    python3 scripts/make-ledger.py N [--out DIR] [--seed S]

writes DIR/ledger-N.csv (a CSV ledger as French accounting software exports it: `;`, `1 234,56`,
`31/12/2025`, UTF-8 with BOM, CRLF) and DIR/ledger-N.fec.txt (an 18-column FEC, `|`, every entry
balanced), each of N lines (plus the header), over N/4 debtors with valid SIRENs and real communes;
about a fifth of the invoices are fully paid, some partly paid, some lines are credit notes.
Deterministic for a given seed. Stdlib only.
"""
import argparse
import os
import random

COMMUNES = [("21000", "Dijon"), ("69003", "Lyon"), ("33000", "Bordeaux"), ("59000", "Lille"), ("44000", "Nantes"),
            ("67000", "Strasbourg"), ("13001", "Marseille"), ("31000", "Toulouse"), ("35000", "Rennes"), ("75011", "Paris")]
FORMS = ["SARL", "SAS", "SA", "EURL", "SASU"]


def luhn_ok(digits):
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def siren(rng):
    while True:
        candidate = str(rng.randint(300000000, 999999999))
        if luhn_ok(candidate):
            return candidate


def french(cents):
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    whole = f"{cents // 100:,}".replace(",", " ")
    return f"{sign}{whole},{cents % 100:02d}"


def day(ordinal):
    import datetime
    d = datetime.date(2025, 1, 1) + datetime.timedelta(days=ordinal)
    return d


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("lines", type=int)
    parser.add_argument("--out", default=".")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    debtors = []
    for index in range(max(1, args.lines // 4)):
        postcode, city = rng.choice(COMMUNES)
        form = rng.choice(FORMS)
        debtors.append((f"C{index + 1:06d}", siren(rng), f"Client {index + 1} {form}", f"{rng.randint(1, 120)} rue de la Gare",
                        postcode, city))
    os.makedirs(args.out, exist_ok=True)
    csv_path = os.path.join(args.out, f"ledger-{args.lines}.csv")
    fec_path = os.path.join(args.out, f"ledger-{args.lines}.fec.txt")
    csv_rows = ["N° facture;Date facture;Échéance;Code client;Raison sociale;SIREN;Adresse;Code postal;Ville;Montant TTC;Réglé;Libellé"]
    fec_rows = ["JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|"
                "EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise"]
    fec_lines = 0
    entry = 0
    for number in range(args.lines):
        code, sid, name, street, postcode, city = debtors[number % len(debtors)]
        issued = day(rng.randint(0, 300))
        due = issued + __import__("datetime").timedelta(days=30)
        amount = rng.randint(5000, 2_500_000)
        kind = rng.random()
        if kind < 0.08:
            piece, cents, paid, label = f"AV{number:07d}", -rng.randint(1000, 20000), 0, "Avoir"
        else:
            piece, cents, label = f"FA{number:07d}", amount, f"Prestation {number}"
            paid = amount if kind < 0.28 else (amount // 3 if kind < 0.4 else 0)
        csv_rows.append(";".join([piece, issued.strftime("%d/%m/%Y"), "" if cents < 0 else due.strftime("%d/%m/%Y"), code, name,
                                  sid, street, postcode, city, french(cents), french(paid), label]))
        # The FEC: one balanced entry per line budget — a 411 line and its counterpart (2 lines).
        if fec_lines + 2 <= args.lines:
            entry += 1
            date = issued.strftime("%Y%m%d")
            letter = "AA" if paid == amount and cents > 0 else ""
            if cents > 0:
                debit, credit = french(cents), "0,00"
            else:
                debit, credit = "0,00", french(-cents)
            fec_rows.append("|".join(["VT", "Ventes", f"VT{entry:07d}", date, "411000", "Clients", code, name, piece, date, label,
                                      debit, credit, letter, date if letter else "", date, "", ""]))
            fec_rows.append("|".join(["VT", "Ventes", f"VT{entry:07d}", date, "706000", "Prestations", "", "", piece, date, label,
                                      credit, debit, "", "", date, "", ""]))
            fec_lines += 2
    with open(csv_path, "wb") as handle:
        handle.write(b"\xef\xbb\xbf" + ("\r\n".join(csv_rows) + "\r\n").encode("utf-8"))
    with open(fec_path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(fec_rows) + "\n")
    print(csv_path)
    print(fec_path)


if __name__ == "__main__":
    main()
