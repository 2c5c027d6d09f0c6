"""Answer keys, written from the same data the pages and PDFs render (never from the HTML)."""
import copy
import json
import os

from data import BASE, FAMILIES
import pdfs


def build(allu, site):
    d = os.path.join(site, "answers")
    os.makedirs(d, exist_ok=True)
    for f in FAMILIES:
        u = allu[f["slug"]]
        pilot = f["kind"] == "pilot"
        loads = f["expect"] == "loads"
        key = {
            "slug": f["slug"],
            "url": f"{BASE}/{f['slug']}",
            "council": f["council"],
            "la_code": f["la_code"],
            "kind": f["kind"],
            "expect": f["expect"],
            "published": f["published"],
            "last_updated": f["updated"],
            "rating": f["rating"] if loads else f["shown_rating"],
            "overall_pct": None if pilot else (f["pct"] if loads else f["shown_pct"]),
            "scores": dict(f["score_map"]),
            "statements": copy.deepcopy(f["statements"]),
            "people_experience": list(f["people_experience"]),
            "demographics": copy.deepcopy(f["demographics"]),
            "financial_facts": copy.deepcopy(f["financial_facts"]),
            "pdf": None,
        }
        if u["pdf"]:
            key["pdf"] = {
                "url": u["pdf"],
                "engine": pdfs.ENGINES[f["slug"]],
                "carries": {
                    "rating": f["rating"],
                    "overall_pct": f["pct"],
                    "scores": dict(f["score_map"]),
                    "statements": copy.deepcopy(f["statements"]),
                    "people_experience": list(f["people_experience"]),
                    "demographics": copy.deepcopy(f["demographics"]),
                    "financial_facts": copy.deepcopy(f["financial_facts"]),
                },
            }
        json.dump(key, open(os.path.join(d, f["slug"] + ".json"), "w", encoding="utf-8"), indent=2, ensure_ascii=False)
