"""Writes the per-family table of NOTES.md from the same family data the site is built from."""
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
import build
from families import FAMILIES

HEAD = open(os.path.join(os.path.dirname(__file__), "notes_head.md"), encoding="utf-8").read()
rows = ["| slug | kind | expect | grouping / URL shape | skin | score markup | key findings | date style | PDF |",
        "|---|---|---|---|---|---|---|---|---|"]
for f in FAMILIES:
    build.prepare(f)
    shape = {"stmt": "one page per statement", "theme": "one page per theme", "all": "all nine on one page"}[f["grouping"]]
    urls = ", ".join("`" + p["url"].split("/")[-1 if f["shape"] == "sibling" else -1] + "`" for p in f["pages"][1:3])
    eng = {"groff": "groff (ms+tbl, gropdf)", "libreoffice": "LibreOffice 7.4 from python-docx .docx", None: "none"}[f["pdf"]]
    rows.append(f"| `{f['slug']}` | {f['kind']} | {'not_loaded' if 'not_loaded' in f else 'loads'} | {shape}; {f['shape']} "
                f"(e.g. {urls}) | {f['skin']} | {f['score_style']} | {build.kf_style(f)} | {f['date_style']} | {eng} |")
open(os.path.join(build.SITE, "NOTES.md"), "w", encoding="utf-8").write(HEAD + "\n" + "\n".join(rows) + "\n")
