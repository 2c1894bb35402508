#!/usr/bin/env python3
"""A real `dealq mcp` session with the official Python MCP client, and each tool's latency.

Usage: python3 bench/mcp_session.py [path/to/dealq] [--runs N]   (default: .build/debug/dealq, 20 runs)

Prints a transcript (what the client sent, what came back, shortened) in which the client
answers a product manager's question (what buyers in deals over $100K say about
implementation) and a rep's (recent quotes from deals against Acme Analytics), then the
median and 90th-percentile latency of each tool over N calls on the bundled corpus. The
index goes to a temporary file: the corpus is not written to.
"""
import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
parser = argparse.ArgumentParser(description="A dealq mcp session and each tool's latency.")
parser.add_argument("dealq", nargs="?", default=os.path.join(ROOT, ".build/debug/dealq"))
parser.add_argument("--runs", type=int, default=20)
options = parser.parse_args()
DEALQ, RUNS = os.path.abspath(options.dealq), options.runs
TODAY = "2025-12-31"


def shorten(text, lines=14):
    kept = text.splitlines()
    return "\n".join(kept[:lines]) + (f"\n… ({len(kept) - lines} more lines)" if len(kept) > lines else "")


async def say(session, tool, arguments):
    print(f"\n> call {tool} {arguments}")
    result = await session.call_tool(tool, arguments)
    text = "\n".join(c.text for c in result.content if c.type == "text")
    print(("(isError) " if result.is_error else "") + shorten(text))
    return result


async def main():
    with tempfile.TemporaryDirectory() as temp:
        params = StdioServerParameters(command=DEALQ, args=["mcp", "--corpus", os.path.join(ROOT, "corpus"),
                                                            "--db", os.path.join(temp, "index.sqlite")],
                                       env={"DEALQ_TODAY": TODAY})
        async with stdio_client(params) as streams:
            async with ClientSession(*streams) as session:
                init = await session.initialize()
                print(f"> initialize\nserver {init.server_info.name} {init.server_info.version}, protocol {init.protocol_version}")
                print("instructions: " + init.instructions)
                print("tools: " + ", ".join(t.name for t in (await session.list_tools()).tools))

                print("\n## The product manager: what do buyers in big deals say about our implementation?")
                language = await session.call_tool("language", {})
                print(f"\n> call language {{}}\n({len(language.structured_content['reference'])} characters of reference)")
                await say(session, "facets", {"facet": "topic"})
                await say(session, "query", {"query": "winrate by topic acv>100k", "limit": 8})
                await say(session, "query", {"query": "winrate by topic", "limit": 8})
                quotes = await say(session, "query", {"query": "quotes topic:implementation acv>100k", "limit": 3})
                deal = quotes.structured_content["rows"][0]["deal"]
                await say(session, "explain", {"query": "quotes topic:implementation acv>100k"})
                await say(session, "deal", {"id": deal})

                print("\n## The rep: what have buyers said about Acme Analytics lately?")
                await say(session, "query", {"query": 'quotes competitor:"Acme Analytics" since:90d', "limit": 3})
                await say(session, "query", {"query": 'winrate by competiter'})
                await say(session, "run_saved", {"name": "competitor-brief", "params": {"competitor": "Acme Analytics", "limit": "3"}})

                print(f"\n## Latency of each tool, {RUNS} calls each (ms)")
                calls = [
                    ("language", {}), ("facets", {}), ("facets", {"facet": "competitor"}),
                    ("query", {"query": "winrate by topic acv>100k"}), ("query", {"query": "quotes implementation acv>100k"}),
                    ("explain", {"query": "winrate by topic acv>100k"}), ("saved_queries", {}),
                    ("run_saved", {"name": "topic-quotes", "params": {}}), ("report", {"audience": "leadership"}),
                    ("report", {"audience": "product"}), ("report", {"audience": "sales"}), ("deal", {"id": deal}),
                ]
                print(f"{'tool':<10} {'arguments':<46} {'median':>7} {'p90':>7}")
                for tool, arguments in calls:
                    times = []
                    for _ in range(RUNS):
                        started = time.perf_counter()
                        result = await session.call_tool(tool, arguments)
                        times.append((time.perf_counter() - started) * 1000)
                        assert not result.is_error, (tool, arguments)
                    times.sort()
                    p90 = times[min(len(times) - 1, int(0.9 * len(times)))]
                    print(f"{tool:<10} {str(arguments)[:46]:<46} {statistics.median(times):7.1f} {p90:7.1f}")


asyncio.run(main())
