#!/usr/bin/env python3
"""Sanity report for a generated corpus: contract checks and win-rate signal.

usage: bench/corpus-stats.py DIR [--limit N] [--every K]

Reads DIR/dealq.yml and every deal under DIR (needs PyYAML), checks the
front matter against the rules in the corpus contract that the generator
is meant to follow, and prints win rates by topic, competitor, segment and
quarter, so a reviewer can see the generated data carries real signal.
It is an independent reading, not the dealq indexer.
"""
import os
import re
import sys
from collections import Counter, defaultdict
from decimal import Decimal

import yaml

OUTCOMES = {
    "won": "won", "closed won": "won", "closed-won": "won", "closed_won": "won",
    "lost": "lost", "closed lost": "lost", "closed-lost": "lost", "closed_lost": "lost",
    "churned": "churned", "churn": "churned",
}
MONEY = re.compile(r"^(\d+(?:\.\d+)?)([km]?)$", re.I)
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Loader(yaml.SafeLoader):
    pass


# Keep dates and numbers as the text the file has where it matters.
Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda l, n: l.construct_scalar(n))


def money(v):
    if v is None or v == "":
        return None
    if isinstance(v, (int, float)):
        return Decimal(str(v))
    s = str(v).strip().replace("$", "").replace(",", "").strip()
    m = MONEY.match(s)
    if not m:
        raise ValueError(f"bad acv {v!r}")
    mult = {"": 1, "k": 1000, "m": 1000000}[m.group(2).lower()]
    return Decimal(m.group(1)) * mult


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    root = args[0]
    limit = int(args[args.index("--limit") + 1]) if "--limit" in args else None
    cfg = yaml.safe_load(open(os.path.join(root, "dealq.yml"), encoding="utf-8"))
    topics = {t: [re.compile(p, re.I) for p in pats] for t, pats in cfg["topics"].items()}
    canon = {}
    for name, aliases in cfg["aliases"]["competitor"].items():
        canon[name.lower()] = name
        for a in aliases:
            canon[a.lower()] = name

    paths = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if not x.startswith("."))
        paths += [os.path.join(d, f) for f in sorted(files) if f.endswith(".md") and not f.startswith(".")]
    paths.sort()
    every = int(args[args.index("--every") + 1]) if "--every" in args else 1
    paths = paths[::every]
    if limit:
        paths = paths[:limit]

    problems = []
    nondeals = 0
    by = defaultdict(lambda: defaultdict(Counter))
    total = Counter()
    quotes = 0
    ids = set()
    sizes = []
    keys = Counter()
    for p in paths:
        raw = open(p, "rb").read()
        sizes.append(len(raw))
        text = raw.decode("utf-8-sig")
        lines = [l[:-1] if l.endswith("\r") else l for l in text.split("\n")]
        if lines[0] != "---":
            nondeals += 1
            continue
        end = next(i for i in range(1, len(lines)) if lines[i] in ("---", "..."))
        fm = yaml.load("\n".join(lines[1:end]), Loader=Loader)
        body = "\n".join(lines[end + 1:])
        keys.update(fm.keys())
        rel = os.path.relpath(p, root)
        o = OUTCOMES.get(str(fm["outcome"]).strip().lower())
        if o is None:
            problems.append(f"{rel}: outcome {fm['outcome']!r}")
        if not DATE.match(str(fm["closed"])):
            problems.append(f"{rel}: closed {fm['closed']!r}")
        if fm["id"] in ids:
            problems.append(f"{rel}: duplicate id")
        ids.add(fm["id"])
        try:
            acv = money(fm.get("acv"))
        except ValueError as e:
            problems.append(f"{rel}: {e}")
            acv = None
        ws = [d.get("weight") for d in fm.get("drivers") or []]
        if ws and any(w is None for w in ws) and not all(w is None for w in ws):
            problems.append(f"{rel}: some weights missing")
        if ws and all(w is not None for w in ws):
            s = sum(Decimal(str(w)) for w in ws)
            if not (Decimal("0.99") <= s <= Decimal("1.01")) and s <= 0:
                problems.append(f"{rel}: weights sum {s}")
        c = fm.get("confidence")
        if c is not None and not (0 <= c <= 1):
            problems.append(f"{rel}: confidence {c}")
        for ins in fm.get("insights") or []:
            if str(ins["label"]).lower() not in ("gap", "advantage", "bug", "requested"):
                problems.append(f"{rel}: insight label {ins['label']!r}")
        blines = lines[end + 1:]
        quotes += sum(1 for i, l in enumerate(blines) if l.startswith(">") and (i == 0 or not blines[i - 1].startswith(">")))
        found = {t for t, pats in topics.items() if any(r.search(body) for r in pats)}
        found |= {str(t).lower() for t in (fm.get("topics") or [])}
        comps = fm.get("competitors") or {}
        prim = canon.get(str(comps.get("primary", "")).lower(), comps.get("primary"))
        seg = fm.get("segment")
        q = str(fm["closed"])[:4] + "Q" + str((int(str(fm["closed"])[5:7]) - 1) // 3 + 1)
        if o is None:
            continue
        total[o] += 1
        for t in found:
            by["topic"][t][o] += 1
        by["competitor"][prim][o] += 1
        by["segment"][seg][o] += 1
        by["quarter"][q][o] += 1
        band = "unknown" if acv is None else "<50k" if acv < 50000 else "50k-250k" if acv < 250000 else ">=250k"
        by["acv"][band][o] += 1
        by["interviewed"]["interview" in (fm.get("sources") or [])][o] += 1

    deals = sum(total.values())
    print(f"files: {len(paths)}  deals: {deals}  non-deals: {nondeals}  quotes: {quotes}")
    print(f"mean file size: {sum(sizes) / max(1, len(sizes)):.0f} bytes")
    print(f"outcomes: {dict(total)}")
    print(f"front-matter keys: {dict(keys)}")
    print(f"contract problems: {len(problems)}")
    for pr in problems[:20]:
        print("  " + pr)

    def rate(c):
        d = c["won"] + c["lost"]
        return (100.0 * c["won"] / d) if d else float("nan")

    overall = rate(total)
    print(f"\noverall win rate (won / (won + lost)): {overall:.1f}%")
    for facet in ("topic", "competitor", "segment", "acv", "quarter", "interviewed"):
        print(f"\nwin rate by {facet}:")
        rows = by[facet]
        order = sorted(rows, key=str) if facet == "quarter" else sorted(rows, key=lambda k: -rate(rows[k]))
        for k in order:
            c = rows[k]
            print(f"  {str(k):<18} deals {sum(c.values()):>7}  win {rate(c):5.1f}%  churned {c['churned']:>6}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
