#!/usr/bin/env python3
"""Usage: bench/index_dump.py INDEX.sqlite OUT.txt

Dump an index as text: term tables decoded (ids replaced by stems and
spellings, deals by path), every other table row by row, sorted."""
import sqlite3, sys

def varints(b):
    i, out = 0, []
    while i < len(b):
        v = s = 0
        while True:
            c = b[i]; i += 1
            v |= (c & 0x7F) << s
            if c < 0x80: break
            s += 7
        out.append(v)
    return out

db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
out = open(sys.argv[2], "w")
stems = dict(db.execute("SELECT id, stem FROM term_stems"))
spell = {i: (stems[s], sp) for i, s, sp in db.execute("SELECT id, stem, spelling FROM term_spellings")}
paths = dict(db.execute("SELECT rowid, path FROM deals"))
for t in ("deal_quote_terms", "deal_body_terms"):
    rows = []
    for deal, blob in db.execute(f"SELECT deal, terms FROM {t}"):
        v = varints(blob); stem = 0; ents = []
        for k in range(0, len(v), 3):
            stem += v[k]
            st, sp = spell[v[k+1]]
            assert st == stems[stem], (t, deal)
            ents.append(f"{st}\t{sp}\t{v[k+2]}")
        rows.append(paths[deal] + "\n  " + "\n  ".join(sorted(ents)))
    out.write(f"## {t} {len(rows)}\n" + "\n".join(sorted(rows)) + "\n")
out.write("## term_stems\n" + "\n".join(sorted(f"{s}\t{q}\t{b}" for s, q, b in db.execute("SELECT stem, quotes, bodies FROM term_stems"))) + "\n")
out.write("## term_spellings\n" + "\n".join(sorted(f"{a}\t{b}" for a, b in spell.values())) + "\n")
out.write("## term_totals\n" + "\n".join(sorted(map(str, db.execute("SELECT * FROM term_totals")))) + "\n")
skip = {"deal_quote_terms", "deal_body_terms", "term_stems", "term_spellings", "term_totals"}
for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"):
    if name in skip: continue
    try:
        rows = db.execute(f'SELECT * FROM "{name}"').fetchall()
    except sqlite3.Error as e:
        out.write(f"## {name} unreadable: {e}\n"); continue
    out.write(f"## {name} {len(rows)}\n")
    for r in sorted(rows, key=repr):
        out.write(repr(r) + "\n")
