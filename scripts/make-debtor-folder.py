#!/usr/bin/env python3
"""Writes N case files, one debtor each, into a folder: the input of `recouvre aged` and `recouvre remind`
at scale (issue 16: 10,000 debtors).

Usage: scripts/make-debtor-folder.py N OUT          (a folder of N case files)
       scripts/make-debtor-folder.py N OUT.csv      (the same debtors as one CSV receivables ledger)
Example: scripts/make-debtor-folder.py 10000 /tmp/debtors && recouvre aged /tmp/debtors --as-of 2026-11-20
         scripts/make-debtor-folder.py 10000 /tmp/ledger.csv
         recouvre aged /tmp/ledger.csv --creditor fixtures/import/creancier.yaml --as-of 2026-11-20

Deterministic (same N, same bytes). Debtor n is a company with a valid SIREN (Luhn), 1 to 4 invoices
due between 2026-05-01 and 2026-12-20 (so every aged bucket is filled on 2026-11-20), every third
debtor has paid part of its first invoice, every fifth has a reminder recorded.
"""
import datetime
import os
import sys


def luhn_siren(n):
    body = "%08d" % (100000000 // 10 + n * 7919 % 90000000)
    body = body[-8:]
    for check in range(10):
        digits = [int(c) for c in body + str(check)]
        total = 0
        for i, d in enumerate(reversed(digits)):
            if i % 2 == 1:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        if total % 10 == 0:
            return body + str(check)
    raise AssertionError


def main():
    if len(sys.argv) != 3 or not sys.argv[1].isdigit() or int(sys.argv[1]) < 1:
        sys.exit("usage: make-debtor-folder.py N OUT   (N ≥ 1 debtors; OUT the folder to fill)")
    count, out = int(sys.argv[1]), sys.argv[2]
    if out.endswith(".csv"):
        return ledger(count, out)
    os.makedirs(out, exist_ok=True)
    first_due = datetime.date(2026, 5, 1)
    for n in range(count):
        invoices = []
        for k in range(1 + n % 4):
            due = first_due + datetime.timedelta(days=(n * 37 + k * 53) % 234)
            issued = due - datetime.timedelta(days=30)
            cents = 10000 + (n * 7901 + k * 3331) % 990000
            invoices.append('  - { number: "F%d-%d", issued: %s, due: %s, amount: "%d.%02d" }'
                            % (n, k, issued, due, cents // 100, cents % 100))
        lines = [
            "version: 1",
            'reference: "D-%05d"' % n,
            "creditor:",
            "  kind: company",
            '  name: "Atelier Lumière"',
            "  legal_form: SARL",
            '  siren: "123456782"',
            '  address: { lines: ["12 rue des Lilas"], postcode: "69003", city: "Lyon" }',
            '  email: "compta@atelier-lumiere.fr"',
            "debtor:",
            "  kind: company",
            '  name: "Client %05d"' % n,
            "  legal_form: SAS",
            '  siren: "%s"' % luhn_siren(n),
            '  address: { lines: ["%d rue du Commerce"], postcode: "21000", city: "Dijon" }' % (1 + n % 200),
            '  email: "compta@client%05d.fr"' % n,
            "invoices:",
        ] + invoices
        if n % 3 == 0:
            first = invoices[0]
            due = first.split("due: ")[1].split(",")[0]
            lines += ["payments:", '  - { date: %s, amount: "50.00" }' % due]
        if n % 5 == 0:
            due = datetime.date.fromisoformat(invoices[0].split("due: ")[1].split(",")[0])
            lines += ["events:", "  - { type: reminder, date: %s, channel: email }" % (due + datetime.timedelta(days=2))]
        with open(os.path.join(out, "d%05d.yaml" % n), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


def fr(day):
    return day.strftime("%d/%m/%Y")


def ledger(count, out):
    """One line per invoice (and per partial payment, as a negative credit line is not used: the
    `Réglé` column carries it), French conventions: `;`, `1 234,56`, dd/mm/yyyy."""
    first_due = datetime.date(2026, 5, 1)
    rows = ["N° facture;Date facture;Échéance;Montant TTC;Réglé;Code client;Raison sociale;SIREN;Forme juridique;Adresse;Code postal;Ville"]
    for n in range(count):
        for k in range(1 + n % 4):
            due = first_due + datetime.timedelta(days=(n * 37 + k * 53) % 234)
            cents = 10000 + (n * 7901 + k * 3331) % 990000
            paid = 5000 if (n % 3 == 0 and k == 0) else 0
            rows.append("F%d-%d;%s;%s;%d,%02d;%d,%02d;C%05d;Client %05d;%s;SAS;%d rue du Commerce;21000;Dijon"
                        % (n, k, fr(due - datetime.timedelta(days=30)), fr(due), cents // 100, cents % 100,
                           paid // 100, paid % 100, n, n, luhn_siren(n), 1 + n % 200))
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
