"""Build the blind "cms" site: pages/, pdf/, routes.json, answers/, NOTES.md.

Run with the scratch venv (weasyprint, odfpy):  /tmp/blind-cms/venv/bin/python src/build.py
"""
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SITE = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import content  # noqa: E402
from content import BASE, FAMILIES, STATEMENTS  # noqa: E402
import cmssite as cms  # noqa: E402
import pdfs  # noqa: E402

C = dict(theme="classic", texturize=True, date="dmy", dates="br", hdr="h1", contents="ul", downloads="ul",
         wpe="ul", commit="p", kfh="h_next", about="ul_strong", demo="labelled", fin="labelled", rating="notes",
         sumscores="pairs_p", score="score_label")
R = dict(theme="redesign", texturize=False, date="dmy", about="gov", demo="labelled", fin="labelled", prevnext=True)

STYLES = {
    "birmingham-cc": dict(C, group="theme", urls="path", score="pilot_p", sumscores="table_rowspan", rating="pilot_table",
                          wpe="p_br", kfh="p_strong", about="table", related_block=False, prevnext=True,
                          pdf=dict(engine="weasyprint", statements=True,
                                   url="/sites/default/files/2023-11/20231117_birmingham_city_council_la_assessment_pilot.pdf",
                                   link_text="Birmingham City Council assessment report")),
    "nottingham-city": dict(C, group="single", urls="path", score="pilot_br", sumscores="pairs_p", rating="pilot",
                            dates="oneline", commit="strong_br", kfh="h_next", about="p_br", demo="mixed", fin="sentences",
                            contents="ol", downloads="box", hr=True, related_block=False,
                            all_title="Quality statements",
                            pdf=dict(engine="libreoffice", statements=True,
                                     url="/sites/default/files/2023-11/Nottingham_City_Council_assessment_report.pdf",
                                     link_text="Nottingham City Council assessment (full report)")),
    "lincolnshire-cc": dict(C, group="statement", urls="path", score="pilot_p", sumscores="pairs_br", rating="pilot",
                            hdr="p", demo="sentences", related_block=False, prevnext=True),
    "WBerkshire-0524": dict(C, group="statement", urls="suffix", kfh="h3"),
    "Hertfordshire-0524": dict(C, group="theme", urls="path2", date="dmy0", dates="spans", score="word_table",
                               sumscores="table_rowspan", rating="word_table", wpe="p_br", kfh="p_strong", about="table",
                               contents="ol", downloads="table", related="table", body_pdf_link=True,
                               pdf=dict(engine="libreoffice", statements=False,
                                        url="/sites/default/files/2024-05/Hertfordshire-LA-assessment-report-0524.pdf",
                                        link_text="Hertfordshire County Council local authority assessment report")),
    "derbyshirecc-0824": dict(C, group="single", urls="suffix", all_title="Quality statements", container="su_accordion",
                              date="mdy", dates="spans", score="su_box", sumscores="ul", rating="su_box", commit="quote",
                              kfh="h_next", about="dl", downloads="box"),
    "camden-0225": dict(C, group="statement", urls="path2", score="badge_sr", sumscores="thead_table", rating="caps",
                        wpe="quote", demo="mixed", fin="sentences", prevnext=True, theme_caption=True, body_pdf_link=True,
                        pdf=dict(engine="weasyprint", statements=True, columns=True,
                                 url="/wp-content/uploads/2025/02/camden-local-authority-assessment-report.pdf",
                                 link_text="London Borough of Camden: local authority assessment report")),
    "staffordshire-0525": dict(C, group="statement", urls="suffix", lists=True,
                               pdf=dict(engine="libreoffice", statements=True,
                                        url="/wp-content/uploads/2025/05/Staffordshire-County-Council-LA-assessment-FINAL.pdf",
                                        link_text="Download the full report")),
    "warrington-0525": dict(C, group="statement", urls="path", date="slash", dates="dl", score="su_note", sumscores="dl",
                            wpe="p_br", commit="strong_br", kfh="p_strong", demo="sentences", fin="sentences",
                            contents="ol", downloads="box", related="table", prevnext=True),
    "stokeontrent-0625": dict(C, group="statement", urls="suffix", demo="mixed", lists=True, redesign_pages=["summary"],
                              pdf=dict(engine="chromium", statements=True,
                                       url="/wp-content/uploads/2025/06/stokeontrent-0625.pdf",
                                       link_text="Stoke-on-Trent City Council: local authority assessment")),
    "leicestercity-0725": dict(C, group="single", urls="path", all_title="Quality statements", container="details",
                               dates="oneline", score="th_table", sumscores="table_rowspan", rating="caps", kfh="h_next"),
    "lancashire-0825": dict(C, group="theme", urls="suffix", date="dmy_short", score="dl", sumscores="cards",
                            rating="su_box", kfh="h_next", fin="sentences", contents="ol", downloads="box", prevnext=True,
                            pdf=dict(engine="chromium", statements=False,
                                     url="/sites/default/files/documents/lancashire-0825-local-authority-assessment.pdf",
                                     link_text="Lancashire County Council: local authority assessment report")),
    "blackpool-0825": dict(C, group="statement", urls="path2", date="dmy_short", dates="spans", score="out_of",
                           sumscores="ul", about="dl", pct="word"),
    "southendonsea-0825": dict(R, group="single", urls="path2", all_title="Quality statements", container="govuk_accordion",
                               score="gov_list", prevnext=False),
    "walsall-1125": dict(C, group="theme", urls="path"),
    "torbay-0126": dict(R, group="statement", urls="suffix", caption=True, score="gov_tag"),
    "norfolk-0226": dict(R, group="theme", urls="path2", caption=True, score="gov_tag", body_pdf_link=True,
                         pdf=dict(engine="weasyprint", statements=False, url="/media/reports/2026/norfolk-0226/report.pdf",
                                  link_text="Norfolk County Council: local authority assessment")),
    "plymouth-0326": dict(R, group="statement", urls="path2", score="gov_list", pct="word",
                          pdf=dict(engine="chromium", statements=True, url="/media/reports/2026/plymouth-0326/report.pdf",
                                   link_text="Plymouth City Council: local authority assessment")),
}

CLASSIC_CSS_TEXT = "body{font-family:Arial,sans-serif;max-width:70em;margin:auto}.screen-reader-text{position:absolute;left:-9999px}\n"
REDESIGN_CSS_TEXT = "body{font-family:Arial,sans-serif}.govuk-visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden}\n"


def write(path, data, mode="w"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as fh:
        fh.write(data)


def statement_key(s):
    return {"what_people_expect": s["expect"], "commitment": s["commit"],
            "key_findings": [{"heading": k["heading"],
                              "paragraphs": [x for t, v in k["blocks"] for x in ([v] if t == "p" else v)]}
                             for k in s["findings"]]}


def main():
    for d in ("pages", "pdf", "answers", "static"):
        shutil.rmtree(os.path.join(SITE, d), ignore_errors=True)
    routes = {}
    fams = []
    for f in FAMILIES:
        st = STYLES[f["slug"]]
        content.build_family(f, st)
        fams.append(f)
    # PDFs first (their sizes go into the pages)
    for f in fams:
        st = STYLES[f["slug"]]
        p = st.get("pdf")
        if not p:
            f["pdf_info"] = None
            continue
        dest = os.path.join(SITE, "pdf", f["slug"] + ".pdf")
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        engine_label = pdfs.ENGINES[p["engine"]](f, p, dest)
        size = pdfs.human_size(os.path.getsize(dest))
        f["pdf_info"] = dict(url=p["url"], size=size, link_text=p["link_text"], engine=engine_label, opts=p)
        routes[p["url"]] = {"file": f"pdf/{f['slug']}.pdf", "type": "application/pdf"}
        print("pdf", f["slug"], engine_label, size)

    def add_page(path, html_):
        rel = "pages" + path.rstrip("/") + "/index.html"
        write(os.path.join(SITE, rel), html_)
        routes[path] = {"file": rel, "type": "text/html; charset=utf-8"}

    add_page("/", cms.home_page())
    for url, html_ in cms.listing_pages(fams):
        add_page(url, html_)
    write(os.path.join(SITE, "static/style.css"), CLASSIC_CSS_TEXT)
    write(os.path.join(SITE, "static/app.min.css"), REDESIGN_CSS_TEXT)
    routes[cms.CLASSIC_CSS.split("?")[0]] = {"file": "static/style.css", "type": "text/css"}
    routes[cms.REDESIGN_CSS] = {"file": "static/app.min.css", "type": "text/css"}

    notes_rows = []
    for f in fams:
        st = STYLES[f["slug"]]
        pages = cms.family_pages(f, st)
        last = []
        for key, path, title, members in pages:
            redesign_override = key in st.get("redesign_pages", [])
            add_page(path, cms.render_page(f, st, fams, pages, key, redesign_override))
            last.append(cms.page_updated(f, key, members))
        # answer key
        scores = {str(n): v for n, v in f["score_map"].items() if v is not None}
        key = {
            "slug": f["slug"],
            "url": f"{BASE}/{f['slug']}",
            "council": f["council"],
            "la_code": f["la_code"],
            "kind": f["kind"],
            "expect": {"not_loaded": f["refuse"]} if f.get("refuse") else "loads",
            "published": f["published"],
            "last_updated": max(last),
            "rating": f["rating"],
            "overall_pct": f["pct"],
            "scores": scores,
            "statements": {str(n): statement_key(f["st"][n]) for n in range(1, 10)},
            "people_experience": f["people"],
            "demographics": f["demo"],
            "financial_facts": f["fin"],
            "pdf": None,
        }
        pi = f["pdf_info"]
        if pi:
            carries = {"rating": f["rating"], "overall_pct": f["pct"], "scores": scores,
                       "people_experience": f["people"]}
            if pi["opts"].get("statements"):
                carries["statements"] = key["statements"]
            key["pdf"] = {"url": pi["url"], "engine": pi["engine"], "carries": carries}
        write(os.path.join(SITE, "answers", f["slug"] + ".json"), json.dumps(key, indent=2, ensure_ascii=False) + "\n")
        notes_rows.append((f, st, pages))

    write(os.path.join(SITE, "routes.json"), json.dumps(dict(sorted(routes.items())), indent=1) + "\n")
    write(os.path.join(SITE, "NOTES.md"), notes(notes_rows))
    print(len(routes), "routes")


GROUP = {"statement": "one page per statement", "theme": "one page per theme", "single": "all nine on one page"}


def notes(rows):
    head = open(os.path.join(HERE, "NOTES.head.md")).read()
    lines = ["| family | kind | expect | results | theme | grouping | sub-URL example | score markup | summary scores | about markup | dates | PDF |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for f, st, pages in rows:
        ex = pages[-1][1].replace(BASE, "…")
        res = "invented" if f.get("invented") else ("real, qs1-8 placeholders" if f.get("placeholder_scores") else "real (cqc_raw)")
        theme = st["theme"] + (" (+summary in redesign)" if st.get("redesign_pages") else "")
        cont = st.get("container", "sections") if st["group"] != "statement" else "-"
        pdf = "-"
        if f["pdf_info"]:
            pdf = f"{st['pdf']['engine']}{' + statements' if st['pdf'].get('statements') else ', summary only'}{', 2 columns' if st['pdf'].get('columns') else ''}"
        lines.append(f"| `{f['slug']}` | {f['kind']} | {'refuse' if f.get('refuse') else 'loads'} | {res} | {theme} | "
                     f"{GROUP[st['group']]}{'' if cont == '-' else ' (' + cont + ')'} | `{ex}` | {st.get('score')} | "
                     f"{st.get('sumscores', '-') if st['theme'] == 'classic' else 'govuk summary list + tags'} | "
                     f"{st['about']} ({st['demo']}/{st['fin']}) | {st['date']} | {pdf} |")
    return head + "\n" + "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
