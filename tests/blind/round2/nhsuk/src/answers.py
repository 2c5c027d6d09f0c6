"""Answer keys, written from the content model (never from the rendered HTML)."""
import bank

PAIR_FORMS = {"summary", "dl", "table"}


def statements_key(m):
    out = {}
    for i in range(1, 10):
        st = m["statements"][i]
        kf = []
        for head, blocks in st["findings"]:
            paras = []
            for kind, val in blocks:
                if kind == "p":
                    paras.append(val)
                else:
                    paras.extend(val)
            kf.append({"heading": head, "paragraphs": paras})
        out[str(i)] = {"what_people_expect": list(st["expect"]), "commitment": st["commitment"], "key_findings": kf}
    return out


def items_key(items, form):
    res = []
    for x in items:
        if form in PAIR_FORMS and "label" in x:
            res.append({"label": x["label"], "value": x["value"]})
        else:
            res.append({"text": x["text"]})
    return res


def key_for(m, style_cls, pdf):
    pilot = m["kind"] == "pilot"
    k = {
        "slug": m["slug"],
        "url": m["url_about"],
        "council": m["council"],
        "la_code": m["la_code"],
        "kind": m["kind"],
        "expect": m["expect"],
        "published": m["published"],
        "last_updated": m["last_updated"],
        "rating": m["rating"],
        "overall_pct": None if pilot else m["pct"],
        "scores": {str(i): s for i, s in m["scores_d"].items() if s is not None},
        "statements": statements_key(m),
        "people_experience": list(m["people"]),
        "demographics": items_key(m["demo"], style_cls.demo_form),
        "financial_facts": items_key(m["fin"], style_cls.fin_form),
        "pdf": None,
    }
    if pdf:
        k["pdf"] = {"url": pdf["url"], "engine": pdf["engine"], "carries": pdf["carries"]}
    return k
