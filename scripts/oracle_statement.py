#!/usr/bin/env python3
"""Independent oracle for `recouvre statement`: recomputes a statement from domain.md §1–§2 alone.

Written without reading the Swift engine, as a cross-check of its figures; keep it independent
(derive any change from the law and domain.md, not from RecouvreLaw). Standard library only, plus
PyYAML for YAML case files (`pip install pyyaml`; JSON case files need nothing). Money is Decimal,
rounded half-up to the cent once per period line.

Usage
  # the oracle's statement of one case (same shape as `recouvre statement --format json`):
  python3 scripts/oracle_statement.py statement fixtures/b2b-lyon-dijon/case.yaml [--day-basis actual]

  # compare with the engine on every fixture and N random cases (build first):
  /work/bin/inwt NAME swift build          # or plain `swift build` outside the helpers' setup
  python3 scripts/oracle_statement.py compare --binary .build/debug/recouvre \
      --random 200 --seed 1 [--run-prefix "/work/bin/inwt NAME"] [--keep DIR]

  After a rate-table update (forms/rates/*.yaml), run `compare`: the oracle reads the same tables, so
  any difference is in the arithmetic or the law, not in the data. Exit status 1 when any case differs.

Conventions (domain.md §2): a day of delay carries the rate in force that day; a payment or credit note
dated D is counted on the old base through D; periods split at every change of base or rate, at 1 Jan /
1 Jul for half-yearly rates (even when two consecutive half-years have the same value) and, with the
`actual` day basis, at 31 Dec; imputation per C. civ. 1342-10 (named invoice, else the oldest due
invoice first) and, for civil interest only, interest before principal within an invoice (1343-1).
Civil interest runs from the day after the receipt of the first formal notice sent on or after the
invoice's due date (C. civ. 1344, 1231-6); a penalty clause in a residential lease is ignored (loi 89-462
art. 4 i). Readings taken from the engine where domain.md is silent (and the engine documents them):
maximal lines (two consecutive years of the same divisor are one line with the `actual` basis; a payment
taken wholly by interest still starts a new line); per-invoice `penalties` gross, with `interest_paid`
apart and the totals net; `extra_recovery_costs` added to the total (B2B and public, no collective
proceedings); collective proceedings stop interest the day before the opening judgment; the +5 points
of L313-3 from the day after two months from service (or, failing it, the judgment's date).
Not covered: annual capitalisation (C. civ. 1343-2), warnings, prescription.
"""

import argparse
import calendar
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
from decimal import Decimal, ROUND_HALF_UP

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CENT = Decimal("0.01")
ONE_DAY = dt.timedelta(days=1)


def q(x):
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


def day(s):
    return s if isinstance(s, dt.date) else dt.date.fromisoformat(str(s))


def add_months(d, n):
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def half_start(d):
    return dt.date(d.year, 1 if d.month <= 6 else 7, 1)


class Refused(Exception):
    pass


# ---------------------------------------------------------------- rate tables (forms/rates)
def load_yaml(path):
    import yaml  # noqa: local import: JSON cases work without PyYAML

    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=yaml.BaseLoader)  # every scalar kept as its literal text


class Tables:
    def __init__(self, forms):
        r = os.path.join(forms, "rates")
        mro = load_yaml(os.path.join(r, "ecb-mro.yaml"))
        self.mro_checked = day(mro["checked_through"])
        self.mro = sorted((day(v["from"]), Decimal(v["rate"])) for v in mro["values"])
        self.legal = {}
        for cat, f in (("autres", "legal-autres-cas.yaml"), ("particulier", "legal-particulier.yaml")):
            t = load_yaml(os.path.join(r, f))
            self.legal[cat] = (
                day(t["checked_through"]),
                [(day(v["from"]), day(v["to"]), Decimal(v["rate"]), v.get("unverified") == "true") for v in t["values"]],
            )
        st = load_yaml(os.path.join(r, "statutory.yaml"))["parameters"]
        self.p = {k: Decimal(v["values"][-1]["value"]) for k, v in st.items()}

    def mro_on(self, d):
        if d > self.mro_checked or d < self.mro[0][0]:
            raise Refused("MRO %s" % d)
        rate = None
        for f, r in self.mro:
            if f <= d:
                rate = r
        return rate

    def legal_on(self, cat, d):
        checked, vals = self.legal[cat]
        if d > checked:
            raise Refused("legal %s %s" % (cat, d))
        for f, t, r, unv in vals:
            if f <= d <= t:
                return r, unv
        raise Refused("legal %s %s" % (cat, d))


# ---------------------------------------------------------------- the case
COMMERCIAL_FORMS = {"SARL", "SAS", "SA", "SNC", "EURL", "SASU", "SCA", "SCS", "SELARL", "SELAS", "SELAFA"}


def professional(p):
    if p["kind"] == "company" or p["kind"] == "public_body":
        return True
    return p.get("professional") == "true"


def merchant(p):
    if "merchant" in p:
        return p["merchant"] == "true"
    return p["kind"] == "company" and p.get("legal_form", "").upper() in COMMERCIAL_FORMS


def nature_of(c):
    n = (c.get("contract") or {}).get("nature")
    if n:
        return n
    cr, de = c["creditor"], c["debtor"]
    if de["kind"] == "public_body":
        return "public_procurement"
    if professional(cr) and professional(de) and merchant(de):
        return "commercial"
    if professional(cr) and de["kind"] == "individual" and not professional(de):
        return "consumer"
    return "civil"


def regime_of(c, nature):
    if nature == "commercial":
        return "b2b"
    if nature == "civil" and professional(c["creditor"]) and professional(c["debtor"]):
        return "b2b"  # domain.md §1: civil between professionals is B2B (L441-10 II)
    return nature


def parse_rate_clause(text):
    """penalty_rate: a number (fixed), 'ECB + N' / 'BCE + N', or 'N x legal'."""
    if text is None:
        return None
    t = str(text).strip().lower().replace("×", "x")
    if t.startswith("ecb") or t.startswith("bce"):
        return ("ecb", Decimal(t[3:].replace("+", "").strip()))
    if t.endswith("legal"):
        return ("legal", Decimal(t[: -len("legal")].replace("x", "").strip()))
    return ("fixed", Decimal(t))


# ---------------------------------------------------------------- the statement
def statement(c, tables, as_of=None, basis="365"):
    as_of = day(as_of or c.get("as_of"))
    nature = nature_of(c)
    regime = regime_of(c, nature)
    contract = c.get("contract") or {}
    clause = parse_rate_clause(contract.get("penalty_rate"))
    if regime == "residential_lease":
        clause = None  # loi 89-462 art. 4 i): a penalty clause in a residential lease is deemed unwritten
    civil = regime in ("civil", "consumer", "residential_lease", "consumer_credit")
    cat = "particulier" if (c["creditor"]["kind"] == "individual" and not professional(c["creditor"])) else "autres"
    warnings = []

    cp = contract.get("collective_proceedings", "false")
    stop = None  # last day counted
    no_interest = False
    if cp == "true":
        no_interest = True
    elif cp not in ("false", None):
        stop = day(cp) - ONE_DAY  # L622-28: the opening judgment stops interest from its date

    notices = []  # (received, sent) of the formal notices received by as_of
    judgment_switch = None
    for e in c.get("events") or []:
        if e["type"] == "formal_notice" and e.get("received") and day(e["received"]) <= as_of:
            notices.append((day(e["received"]), day(e["date"])))
        if e["type"] == "judgment":
            base_day = day(e.get("served") or e["date"])
            judgment_switch = add_months(base_day, int(tables.p["judgment_increase_months"])) + ONE_DAY
    notices.sort()

    invs = []
    for i, v in enumerate(c["invoices"]):
        due = day(v["due"])
        invs.append(dict(idx=i, number=v["number"], issued=day(v["issued"]), due=due,
                         amount=Decimal(v["amount"]), principal=Decimal(v["amount"]),
                         paid=Decimal(0), credited=Decimal(0), interest_paid=Decimal(0), settlements=[]))
    by_num = {v["number"]: v for v in invs}

    def civil_start(v):
        # C. civ. 1344, 1231-6: a notice puts in default only for a debt exigible when it is sent
        for received, sent in notices:
            if sent >= v["due"]:
                return max(received, v["due"]) + ONE_DAY
        return None

    if civil:
        start_of = civil_start
        if consumer_credit_without_clause(regime, clause):
            start_of = (lambda v: None)
    else:
        start_of = (lambda v: v["due"] + ONE_DAY)
    if no_interest:
        start_of = (lambda v: None)
    end = as_of if stop is None else min(as_of, stop)

    def rate_on(v, d):
        """(rate, key): key changes where a new line must start even at an equal rate."""
        if regime == "public_procurement":
            s = half_start(start_of(v))
            return tables.mro_on(s) + tables.p["public_procurement_margin"], ("pp", s)
        if regime == "b2b":
            hs = half_start(d)
            if clause is None:
                return tables.mro_on(hs) + tables.p["b2b_default_margin"], ("def", hs)
            floor = tables.p["b2b_floor_multiple"] * tables.legal_on("autres", d)[0]
            if clause[0] == "fixed":
                r, key = clause[1], ("fixed",)
            elif clause[0] == "ecb":
                r, key = tables.mro_on(hs) + clause[1], ("ecb", hs)
            else:
                r, key = clause[1] * tables.legal_on("autres", d)[0], ("legal", hs)
            if r < floor:
                return floor, ("floor", hs)
            return r, key
        # civil regimes
        if clause is not None:
            if clause[0] == "fixed":
                return clause[1], ("fixed",)
            if clause[0] == "ecb":
                hs = half_start(d)
                return tables.mro_on(hs) + clause[1], ("ecb", hs)
            return clause[1] * tables.legal_on("autres", d)[0], ("legal", half_start(d))
        r, _ = tables.legal_on(cat, d)
        plus = judgment_switch is not None and d >= judgment_switch
        if plus:
            r += tables.p["judgment_increase"]
        return r, ("tl", half_start(d), plus)

    def lines(v, upto, settlements):
        """Period lines of invoice v through day `upto`, settlements = [(date, principal_amount)]."""
        s = start_of(v)
        out = []
        if s is None or upto < s:
            return out
        base = v["amount"] - sum(a for d, a in settlements if d < s)
        pend = sorted((d, a) for d, a in settlements if d >= s)
        cur = None
        d = s
        k = 0
        while d <= upto:
            while k < len(pend) and pend[k][0] < d:
                base -= pend[k][1]
                k += 1
            if base > 0:
                r, key = rate_on(v, d)
                yk = calendar.isleap(d.year) if basis == "actual" else None  # the divisor, 365 or 366
                sig = (base, r, key, yk, k)
                if cur and cur["sig"] == sig and cur["to"] == d - ONE_DAY:
                    cur["to"] = d
                else:
                    cur = dict(sig=sig, frm=d, to=d, base=base, rate=r)
                    out.append(cur)
            d += ONE_DAY
        for ln in out:
            n = (ln["to"] - ln["frm"]).days + 1
            div = 366 if basis == "actual" and calendar.isleap(ln["frm"].year) else 365
            ln["days"] = n
            ln["amount"] = q(ln["base"] * ln["rate"] / 100 * n / div)
        return out

    # chronological imputation (C. civ. 1342-10; 1343-1 for civil interest)
    events = []
    for i, p in enumerate(c.get("credit_notes") or []):
        events.append((day(p["date"]), 0, 0 if p.get("invoice") else 1, i, "credit", p))
    for i, p in enumerate(c.get("payments") or []):
        events.append((day(p["date"]), 1, 0 if p.get("invoice") else 1, i, "payment", p))
    events.sort(key=lambda e: e[:4])
    pay_out = []
    for d, _, _, _, kind, p in events:
        amt = Decimal(p["amount"])
        if d > as_of:
            warnings.append("%s of %s dated after as_of: ignored" % (kind, d))
            if kind == "payment":
                pay_out.append(dict(date=d.isoformat(), amount=str(q(amt)), imputed=[]))
            continue
        imputed = []
        targets = []
        if p.get("invoice"):
            targets.append(by_num[p["invoice"]])
        rest = [v for v in sorted(invs, key=lambda v: (v["due"] > d, v["due"], v["issued"], v["idx"])) if v not in targets]
        targets += rest
        left = amt
        for v in targets:
            if left <= 0:
                break
            take_int = Decimal(0)
            if civil and kind == "payment":
                acc = sum(ln["amount"] for ln in lines(v, min(d, end), v["settlements"])) - v["interest_paid"]
                take_int = min(left, max(acc, Decimal(0)))
            take_pr = min(left - take_int, v["principal"])
            if take_int + take_pr <= 0:
                continue
            v["interest_paid"] += take_int
            v["principal"] -= take_pr
            v["settlements"].append((d, take_pr))  # even interest-only: a payment starts a new line (§2.2)
            if kind == "payment":
                v["paid"] += take_int + take_pr
            else:
                v["credited"] += take_pr
            left -= take_int + take_pr
            imputed.append(dict(invoice=v["number"], amount=str(q(take_int + take_pr)),
                                interest=str(q(take_int)), principal=str(q(take_pr))))
        if left > 0:
            warnings.append("%s of %s: %s not imputed (more than owed)" % (kind, d, left))
        if kind == "payment":
            pay_out.append(dict(date=d.isoformat(), amount=str(q(amt)), imputed=imputed))

    fee_allowed = regime in ("b2b", "public_procurement") and contract.get("flat_fee", "true") != "false" \
        and cp in ("false", None)
    fee_value = tables.p["flat_fee_public" if regime == "public_procurement" else "flat_fee_b2b"]
    out_inv = []
    tp = tpen = tfee = Decimal(0)
    for v in invs:
        ls = lines(v, end, v["settlements"])
        pen = sum((ln["amount"] for ln in ls), Decimal(0))  # gross; interest already paid shown apart
        # late: some principal was unpaid on a day after the due date, up to as_of
        late = as_of > v["due"] and v["amount"] - sum(a for dd, a in v["settlements"] if dd <= v["due"]) > 0
        fee = fee_value if (fee_allowed and late) else Decimal(0)
        out_inv.append(dict(number=v["number"], issued=v["issued"].isoformat(), due=v["due"].isoformat(),
                            amount=str(q(v["amount"])), paid=str(q(v["paid"])), credited=str(q(v["credited"])),
                            outstanding=str(q(v["principal"])),
                            periods=[dict(**{"from": ln["frm"].isoformat()}, to=ln["to"].isoformat(), days=ln["days"],
                                          base=str(q(ln["base"])), rate=str(q(ln["rate"])), amount=str(ln["amount"]))
                                     for ln in ls],
                            penalties=str(q(pen)), interest_paid=str(q(v["interest_paid"])), flat_fee=str(q(fee))))
        tp += v["principal"]
        tpen += pen - v["interest_paid"]
        tfee += fee
    extra = Decimal(contract.get("extra_recovery_costs", "0")) if fee_allowed or (
        regime in ("b2b", "public_procurement") and cp in ("false", None)) else Decimal(0)
    return dict(schema="recouvre.statement/1", reference=c["reference"], as_of=as_of.isoformat(), regime=regime,
                day_basis=basis, invoices=out_inv, payments=pay_out,
                totals=dict(principal=str(q(tp)), penalties=str(q(tpen)), flat_fees=str(q(tfee)),
                            extra_recovery_costs=str(q(extra)), total=str(q(tp + tpen + tfee + extra))),
                warnings=warnings)


def consumer_credit_without_clause(regime, clause):
    # domain.md §1: consumer credit (C. consom. L312-39): contractual interest only if given
    return regime == "consumer_credit" and clause is None


def load_case(path):
    if path.endswith(".json"):
        with open(path, encoding="utf-8") as f:
            return stringify(json.load(f, parse_float=str, parse_int=str))
    return load_yaml(path)


# ---------------------------------------------------------------- random cases
def rand_day(rng, lo, hi):
    return lo + dt.timedelta(days=rng.randint(0, max(0, (hi - lo).days)))


def party(rng, kind, professional_=True, legal_form="SAS", postcode="21000", city="Dijon", insee="21231"):
    p = {"kind": kind, "name": "Partie %d" % rng.randint(1, 999),
         "address": {"lines": ["1 rue X"], "postcode": postcode, "city": city, "insee": insee}}
    if kind == "company":
        p["legal_form"] = legal_form
        p["siren"] = "552100554"
    elif kind == "individual":
        p["professional"] = professional_
    return p


def random_case(rng, n):
    as_of = rand_day(rng, dt.date(2016, 6, 1), dt.date(2026, 11, 23))
    kind = rng.choice(["b2b", "b2b", "b2b", "public", "civil", "consumer", "lease", "civil_particulier",
                       "credit", "pro_civil", "artisan"])
    contract = {"reference": "Contrat %d" % n}
    creditor = party(rng, "company", legal_form="SARL", postcode="69003", city="Lyon", insee="69383")
    if kind == "b2b":
        debtor = party(rng, "company", legal_form=rng.choice(["SAS", "SARL", "SA"]))
        r = rng.random()
        if r < 0.2:
            contract["penalty_rate"] = rng.choice(["10.0", "12", "15.5", "4", "9.75"])
        elif r < 0.3:
            contract["penalty_rate"] = "ECB + %d" % rng.choice([3, 7, 8, 12])
        elif r < 0.35:
            contract["penalty_rate"] = "3 x legal"
        if rng.random() < 0.1:
            contract["flat_fee"] = False
    elif kind == "public":
        debtor = {"kind": "public_body", "name": "Commune", "address": {"lines": ["Mairie"], "postcode": "35000",
                                                                         "city": "Rennes", "insee": "35238"}}
        contract["nature"] = "public_procurement"
    elif kind == "consumer":
        debtor = party(rng, "individual", False)
    elif kind == "credit":
        debtor = party(rng, "individual", False)
        contract["nature"] = "consumer_credit"
    elif kind == "pro_civil":  # civil between professionals: an SCI or an association owes a company
        debtor = party(rng, "company", legal_form=rng.choice(["SCI", "association"]))
    elif kind == "artisan":  # an individual acting professionally, not a merchant
        debtor = party(rng, "individual", True)
    elif kind == "lease":
        creditor = party(rng, "individual", False, postcode="59000", city="Lille", insee="59350")
        debtor = party(rng, "individual", False, postcode="59000", city="Lille", insee="59350")
        contract["nature"] = "residential_lease"
        contract["property"] = {"lines": ["27 rue Solférino"], "postcode": "59000", "city": "Lille", "insee": "59350"}
    else:
        creditor = party(rng, "individual", False, postcode="69003", city="Lyon", insee="69383")
        debtor = party(rng, "individual", False)
        contract["nature"] = "civil"
    if kind in ("civil", "consumer", "lease", "civil_particulier", "credit", "pro_civil", "artisan") \
            and rng.random() < 0.3:
        contract["penalty_rate"] = rng.choice(["5", "8.5", "12", "ECB + 4", "3 x legal"])
    if kind in ("b2b", "pro_civil", "artisan") and rng.random() < 0.1:
        contract["collective_proceedings"] = rng.choice([True, (as_of - dt.timedelta(days=rng.randint(0, 500))).isoformat()])
    if kind in ("b2b", "public") and rng.random() < 0.1:
        contract["extra_recovery_costs"] = "%d.50" % rng.randint(10, 400)
    lo = max(dt.date(2015, 1, 1), as_of - dt.timedelta(days=rng.choice([60, 200, 400, 900, 2000])))
    invoices = []
    for i in range(rng.randint(1, 4)):
        issued = rand_day(rng, lo, as_of)
        due = issued + dt.timedelta(days=rng.choice([0, 15, 30, 45, 60]))
        amount = Decimal(rng.randint(1000, 2000000)) / 100
        invoices.append({"number": "F-%d-%d" % (n, i), "issued": issued.isoformat(), "due": due.isoformat(),
                         "amount": str(amount)})
    invoices.sort(key=lambda v: v["issued"])
    total = sum(Decimal(v["amount"]) for v in invoices)
    payments, credits = [], []
    budget = total
    for i in range(rng.randint(0, 4)):
        a = q(budget * Decimal(rng.randint(5, 45)) / 100)
        if a <= 0:
            break
        budget -= a
        d = rand_day(rng, min(day(v["issued"]) for v in invoices), as_of + dt.timedelta(days=rng.choice([0, 0, 0, 30])))
        p = {"date": d.isoformat(), "amount": str(a)}
        if rng.random() < 0.5:
            cands = [v for v in invoices if day(v["issued"]) <= d]
            if cands:
                v = rng.choice(cands)
                # a named payment never exceeds its invoice (over-payment is tested separately)
                already = sum(Decimal(x["amount"]) for x in payments + credits if x.get("invoice") == v["number"])
                if already + a <= Decimal(v["amount"]):
                    p["invoice"] = v["number"]
        if rng.random() < 0.25 and "invoice" in p:
            p["number"] = "AV-%d-%d" % (n, i)
            credits.append(p)
        else:
            payments.append(p)
    for p in credits:
        p.setdefault("number", "AV-%d" % n)
    events = []
    if rng.random() < 0.7:
        sent = rand_day(rng, min(day(v["due"]) for v in invoices), as_of + dt.timedelta(days=10))
        events.append({"type": "formal_notice", "date": sent.isoformat(),
                       "received": (sent + dt.timedelta(days=rng.randint(1, 5))).isoformat(),
                       "channel": "registered_letter"})
        if kind in ("civil", "consumer", "lease", "civil_particulier", "credit") and rng.random() < 0.4:
            j = sent + dt.timedelta(days=rng.randint(30, 400))
            ev = {"type": "judgment", "date": j.isoformat(), "court": "Tribunal judiciaire"}
            if rng.random() < 0.5:
                ev["served"] = (j + dt.timedelta(days=rng.randint(1, 40))).isoformat()
            events.append(ev)
    c = {"version": 1, "reference": "R-%d" % n, "as_of": as_of.isoformat(), "creditor": creditor, "debtor": debtor,
         "contract": contract, "invoices": invoices, "events": events}
    if payments:
        c["payments"] = payments
    if credits:
        c["credit_notes"] = credits
    return c


def stringify(x):
    """The case as the oracle's loader would see it from a file (every scalar a string)."""
    if isinstance(x, dict):
        return {k: stringify(v) for k, v in x.items()}
    if isinstance(x, list):
        return [stringify(v) for v in x]
    if isinstance(x, bool):
        return "true" if x else "false"
    return str(x)


# ---------------------------------------------------------------- comparison
def run_engine(args, path, basis):
    cmd = (args.run_prefix.split() if args.run_prefix else []) + [args.binary, "statement", path, "--format", "json",
                                                                  "--day-basis", basis]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        return None, "exit %d: %s" % (p.returncode, p.stderr.strip()[:300])
    return json.loads(p.stdout), None


def diff(eng, ora):
    out = []
    if eng["regime"] != ora["regime"]:
        out.append("regime %s != %s" % (eng["regime"], ora["regime"]))
    for ei, oi in zip(eng["invoices"], ora["invoices"]):
        for k in ("paid", "credited", "outstanding", "penalties", "interest_paid", "flat_fee"):
            if ei[k] != oi[k]:
                out.append("%s %s: engine %s oracle %s" % (oi["number"], k, ei[k], oi[k]))
        ep = [(p["from"], p["to"], p["days"], p["base"], p["rate"], p["amount"]) for p in ei["periods"]]
        op = [(p["from"], p["to"], p["days"], p["base"], p["rate"], p["amount"]) for p in oi["periods"]]
        if ep != op:
            out.append("%s periods:\n    engine %s\n    oracle %s" % (oi["number"], ep, op))
    for k in ("principal", "penalties", "flat_fees", "extra_recovery_costs", "total"):
        if eng["totals"].get(k, "0.00") != ora["totals"][k]:
            out.append("totals.%s: engine %s oracle %s" % (k, eng["totals"][k], ora["totals"][k]))
    return out


def compare(args):
    tables = Tables(args.forms)
    rng = random.Random(args.seed)
    keep = args.keep or tempfile.mkdtemp(prefix="oracle-")
    os.makedirs(keep, exist_ok=True)
    cases = []
    fx = os.path.join(ROOT, "fixtures")
    for name in sorted(os.listdir(fx)):
        p = os.path.join(fx, name, "case.yaml")
        if os.path.exists(p):
            cases.append((name, os.path.relpath(p, os.getcwd()), "365"))
            cases.append((name + "@actual", os.path.relpath(p, os.getcwd()), "actual"))
    for n in range(args.random):
        c = random_case(rng, n)
        p = os.path.join(keep, "random-%03d.json" % n)
        with open(p, "w", encoding="utf-8") as f:
            json.dump(c, f, indent=1, default=str)
        cases.append(("random-%03d" % n, p, rng.choice(["365", "365", "actual"])))
    bad = 0
    for name, path, basis in cases:
        try:
            ora = statement(load_case(path), tables, basis=basis)
            oerr = None
        except Refused as e:
            ora, oerr = None, "refused %s" % e
        eng, eerr = run_engine(args, path, basis)
        if (ora is None) != (eng is None):
            bad += 1
            print("DIFF %s [%s] %s: engine %s / oracle %s" % (name, basis, path, eerr or "ok", oerr or "ok"))
            continue
        if ora is None:
            continue
        d = diff(eng, ora)
        if d:
            bad += 1
            print("DIFF %s [%s] %s %s" % (name, basis, path, ora["regime"]))
            for x in d:
                print("  " + x)
    print("%d cases compared, %d differ" % (len(cases), bad))
    return 1 if bad else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("statement")
    s.add_argument("case")
    s.add_argument("--as-of")
    s.add_argument("--day-basis", default="365", choices=["365", "actual"])
    s.add_argument("--forms", default=os.path.join(ROOT, "forms"))
    c = sub.add_parser("compare")
    c.add_argument("--binary", default=".build/debug/recouvre")
    c.add_argument("--run-prefix", default="")
    c.add_argument("--random", type=int, default=200)
    c.add_argument("--seed", type=int, default=1)
    c.add_argument("--keep")
    c.add_argument("--forms", default=os.path.join(ROOT, "forms"))
    a = ap.parse_args()
    if a.cmd == "statement":
        try:
            print(json.dumps(statement(load_case(a.case), Tables(a.forms), a.as_of, a.day_basis),
                             indent=2, ensure_ascii=False))
        except Refused as e:
            print("refused: %s" % e, file=sys.stderr)
            return 3
        return 0
    return compare(a)


if __name__ == "__main__":
    sys.exit(main())
