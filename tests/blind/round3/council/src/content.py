"""Per-family data model: URLs, page list, facts and prose, built once and shared by the
HTML renderer, the PDF renderers and the answer-key writer."""
import datetime as dt
import posixpath
import re

from data import B, GEN
from prose import STATEMENTS, FRAMEWORK_NAMES, THEMES, Fmt, report_content

PILOT_THEME_SLUG = {1: "1-working-with-people", 2: "2-providing-support", 3: "3-ensuring-safety", 4: "4-leadership"}
PILOT_ST_SLUG = {1: "assessing-needs", 2: "supporting-healthier-lives", 3: "equity-experiences-outcomes",
                 4: "care-provision-integration-continuity", 5: "partnerships-communities",
                 6: "safe-pathways-systems-transitions", 7: "safeguarding",
                 8: "governance-management-sustainability", 9: "learning-improvement-innovation"}
SUFFIX = {1: "needs", 2: "wellbeing", 3: "equity", 4: "care", 5: "partnerships", 6: "pathways",
          7: "safeguarding", 8: "governance", 9: "learning"}


def slugify(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def fmt_date(iso, style):
    d = dt.date.fromisoformat(iso)
    if style == "short":
        return d.strftime("%-d %b %Y")
    if style == "day":
        return d.strftime("%A %-d %B %Y")
    if style == "num":
        return d.strftime("%d/%m/%Y")
    return d.strftime("%-d %B %Y")


def curly(x):
    if isinstance(x, str):
        return x.replace("'", "\u2019")
    if isinstance(x, list):
        return [curly(i) for i in x]
    if isinstance(x, dict):
        return {k: curly(v) for k, v in x.items()}
    return x


def money(v_m, gen):
    """v_m in millions of pounds."""
    if gen in ("p", "v1"):
        return "£{:,}".format(int(round(v_m * 1_000_000, -3)))
    if gen == "v3":
        return "£{:.1f} million".format(v_m)
    return "£{:.1f}m".format(v_m)


class Family:
    def __init__(self, d):
        self.d = d
        self.slug = d["slug"]
        self.council = d["council"]
        self.area = d["area"]
        self.kind = d["kind"]
        self.gen = d["gen"]
        self.st = dict(GEN[self.gen])
        self.st.update(d.get("style") or {})
        self.scores = d["scores"]
        self.rating = d["rating"]
        self.published = d["published"]
        self.group = d["group"]
        self.extra = d.get("extra")
        self.expect = d.get("expect", "loads")
        self.fmt = Fmt(self.st["pct"])
        if self.kind == "pilot":
            self.pct = None
        else:
            known = [v for v in self.scores.values() if v]
            self.pct = d.get("printed_pct") or int(sum(known) / 36 * 100 + 0.5)
        era = "pilot" if self.kind == "pilot" else ("new" if d.get("fin") == "new" else
                                                     ("early" if self.published < "2025-01-01" else "late"))
        self.era = era
        c = report_content(self.slug, "the local authority", self.scores, self.fmt, era,
                           bullets_in=self.st.get("bullets", ()))
        if self.gen == "v3":
            c = curly(c)
        self.c = c
        self.demographics = self._demographics()
        self.financial = self._financial()
        if self.gen == "v3":
            self.demographics = curly(self.demographics)
            self.financial = curly(self.financial)
        self._urls()

    # ------------------------------------------------------------------ names
    def header(self):
        if self.kind == "pilot":
            return f"{self.council} assessment"
        return f"{self.council}: local authority assessment"

    def st_name(self, n):
        if self.d.get("names") == "framework" and n in FRAMEWORK_NAMES:
            return FRAMEWORK_NAMES[n]
        return STATEMENTS[n][1]

    # ------------------------------------------------------------------ urls and pages
    def _urls(self):
        s, base = self.slug, B + "/" + self.slug
        u = {"about": base}
        scheme = self.d["urls"]
        for t in range(1, 5):
            if scheme == "pilot":
                u[f"theme{t}"] = f"{base}/{PILOT_THEME_SLUG[t]}"
            elif scheme == "suffix":
                u[f"theme{t}"] = f"{B}/{s}-theme{t}"
            else:
                u[f"theme{t}"] = f"{base}/theme-{t}-{slugify(THEMES[t])}"
        for n, (t, name) in STATEMENTS.items():
            if scheme == "pilot":
                u[f"st{n}"] = f"{u[f'theme{t}']}/{PILOT_ST_SLUG[n]}"
            elif scheme == "suffix":
                u[f"st{n}"] = f"{B}/{s}-theme{t}-{SUFFIX[n]}"
            else:
                u[f"st{n}"] = f"{base}/quality-statements/{slugify(name)}"
        if scheme == "pilot":
            u["summary"] = base + "/overall-summary"
            u["all"] = base + "/quality-statements"
            u["print"] = base + "/print"
        elif scheme == "suffix":
            u["summary"] = f"{B}/{s}-summary"
            u["all"] = f"{B}/{s}-quality-statements"
            u["print"] = f"{B}/{s}-print"
        else:
            u["summary"] = base + "/summary"
            u["all"] = base + "/quality-statements"
            u["print"] = base + "/print"
        if self.extra == "query":
            u["print"] = base + "?view=single-page"
        self.u = u
        seq = ["about", "summary"]
        if self.group == "statement":
            seq += [f"st{n}" for n in range(1, 10)]
        elif self.group == "theme":
            seq += [f"theme{t}" for t in range(1, 5)]
        else:
            seq += ["all"]
        self.seq = seq
        self.pages = list(seq) + (["print"] if self.extra else [])

    def page_title(self, pid):
        if pid == "about":
            return f"About {self.council}"
        if pid == "summary":
            return "Overall summary"
        if pid.startswith("st"):
            return self.st_name(int(pid[2:]))
        if pid.startswith("theme"):
            return THEMES[int(pid[5:])]
        if pid == "all":
            return "Quality statements"
        return "Full report"

    def updated(self, pid):
        up = self.d.get("updates") or {}
        if pid in up:
            return up[pid]
        if pid.startswith("st"):
            n = int(pid[2:])
            t = STATEMENTS[n][0]
            if f"theme{t}" in up:
                return up[f"theme{t}"]
            if "statements" in up:
                return up["statements"]
        if pid.startswith("theme") and "statements" in up:
            return up["statements"]
        if pid == "all" and "statements" in up:
            return up["statements"]
        if pid == "print":
            return max([self.published] + list(up.values()))
        return self.published

    def last_updated(self):
        return max(self.updated(p) for p in self.pages)

    def href(self, frm, pid_or_url):
        to = self.u.get(pid_or_url, pid_or_url)
        if self.st["links"] == "relative" and to.startswith(B + "/"):
            frm_dir = frm.rsplit("/", 1)[0]
            r = posixpath.relpath(to, frm_dir)
            if r == "." or r.startswith("./") or r == "":
                r = "../" + to.rsplit("/", 1)[1]
            return r
        return to

    # ------------------------------------------------------------------ facts
    def _demographics(self):
        m = self.d["demo"]
        p = self.fmt.pct
        a = self.area
        items = [
            ("Population", m["pop"], f"{a} has a population of around {m['pop']} people."),
            ("Deprivation", f"Decile {m['decile']} (ranked {m['rank']} of 153, where 1 is the most deprived)",
             f"{a} is in deprivation decile {m['decile']} and is ranked {m['rank']} of 153 local authorities, where 1 is the most deprived."),
            ("People aged 65 and over", f"{p(m['age'])} (England: {p(18.4)})",
             f"{p(m['age'])} of people in {a} are aged 65 or over, compared with {p(18.4)} in England."),
            ("Ethnicity", f"{p(m['white'])} White, {p(100 - m['white'])} from Asian, Black, mixed or other ethnic groups (England: {p(81.0)} White)",
             f"{p(100 - m['white'])} of people in {a} are from Asian, Black, mixed or other ethnic groups, compared with {p(19.0)} in England."),
        ]
        pol = m["politics"]
        items.append(("Political control", pol,
                      "No single party has overall control of the council." if pol == "No overall control"
                      else f"The council is under {pol} control."))
        return items

    def _financial(self):
        g, k, d = self.gen, self.d.get("fin"), self.d["demo"]
        pop = int(d["pop"].replace(",", ""))
        p = self.fmt.pct
        if self.kind == "pilot":
            tot_e = pop * 0.00118
            tot_a = tot_e * 1.021
            asc_e = tot_e * 0.37
            asc_a = asc_e * 1.034
            share = asc_a / tot_a * 100
            lt = int(pop * 0.0079 // 10 * 10)
            return [
                ("Total budget 2022/23", f"Estimated {money(tot_e, g)}; actual {money(tot_a, g)}",
                 f"The local authority estimated that its total budget for 2022/23 would be {money(tot_e, g)}. Its actual spend for that year was {money(tot_a, g)}, which was {money(tot_a - tot_e, g)} more than estimated."),
                ("Adult social care spend 2022/23", f"Estimated {money(asc_e, g)}; actual {money(asc_a, g)}",
                 f"The local authority estimated that it would spend {money(asc_e, g)} of its total budget on adult social care in 2022/23. Its actual spend was {money(asc_a, g)}."),
                ("Share of budget spent on adult social care", p(share),
                 f"In 2022/23, {p(share)} of the budget was spent on adult social care."),
                ("Adult social care precept", "Raised in 2022/23 (1%)",
                 "The local authority raised the adult social care precept for 2022/23, with a value of 1% over the base line council tax."),
                ("People accessing long-term support", f"Approximately {lt:,}",
                 f"Approximately {lt:,} people were accessing long-term adult social care support in 2022/23."),
            ]
        if k == "leicester":
            return [
                ("Adult social care spend 2023/24", "£172.5m", "In 2023/24 the local authority spent £172.5m on adult social care."),
                ("Share of total budget", "22.89%", "Adult social care spend was 22.89% of the local authority's total budget."),
                ("Difference from estimate", "£15.3m less than estimated", "The actual spend on adult social care was £15.3m less than the estimated spend."),
                ("People in long-term support", "Approximately 4,630", "Approximately 4,630 people were accessing long-term support."),
                ("People in short-term support", "Approximately 1,410", "Approximately 1,410 people were accessing short-term support."),
            ]
        if k == "lancashire":
            return [
                ("Adult social care spend 2023/24", "About £496m", "In 2023/24 the local authority spent about £496m on adult social care."),
                ("Share of net budget", "About 45%", "This was about 45% of its net budget."),
                ("Difference from estimate", "£12.9m more than estimated", "The actual spend on adult social care was £12.9m more than the estimated spend."),
                ("People in long-term support", "About 23,000", "About 23,000 people were accessing long-term support."),
                ("People in short-term support", "Over 5,500", "Over 5,500 people were accessing short-term support."),
            ]
        if k == "new":
            gross = pop * 0.00074
            return [
                ("Gross current expenditure on adult social care 2024/25", money(gross, "v3"),
                 f"Gross current expenditure on adult social care in 2024/25: {money(gross, 'v3')}"),
                ("Net expenditure per adult aged 18 and over", f"£{int(gross * 1e6 * 0.62 / (pop * 0.8)):,}",
                 f"Net expenditure per adult aged 18 and over: £{int(gross * 1e6 * 0.62 / (pop * 0.8)):,}"),
                ("Adult social care as a share of core spending power", p(41.3 if pop > 600000 else 38.6),
                 f"Adult social care as a share of core spending power: {p(41.3 if pop > 600000 else 38.6)}"),
                ("Clients receiving long-term support during the year", f"{int(pop * 0.0121):,}",
                 f"Clients receiving long-term support during the year: {int(pop * 0.0121):,}"),
                ("Requests for support from new clients", f"{int(pop * 0.0339):,}",
                 f"Requests for support from new clients: {int(pop * 0.0339):,}"),
                ("Carers receiving direct support", f"{int(pop * 0.0041):,}",
                 f"Carers receiving direct support: {int(pop * 0.0041):,}"),
                (None, None, "Figures are taken from the local authority's ASC-FR and CLD returns for 2024/25, published by NHS England in December 2025."),
            ]
        # formal 2023/24 generation
        asc = pop * 0.00041
        share = 100 * asc / (pop * 0.00131)
        diff = asc * 0.031
        lt = int(pop * 0.0098 // 10 * 10)
        stt = int(pop * 0.0029 // 10 * 10)
        under = self.slug[0] in "dhwWsSc"
        word = "less" if under else "more"
        return [
            ("Adult social care spend 2023/24", money(asc, g), f"In 2023/24 the local authority spent {money(asc, g)} on adult social care."),
            ("Share of total budget", p(share), f"Adult social care spend was {p(share)} of the local authority's total budget."),
            ("Difference from estimate", f"{money(diff, g)} {word} than estimated",
             f"The actual spend on adult social care was {money(diff, g)} {word} than the estimated spend."),
            ("People in long-term support", f"Approximately {lt:,}", f"Approximately {lt:,} people were accessing long-term support."),
            ("People in short-term support", f"Approximately {stt:,}", f"Approximately {stt:,} people were accessing short-term support."),
        ]

    def facts_style(self, which):
        if which == "financial" and self.d.get("fin") == "new":
            return "sentences"
        return self.st["facts"]

    def facts_key(self, which):
        items = self.demographics if which == "demographics" else self.financial
        style = self.facts_style(which)
        out = []
        for label, value, sentence in items:
            if style == "sentences" or label is None:
                out.append({"text": sentence})
            else:
                out.append({"label": label, "value": value})
        return out
