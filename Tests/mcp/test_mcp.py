#!/usr/bin/env python3
"""End-to-end test of `dealq mcp` with the official Python MCP client.

Usage: python3 Tests/mcp/test_mcp.py [path/to/dealq]   (default: .build/debug/dealq)

Starts `dealq mcp` over stdio on a copy of the bundled corpus (its index elsewhere, so the
copy must stay byte-identical), and checks: initialize and the listings; every tool; that
the `query` rows equal `dealq --format json` for queries covering every verb; error
results (a misspelt facet, unknown deal ids, a path as an id); protocol errors for unknown
tools, wrong argument types and malformed JSON-RPC; 500 sequential calls without the
latency growing; cancellation; the README's registration as written. Exits 1 on the first failure.
"""
import asyncio
import hashlib
import json
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEALQ = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/dealq"))
TODAY = "2025-12-31"

# At least 15 queries, every verb among them.
QUERIES = [
    "count",
    "count by segment",
    "count by competitor.selected outcome:lost",
    "winrate by topic acv>100k",
    "winrate by quarter since:2024-01-01",
    "winrate by segment weight:acv",
    'winrate competitor:"Acme Analytics"',
    "drivers outcome:lost",
    "drivers outcome:lost by quarter",
    "deals acv>100k sort:acv",
    'deals "security review" -outcome:won sort:acv',
    "quotes implementation acv>100k",
    'quotes competitor:"Acme Analytics" since:90d',
    "insights outcome:lost",
    "audit by rep",
    "prioritize outcome:lost since:1y",
    "deals mismatch:true outcome:lost",
]


def tree_digest(folder):
    digest = hashlib.sha256()
    for base, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(base, name)
            digest.update(os.path.relpath(path, folder).encode())
            with open(path, "rb") as f:
                digest.update(hashlib.sha256(f.read()).digest())
    return digest.hexdigest()


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def text_of(result):
    return "\n".join(c.text for c in result.content if getattr(c, "type", "") == "text")


async def expect_protocol_error(session, name, arguments, what):
    try:
        result = await session.call_tool(name, arguments)
    except Exception as error:  # the client raises on a JSON-RPC error
        return str(error)
    raise AssertionError(f"{what}: expected a protocol error, got is_error={result.is_error}: {text_of(result)[:200]}")


async def session_checks(corpus, db):
    params = StdioServerParameters(command=DEALQ, args=["mcp", "--corpus", corpus, "--db", db],
                                   env={"DEALQ_TODAY": TODAY, "NO_COLOR": "1"})
    async with stdio_client(params) as streams:
        async with ClientSession(*streams) as session:
            init = await session.initialize()
            count = json.loads(subprocess.run([DEALQ, "--corpus", corpus, "--db", db, "--format", "json", "count"],
                                              capture_output=True, text=True, check=True).stdout)[0]["deals"]
            check(f"{count} win-loss deal summaries" in (init.instructions or ""), f"instructions give the deal count: {init.instructions!r}")
            check("language" in init.instructions and "facets" in init.instructions, "instructions say how to begin")

            tools = {t.name: t for t in (await session.list_tools()).tools}
            expected = {"query", "explain", "facets", "language", "saved_queries", "run_saved", "report", "deal"}
            check(set(tools) == expected, f"tools: {sorted(tools)}")
            for tool in tools.values():
                check(tool.output_schema is not None and tool.description, f"{tool.name} has a description and an output schema")
            resources = [r.uri for r in (await session.list_resources()).resources]
            check([str(u) for u in resources] == ["dealq://docs/query-language"], f"resources: {resources}")
            templates = [t.uri_template for t in (await session.list_resource_templates()).resource_templates]
            check(templates == ["dealq://deal/{id}"], f"templates: {templates}")
            prompts = sorted(p.name for p in (await session.list_prompts()).prompts)
            check(prompts == ["competitor-brief", "leadership-brief", "topic-deep-dive"], f"prompts: {prompts}")

            # Every tool.
            language = await session.call_tool("language", {})
            with open(os.path.join(ROOT, "docs/query-language.md")) as f:
                check(language.structured_content["reference"] == f.read(), "language returns docs/query-language.md")
            facets = await session.call_tool("facets", {})
            names = [f["name"] for f in facets.structured_content["facets"]]
            check("competitor" in names and "segment" in names, f"facets: {names}")
            one = await session.call_tool("facets", {"facet": "segment"})
            check(len(one.structured_content["facets"]) == 1 and one.structured_content["facets"][0]["values"], "facets segment")
            explain = await session.call_tool("explain", {"query": "winrate by topic acv>100k"})
            check("SELECT" in explain.structured_content["explanation"], "explain shows the SQL")
            saved = await session.call_tool("saved_queries", {})
            saved_names = [q["name"] for q in saved.structured_content["saved_queries"]]
            check("competitor-brief" in saved_names and "topic-quotes" in saved_names, f"saved queries: {saved_names}")
            run = await session.call_tool("run_saved", {"name": "topic-quotes", "params": {"topic": "implementation"}})
            check(not run.is_error and run.structured_content["answer_rows"] > 0, f"run_saved: {text_of(run)[:300]}")
            for audience in ["leadership", "product", "sales"]:
                report = await session.call_tool("report", {"audience": audience, "filters": "since:2024-01-01"})
                check(not report.is_error and report.structured_content["markdown"].startswith("# "), f"report {audience}")
            sales = await session.call_tool("report", {"audience": "sales", "competitor": "Acme Analytics"})
            check("Acme Analytics" in sales.structured_content["markdown"], "sales report for one competitor")
            deals = await session.call_tool("query", {"query": "deals sort:acv", "limit": 1})
            deal_id = deals.structured_content["rows"][0]["id"]
            check(deals.structured_content["omitted_rows"] == deals.structured_content["answer_rows"] - 1, "omitted rows counted")
            deal = await session.call_tool("deal", {"id": deal_id})
            check(not deal.is_error and f"id: {deal_id}" in deal.structured_content["markdown"], f"deal {deal_id}")
            resource = await session.read_resource(f"dealq://deal/{deal_id}")
            check(resource.contents[0].text == deal.structured_content["markdown"], "the deal resource is the deal's file")
            prompt = await session.get_prompt("competitor-brief", {"competitor": "Acme Analytics"})
            check('quotes competitor:"Acme Analytics"' in prompt.messages[0].content.text, "the prompt lists its queries")

            # The rows equal dealq --format json.
            for query in QUERIES:
                answer = await session.call_tool("query", {"query": query, "limit": 100000})
                check(not answer.is_error, f"{query}: {text_of(answer)[:300]}")
                printed = subprocess.run([DEALQ, "--corpus", corpus, "--db", db, "--today", TODAY, "--format", "json", query],
                                         capture_output=True, text=True, check=True).stdout
                check(answer.structured_content["rows"] == json.loads(printed), f"{query}: rows differ from dealq --format json")
                check(answer.structured_content["omitted_rows"] == 0, f"{query}: nothing left out")

            # Errors the model can correct, and errors that must not reach the file system.
            typo = await session.call_tool("query", {"query": "winrate by competiter"})
            check(typo.is_error and "did you mean" in text_of(typo) and "^" in text_of(typo), f"misspelt facet: {text_of(typo)}")
            for bad_id in ["D-0000-0000", "../../etc/passwd", "/etc/passwd"]:
                missing = await session.call_tool("deal", {"id": bad_id})
                check(missing.is_error and "root:" not in text_of(missing), f"deal {bad_id!r}: {text_of(missing)}")
            await expect_protocol_error(session, "no_such_tool", {}, "unknown tool")
            await expect_protocol_error(session, "query", {"query": 42}, "query as a number")
            await expect_protocol_error(session, "query", {"query": "count", "limit": "ten"}, "limit as a string")
            await expect_protocol_error(session, "deal", {}, "deal without an id")

            # 500 sequential calls: no crash, and no slowdown.
            latencies = []
            for i in range(500):
                query = QUERIES[i % len(QUERIES)]
                started = time.perf_counter()
                answer = await session.call_tool("query", {"query": query, "limit": 20})
                latencies.append(time.perf_counter() - started)
                check(not answer.is_error, f"call {i}: {query}")
            first, last = statistics.median(latencies[:100]), statistics.median(latencies[-100:])
            print(f"500 calls: median of the first 100 {first * 1000:.1f} ms, of the last 100 {last * 1000:.1f} ms")
            check(last <= 2 * first, "the median latency of the last 100 calls is within 2x that of the first 100")


def malformed_checks(corpus, db):
    """Raw JSON-RPC the client library would never send: errors come back, the server lives on."""
    lines = [
        '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},'
        '"clientInfo":{"name":"raw","version":"1"}}}',
        '{"jsonrpc":"2.0","method":"notifications/initialized"}',
        'this is not json',
        '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":"not an object"}',
        '{"jsonrpc":"2.0","id":3,"method":"no/such/method"}',
        '{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"query","arguments":{"query":["count"]}}}',
        '{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"query","arguments":{"query":"count"}}}',
    ]
    process = subprocess.run([DEALQ, "mcp", "--corpus", corpus, "--db", db], input="\n".join(lines) + "\n",
                             capture_output=True, text=True, timeout=60, env={**os.environ, "DEALQ_TODAY": TODAY})
    check(process.returncode == 0, f"exit status {process.returncode}: {process.stderr}")
    replies = [json.loads(line) for line in process.stdout.splitlines() if line.strip()]  # stdout is only JSON-RPC
    by_id = {r.get("id"): r for r in replies}
    check(any(r.get("error", {}).get("code") == -32700 for r in replies), f"a parse error for bad JSON: {replies}")
    for request in [2, 3, 4]:
        check("error" in by_id.get(request, {}), f"request {request} gets a protocol error: {by_id.get(request)}")
    check(by_id.get(3, {}).get("error", {}).get("code") == -32601, "an unknown method is -32601")
    check(by_id.get(5, {}).get("result", {}).get("structuredContent", {}).get("rows"), "the server still answers afterwards")


def cancellation_checks(corpus, db):
    """A query cancelled by the client stops, and the next request is answered at once."""
    slow = "winrate by topic"
    env = {**os.environ, "DEALQ_TODAY": TODAY, "DEALQ_TEST_SLOW_QUERY": slow}  # that query crawls (minutes)
    process = subprocess.Popen([DEALQ, "mcp", "--corpus", corpus, "--db", db], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True, env=env)
    replies = queue.Queue()
    threading.Thread(target=lambda: [replies.put(json.loads(line)) for line in process.stdout], daemon=True).start()

    def send(message):
        process.stdin.write(json.dumps(message) + "\n")
        process.stdin.flush()

    def reply_to(request_id, seconds):
        deadline = time.monotonic() + seconds
        seen = []
        while time.monotonic() < deadline:
            try:
                message = replies.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                break
            seen.append(message)
            if message.get("id") == request_id:
                return message, seen
        raise AssertionError(f"no reply to request {request_id} within {seconds} s; got {seen}")

    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "raw", "version": "1"}}})
    reply_to(1, 60)
    send({"jsonrpc": "2.0", "method": "notifications/initialized"})
    send({"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": {"name": "query", "arguments": {"query": slow}}})
    time.sleep(1.0)
    send({"jsonrpc": "2.0", "method": "notifications/cancelled", "params": {"requestId": 7, "reason": "user gave up"}})
    send({"jsonrpc": "2.0", "id": 8, "method": "tools/call", "params": {"name": "query", "arguments": {"query": "count"}}})
    answer, seen = reply_to(8, 30)  # uncancelled, the slow query would hold the index for minutes
    check(answer.get("result", {}).get("structuredContent", {}).get("rows"), f"the next request is answered: {answer}")
    check(all(m.get("id") != 7 for m in seen), f"a cancelled request gets no answer: {seen}")
    process.stdin.close()
    check(process.wait(timeout=60) == 0, "the server ends when the client closes stdin")


async def readme_registration(corpus):
    """The README's registration, as written: command "dealq" (from PATH), args ["mcp", "--corpus", DIR]."""
    env = {"PATH": os.path.dirname(DEALQ) + os.pathsep + os.environ.get("PATH", "")}
    params = StdioServerParameters(command="dealq", args=["mcp", "--corpus", corpus], env=env)
    async with stdio_client(params) as streams:
        async with ClientSession(*streams) as session:
            await session.initialize()
            answer = await session.call_tool("query", {"query": "count"})
            check(not answer.is_error and answer.structured_content["rows"][0]["deals"] > 0, f"README registration: {text_of(answer)}")


def main():
    if not os.access(DEALQ, os.X_OK):
        sys.exit(f"error: {DEALQ} is not an executable; build dealq first (swift build)")
    with tempfile.TemporaryDirectory() as temp:
        corpus = os.path.join(temp, "corpus")
        shutil.copytree(os.path.join(ROOT, "corpus"), corpus, ignore=shutil.ignore_patterns(".dealq"))
        db = os.path.join(temp, "index.sqlite")
        before = tree_digest(corpus)
        asyncio.run(session_checks(corpus, db))
        malformed_checks(corpus, db)
        cancellation_checks(corpus, db)
        check(tree_digest(corpus) == before, "the corpus is byte-identical after the sessions")
        asyncio.run(readme_registration(corpus))  # indexes into corpus/.dealq, as a host would
    print("mcp end-to-end: ok")


if __name__ == "__main__":
    main()
