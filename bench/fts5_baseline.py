#!/usr/bin/env python3
"""Baseline for the indexing benchmark: a raw FTS5 ingest with no parsing.

usage: bench/fts5_baseline.py CORPUS DB

Finds every *.md file under CORPUS (skipping names that start with '.',
not following symbolic links, as the corpus contract says), and inserts each
whole file, unparsed, as one row of an FTS5 table (porter + unicode61) in a
fresh database, one INSERT per file via executemany inside one transaction.
This is the floor a real indexer is measured against.
"""
import os
import sqlite3
import sys


def files(root):
    for d, dirs, names in os.walk(root):
        dirs[:] = [x for x in dirs if not x.startswith(".")]
        for n in names:
            if n.endswith(".md") and not n.startswith("."):
                p = os.path.join(d, n)
                if not os.path.islink(p):
                    yield p


def bodies(root):
    for p in files(root):
        with open(p, "rb") as f:
            yield (f.read().decode("utf-8", "replace"),)


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    root, db = sys.argv[1], sys.argv[2]
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='porter unicode61')")
    with con:
        con.executemany("INSERT INTO t(body) VALUES (?)", bodies(root))
    n = con.execute("SELECT count(*) FROM t").fetchone()[0]
    con.close()
    print(f"{n} files", file=sys.stderr)


if __name__ == "__main__":
    main()
