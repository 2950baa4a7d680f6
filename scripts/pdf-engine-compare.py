#!/usr/bin/env python3
"""Compares the two candidate PDF engines on the same one-page letter (docs/pdf.md, "Choice").

Typst: the shipped layout forms/pdf/document.typ, the compiler kept loaded (typst.Compiler), PDF/A-3b,
dossier.xml attached. WeasyPrint: the same blocks as HTML/CSS (Debian's python3-weasyprint), PDF/A-3b,
the same attachment. Prints the first (cold) and the median of N warm renderings, and whether two
renderings give the same bytes.

    python3 scripts/pdf-engine-compare.py DOCUMENT.json [N]
"""
import html, json, os, statistics, sys, time

here = os.path.dirname(os.path.abspath(__file__))
layout = os.path.join(here, "..", "forms", "pdf")
source = open(sys.argv[1], encoding="utf-8").read()
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
doc = json.loads(source)


def timed(render):
    times, outputs = [], []
    for _ in range(runs + 1):
        start = time.perf_counter()
        outputs.append(render())
        times.append(time.perf_counter() - start)
    return times[0], statistics.median(times[1:]), outputs[1] == outputs[2], len(outputs[1])


def typst_engine():
    import typst
    start = time.perf_counter()
    compiler = typst.Compiler(input=os.path.join(layout, "document.typ"), root=layout, ignore_system_fonts=True)
    load = time.perf_counter() - start
    return load, lambda: compiler.compile(sys_inputs={"document": source}, pdf_standards=["a-3b"])


def weasy_html():
    parts = []
    for b in doc["blocks"]:
        t = b["type"]
        if t in ("sender", "addressee", "signature", "title"):
            parts.append(f'<div class="{t}">' + "<br>".join(html.escape(l) for l in b["lines"]) + "</div>")
        elif t in ("heading", "place-date"):
            parts.append(f'<p class="{t}">{html.escape(b["text"])}</p>')
        elif t == "paragraph":
            parts.append("".join(f'<p style="margin-left:{l["indent"]/2}em">{html.escape(l["text"])}</p>' for l in b["lines"]))
        elif t == "list":
            parts.append("<ul>" + "".join(f"<li>{html.escape(i['text'])}</li>" for i in b["items"]) + "</ul>")
        elif t == "table":
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r["cells"]) + "</tr>" for r in b["rows"])
            parts.append(f"<table>{rows}</table>")
        elif t == "space":
            parts.append('<div class="space"></div>')
    css = """@page { size: A4; margin: 18mm 20mm 20mm 22mm; @bottom-right { content: counter(page) "/" counter(pages); } }
    body { font-family: serif; font-size: 10.5pt; } .addressee { margin-left: 88mm; margin-top: 20mm; }
    .place-date, .signature { margin-left: 88mm; } td:last-child { text-align: right; } table { width: 85%; margin-left: 2em; }
    p { margin: 0.2em 0; } .space { height: 0.6em; } .heading { font-weight: bold; }"""
    return f"<html lang='fr'><head><meta charset='utf-8'><title>{html.escape(doc['title'])}</title><style>{css}</style></head><body>{''.join(parts)}</body></html>"


def weasy_engine():
    import weasyprint
    page = weasy_html()

    def attachments():  # an Attachment is read once: a new one for each rendering
        return [weasyprint.Attachment(string=a["data"].encode(), base_url=".") for a in doc["attachments"]]

    start = time.perf_counter()
    weasyprint.HTML(string=page).write_pdf(variant="pdf/a-3b", attachments=attachments())
    load = time.perf_counter() - start
    return load, lambda: weasyprint.HTML(string=page).write_pdf(
        variant="pdf/a-3b", identifier=b"recouvre", attachments=attachments())


for name, engine in (("typst", typst_engine), ("weasyprint", weasy_engine)):
    try:
        load, render = engine()
    except ImportError as error:
        print(f"{name}: not installed ({error})")
        continue
    cold, warm, same, size = timed(render)
    print(f"{name}: load {load*1000:.0f} ms, first {cold*1000:.0f} ms, median of {runs} {warm*1000:.1f} ms, "
          f"{size} bytes, same bytes twice: {same}")
