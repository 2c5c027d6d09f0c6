"""Build the content model of each family (the single source for pages, PDFs and keys)."""
import random, re, datetime
from fractions import Fraction
import bank
from families import FAMILIES

LISTING = "/care-services/local-authority-assessment-reports"

STMT_SLUGS = {
    "suffix": ["theme1-needs", "theme1-healthier-lives", "theme1-equity", "theme2-care",
               "theme2-partnerships", "theme3-pathways", "theme3-safeguarding",
               "theme4-governance", "theme4-learning"],
    "path": ["1-working-with-people/assessing-needs",
             "1-working-with-people/supporting-people-to-live-healthier-lives",
             "1-working-with-people/equity-in-experience-and-outcomes",
             "2-providing-support/care-provision-integration-and-continuity",
             "2-providing-support/partnership-and-communities",
             "3-ensuring-safety/safe-pathways-systems-and-transitions",
             "3-ensuring-safety/safeguarding",
             "4-leadership/governance-management-and-sustainability",
             "4-leadership/learning-improvement-innovation"],
    "flat": ["assessing-needs", "healthier-lives", "equity-experience-outcomes",
             "care-provision-integration-continuity", "partnership-communities",
             "safe-pathways-systems-transitions", "safeguarding",
             "governance-management-sustainability", "learning-improvement-innovation"],
}
THEME_SLUGS = {
    "suffix": ["-theme1", "-theme2", "-theme3", "-theme4"],
    "path": ["/1-working-with-people", "/2-providing-support", "/3-ensuring-safety", "/4-leadership"],
    "flat": ["/theme-1", "/theme-2", "/theme-3", "/theme-4"],
}


def pct_of(total):
    f = Fraction(total * 100, 36)
    return int(f + Fraction(1, 2))  # halves up


def band_of(pct):
    if pct >= 88:
        return "Outstanding"
    if pct >= 63:
        return "Good"
    if pct >= 39:
        return "Requires improvement"
    return "Inadequate"


def d(iso):
    return datetime.date.fromisoformat(iso)


def fill(text, rng, short):
    def rep(m):
        kind, a, b = m.group(1), int(m.group(2)), int(m.group(3))
        if kind == "P":
            return "%d%%" % rng.randint(a, b)
        if kind == "Q":
            return "%.2f%%" % (rng.randint(a * 100, b * 100) / 100)
        if kind == "N":
            return "{:,}".format(rng.randint(a, b))
        return str(rng.randint(a, b))
    text = re.sub(r"\{([PQNWD]):(\d+)-(\d+)\}", rep, text)
    return text.replace("{LA}", short)


def statement_content(fam, i, score, rng):
    short = fam["short"]
    expect = list(bank.EXPECT[i])
    heads = list(bank.FINDINGS[i])
    if rng.random() < 0.35:
        drop = rng.randrange(len(heads))
        heads = heads[:drop] + heads[drop + 1:]
    findings = []
    if fam.get("lead_para"):
        tone = "is" if (score or 2) >= 3 else "was not always"
        findings.append((None, [("p", "We looked at how {} meets its duties for this quality statement. Overall, what we found {} consistent with people's experiences.".format(fam["council"], tone))]))
    for (h, good, weak, items) in heads:
        s = score or 2
        if s >= 3:
            paras = [good[0], good[1]]
        elif s == 1:
            paras = [weak[0], weak[1]]
        else:
            paras = [weak[0], good[1]] if rng.random() < 0.5 else [weak[0], weak[1]]
        blocks = [("p", fill(p, rng, short)) for p in paras]
        if items and rng.random() < 0.6:
            blocks.insert(1, ("ul", list(items)))
        findings.append((h, blocks))
    return dict(num=i, name=bank.STATEMENTS[i], score=score, expect=expect,
                commitment=bank.COMMIT[i], findings=findings)


def demographics(fam):
    short = fam["short"]
    dec, rank = fam["imd"]
    a, ae = fam["age65"]
    x, xe = fam["eth"]
    return [
        dict(label="Population", value=fam["pop"],
             text="The population of {} is {}.".format(short, fam["pop"])),
        dict(label="Deprivation decile", value="{} (1 is the most deprived, 10 the least deprived)".format(dec),
             text="{} is in deprivation decile {}, where 1 is the most deprived and 10 the least deprived.".format(short, dec)),
        dict(label="Deprivation rank", value="{} out of 153".format(rank),
             text="It is ranked {} out of 153 local authorities for deprivation, where 1 is the most deprived.".format(rank)),
        dict(label="People aged 65 and over", value="{:.1f}% (England {:.1f}%)".format(a, ae),
             text="{:.1f}% of the population are aged 65 and over, compared with {:.1f}% across England.".format(a, ae)),
        dict(label="People from ethnic minority groups", value="{:.1f}% (England {:.1f}%)".format(x, xe),
             text="{:.1f}% of the population are from Black, Asian, mixed or other ethnic minority groups, compared with {:.1f}% across England.".format(x, xe)),
        dict(label="Political control", value=fam["pol"],
             text="The council is under {} control.".format(fam["pol"])),
    ]


def money_exact(n):
    return "£{:,}".format(n)


def financial(fam, rng):
    pop = int(fam["pop"].replace(",", ""))
    if fam["kind"] == "pilot":
        tb_est = int(pop * rng.uniform(1500, 2600)) // 1000 * 1000
        tb_act = tb_est + int(tb_est * rng.uniform(-0.02, 0.04)) // 1000 * 1000
        as_est = int(tb_est * rng.uniform(0.22, 0.36)) // 1000 * 1000
        as_act = as_est + int(as_est * rng.uniform(-0.02, 0.05)) // 1000 * 1000
        share = as_act / tb_act * 100
        more = lambda a, b: ("more" if a >= b else "less")
        prec = rng.choice(["1%", "2%"])
        lt = "{:,}".format(int(pop * rng.uniform(0.008, 0.013)) // 10 * 10)
        items = [
            "The local authority estimated that in 2022/23 its total budget would be {}. Its actual spend for that year was {}, which was {} {} than estimated.".format(
                money_exact(tb_est), money_exact(tb_act), money_exact(abs(tb_act - tb_est)), more(tb_act, tb_est)),
            "The local authority estimated that it would spend {} of its total budget on adult social care in 2022/23. Its actual spend was {}, which was {} {} than estimated.".format(
                money_exact(as_est), money_exact(as_act), money_exact(abs(as_act - as_est)), more(as_act, as_est)),
            "In 2022/23, {:.2f}% of the budget was spent on adult social care.".format(share),
            "The local authority has raised the adult social care precept for 2022/23, with a value of {}. Please note that the amount raised through the precept varies between local authorities.".format(prec),
            "Approximately {} people were accessing long-term adult social care support in 2022/23.".format(lt),
        ]
        return [dict(text=t) for t in items]
    if fam.get("fin_text"):
        return [dict(text=t) for t in fam["fin_text"]]
    if fam.get("newfin"):
        spend = round(pop * rng.uniform(420, 560) / 1e6, 1)
        return [
            dict(label="Net adult social care expenditure, 2024/25", value="£{:.1f} million".format(spend)),
            dict(label="Expenditure per adult aged 18 and over", value="£{:,}".format(rng.randint(520, 880))),
            dict(label="Share of the council's net revenue expenditure", value="{:.1f}%".format(rng.randint(300, 460) / 10)),
            dict(label="People receiving long-term support during the year", value="{:,}".format(int(pop * rng.uniform(0.009, 0.014)))),
            dict(label="Requests for support from new clients", value="{:,}".format(int(pop * rng.uniform(0.03, 0.05)))),
            dict(label="Unpaid carers supported directly by the council", value="{:,}".format(int(pop * rng.uniform(0.003, 0.007)))),
        ]
    fx = fam.get("fin_fixed") or dict(
        spend="£{:.1f}m".format(round(pop * rng.uniform(330, 470) / 1e6, 1)),
        share="{:.2f}%".format(rng.randint(1800, 4200) / 100),
        diff="£{:.1f}m".format(round(pop * rng.uniform(5, 25) / 1e6, 1)),
        diff_dir=rng.choice(["more", "less"]),
        lt="{:,}".format(int(pop * rng.uniform(0.009, 0.014))),
        st="{:,}".format(int(pop * rng.uniform(0.002, 0.004))))
    return [
        dict(label="Adult social care spend, 2023/24", value=fx["spend"],
             text="The local authority spent {} on adult social care in 2023/24.".format(fx["spend"])),
        dict(label="Share of the total budget", value=fx["share"],
             text="This was {} of its total budget.".format(fx["share"])),
        dict(label="Difference from estimated spend", value="{} {} than estimated".format(fx["diff"], fx["diff_dir"]),
             text="Its actual spend on adult social care was {} {} than it had estimated.".format(fx["diff"], fx["diff_dir"])),
        dict(label="People receiving long-term support", value=fx["lt"],
             text="Approximately {} people were receiving long-term adult social care support in 2023/24.".format(fx["lt"])),
        dict(label="People receiving short-term support", value=fx["st"],
             text="Approximately {} people were receiving short-term adult social care support in 2023/24.".format(fx["st"])),
    ]


def build_pages(fam):
    base = LISTING + "/" + fam["slug"]
    sc = fam["scheme"]
    pages = [dict(id="about", url=base, title="About " + fam["council"], stmts=[])]
    summ = {"suffix": base + "-summary", "path": base + "/overall-summary", "flat": base + "/summary"}[sc]
    pages.append(dict(id="summary", url=summ, title="Overall summary", stmts=[]))
    g = fam["grouping"]
    if g == "statement":
        for i in range(1, 10):
            sep = "-" if sc == "suffix" else "/"
            pages.append(dict(id="qs%d" % i, url=base + sep + STMT_SLUGS[sc][i - 1],
                              title=bank.STATEMENTS[i], stmts=[i]))
    elif g == "theme":
        for t, (tname, nums) in enumerate(bank.THEMES):
            pages.append(dict(id="theme%d" % (t + 1), url=base + THEME_SLUGS[sc][t],
                              title="Theme {}: {}".format(t + 1, tname), theme=tname, stmts=nums))
    else:
        url = {"suffix": base + "-quality-statements", "path": base + "/quality-statements",
               "flat": base + "/findings"}[sc]
        title = {"suffix": "Quality statements", "path": "Quality statements", "flat": "Assessment findings"}[sc]
        pages.append(dict(id="all", url=url, title=title, stmts=list(range(1, 10))))
    for p in pages:
        default = fam["published"] if fam["page_updates"] else fam["updated"]
        p["updated"] = fam["page_updates"].get(p["id"], default)
    return pages


def build_model(fam):
    rng = random.Random(fam["slug"])
    m = dict(fam)
    scores = {i + 1: s for i, s in enumerate(fam["scores"])}
    m["scores_d"] = scores
    if all(s is not None for s in scores.values()):
        total = sum(scores.values())
        m["total"] = total
        m["pct"] = pct_of(total)
        m["rating"] = band_of(m["pct"])
    else:
        m["total"] = None
        m["pct"] = None
        m["rating"] = None
    if fam["kind"] == "pilot":
        m["pct"] = None  # pilots publish no overall percentage
    if fam["printed_pct"] is not None:
        m["pct"] = fam["printed_pct"]
    if fam["printed_rating"] is not None:
        m["rating"] = fam["printed_rating"]
    m["statements"] = {i: statement_content(fam, i, scores[i], rng) for i in range(1, 10)}
    tone = {"Outstanding": bank.PEOPLE_GOOD, "Good": bank.PEOPLE_GOOD,
            "Requires improvement": bank.PEOPLE_WEAK, "Inadequate": bank.PEOPLE_BAD}[m["rating"]]
    m["people"] = [fill(p, rng, fam["short"]) for p in tone]
    m["strengths"] = list(bank.STRENGTHS_GOOD if m["rating"] in ("Good", "Outstanding") else bank.STRENGTHS_WEAK)
    m["demo"] = demographics(fam)
    m["fin"] = financial(fam, rng)
    m["pages"] = build_pages(fam)
    m["url_about"] = m["pages"][0]["url"]
    m["last_updated"] = max(p["updated"] for p in m["pages"]) if m["pages"] else None
    m["header"] = (fam["council"] + " assessment") if fam["kind"] == "pilot" else (fam["council"] + ": local authority assessment")
    return m


MODELS = [build_model(f) for f in FAMILIES]
BY_SLUG = {m["slug"]: m for m in MODELS}
