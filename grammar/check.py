#!/usr/bin/env python3
"""Checks the formal grammar of the dealq query language against its examples.

    python3 grammar/check.py                 every example parses, every invalid query fails
    python3 grammar/check.py --sexp FILE...  print FILE:LINE<TAB>S-expression for each example query
    python3 grammar/check.py --query TEXT    print the S-expression of one query
    python3 grammar/check.py --lines         for each stdin line, print its S-expression or "error"

Example files (grammar/examples/*.txt) hold one query per line; blank lines
and lines starting with `#` are skipped. Invalid files (grammar/invalid/*.txt)
hold one query on line 1 and, below it, the exact error the Swift parser
prints (checked by the Swift tests; here only the failure is checked).

The S-expression is the canonical form shared with the Swift parser's
`SExpression` printer; the Swift test suite compares the two for every example:

    (query VERB (filters F...) (by "facet"...) [(sort "field" asc|desc)] [(limit V)] [(weight V)] [(in V)])
    F = (word "t") | (phrase "t") | (prefix "stem")
      | (one-of "facet" V...) | (range "facet" V|nil V|nil) | (compare "facet" OP V)
      | (has "facet") | (since V) | (before V)
      | (not F) | (and F F...) | (or F F...)
    V = "text" (bare) | (quoted "text")

Needs Lark: python3 -m pip install lark
"""

import os
import re
import sys

try:
    from lark import Lark, Tree
    from lark.exceptions import LarkError
except ImportError:  # pragma: no cover
    sys.stderr.write("check.py: the Python package 'lark' is missing (python3 -m pip install lark)\n")
    sys.exit(3)

HERE = os.path.dirname(os.path.abspath(__file__))


class SideConditionError(Exception):
    """A rule beyond the context-free grammar (documented in query.lark)."""


def load_parser():
    with open(os.path.join(HERE, "query.lark"), encoding="utf-8") as f:
        return Lark(f.read(), parser="lalr", lexer="contextual", start="start")


def quote(text):
    out = ['"']
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20:
            out.append("\\x%02x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def sexp(node):
    """Renders a nested tuple/list structure: tuples are lists, str atoms are symbols."""
    if isinstance(node, tuple):
        return "(" + " ".join(sexp(x) for x in node) + ")"
    return node


def value(tree):
    text = str(tree.children[0])
    if tree.data == "quoted":
        return ("quoted", quote(text[1:-1]))
    return quote(text)


_CMP = re.compile(r"^(.*?)(>=|<=|!=|>|<|=)$")


def filter_node(tree):
    kind = tree.data
    c = tree.children
    if kind == "word":
        return ("word", quote(str(c[0])))
    if kind == "prefix":
        return ("prefix", quote(str(c[0])[:-1]))
    if kind == "phrase":
        return ("phrase", quote(str(c[0])[1:-1]))
    if kind == "negation":
        return ("not", filter_node(c[0]))
    if kind == "group":
        items = [item for conj in c for item in conj_items(conj)]
        return items[0] if len(items) == 1 else ("and",) + tuple(items)
    if kind == "one_of":
        return ("one-of", quote(str(c[0])[:-1])) + tuple(value(v) for v in c[1:])
    if kind == "range_closed":
        return ("range", quote(str(c[0])[:-1]), value(c[1]), value(c[3]))
    if kind == "range_from":
        return ("range", quote(str(c[0])[:-1]), value(c[1]), "nil")
    if kind == "range_to":
        return ("range", quote(str(c[0])[:-1]), "nil", value(c[2]))
    if kind == "compare":
        name, op = _CMP.match(str(c[0])).groups()
        return ("compare", quote(name), op, value(c[1]))
    if kind == "has":
        return ("has", quote(str(c[1])))
    if kind == "since":
        return ("since", value(c[1]))
    if kind == "before":
        return ("before", value(c[1]))
    raise AssertionError("unknown node " + kind)


def disj(tree):
    items = [filter_node(x) for x in tree.children]
    return items[0] if len(items) == 1 else ("or",) + tuple(items)


def conj_items(tree):
    return [disj(x) for x in tree.children]


def query_sexp(tree):
    verb = "deals"
    filters, by = [], []
    sort = limit = weight = compared = None
    for child in tree.children:
        if child.data == "verb":
            verb = str(child.children[0])
        elif child.data == "by_clause":
            by += [quote(str(t)) for t in child.children]
        elif child.data == "sort_option":
            if sort is not None:
                raise SideConditionError("'sort:' is given twice")
            text = str(child.children[1])
            if len(text) > 4 and text.lower().endswith("-asc"):
                sort = ("sort", quote(text[:-4]), "asc")
            else:
                sort = ("sort", quote(text), "desc")
        elif child.data == "limit_option":
            if limit is not None:
                raise SideConditionError("'limit:' is given twice")
            limit = ("limit", quote(str(child.children[1])))
        elif child.data == "weight_option":
            if weight is not None:
                raise SideConditionError("'weight:' is given twice")
            weight = ("weight", quote(str(child.children[1])))
        elif child.data == "in_option":
            if compared is not None:
                raise SideConditionError("'in:' is given twice")
            compared = ("in", quote(str(child.children[1])))
        elif child.data == "conj":
            filters += conj_items(child)
        else:
            raise AssertionError("unknown clause " + child.data)
    parts = ["query", verb, ("filters",) + tuple(filters), ("by",) + tuple(by)]
    if sort:
        parts.append(sort)
    if limit:
        parts.append(limit)
    if weight:
        parts.append(weight)
    if compared:
        parts.append(compared)
    return sexp(tuple(parts))


def parse(parser, text):
    return query_sexp(parser.parse(text))


def example_queries(path):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f.read().split("\n"), start=1):
            if line == "" or line.startswith("#"):
                continue
            yield number, line


def invalid_query(path):
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n", 1)[0]


def txt_files(folder):
    root = os.path.join(HERE, folder)
    return sorted(os.path.join(root, n) for n in os.listdir(root) if n.endswith(".txt"))


def check_all(parser):
    failures = 0
    examples = 0
    for path in txt_files("examples"):
        for number, query in example_queries(path):
            examples += 1
            try:
                parse(parser, query)
            except (LarkError, SideConditionError) as e:
                failures += 1
                first = str(e).strip().split("\n")[0]
                print(f"{os.path.relpath(path)}:{number}: should parse but fails: {query!r}: {first}")
    invalids = 0
    for path in txt_files("invalid"):
        invalids += 1
        query = invalid_query(path)
        try:
            result = parse(parser, query)
        except (LarkError, SideConditionError):
            continue
        failures += 1
        print(f"{os.path.relpath(path)}: should fail but parses: {query!r} -> {result}")
    print(f"{examples} examples, {invalids} invalid queries, {failures} failures")
    return 1 if failures else 0


def main(argv):
    parser = load_parser()
    if not argv:
        return check_all(parser)
    if argv[0] == "--query" and len(argv) == 2:
        try:
            print(parse(parser, argv[1]))
        except (LarkError, SideConditionError) as e:
            print("error: " + str(e).strip().split("\n")[0], file=sys.stderr)
            return 1
        return 0
    if argv == ["--lines"]:
        lines = sys.stdin.buffer.read().decode("utf-8").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        out = []
        for query in lines:
            try:
                out.append(parse(parser, query))
            except (LarkError, SideConditionError):
                out.append("error")
        sys.stdout.buffer.write(("\n".join(out) + "\n").encode("utf-8"))
        return 0
    if argv[0] == "--sexp":
        status = 0
        for path in argv[1:]:
            for number, query in example_queries(path):
                try:
                    print(f"{path}:{number}\t{parse(parser, query)}")
                except (LarkError, SideConditionError) as e:
                    status = 1
                    first = str(e).strip().split("\n")[0]
                    print(f"{path}:{number}: error: {first}", file=sys.stderr)
        return status
    print(__doc__.strip().split("\n\n")[0], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
