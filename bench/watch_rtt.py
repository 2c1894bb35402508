#!/usr/bin/env python3
"""Round trip of a query's sync request to a running `dealq watch`, alone.

usage: bench/watch_rtt.py INDEX CORPUS [N]

Sends N (default 50) `sync CORPUS` requests to the watcher's socket INDEX.watch,
one connection each, as a one-shot query does, and prints the median, min and
max in milliseconds. Start `dealq watch --corpus CORPUS --db INDEX` first.
"""
import os
import socket
import statistics
import sys
import time

if len(sys.argv) < 3:
    sys.exit(__doc__)
path, corpus = sys.argv[1] + ".watch", os.path.realpath(sys.argv[2])
count = int(sys.argv[3]) if len(sys.argv) > 3 else 50
times, reply = [], b""
for _ in range(count):
    start = time.perf_counter()
    with socket.socket(socket.AF_UNIX) as s:
        s.connect(path)
        s.sendall(f"sync {corpus}\n".encode())
        reply = s.recv(200)
    times.append((time.perf_counter() - start) * 1000)
if not reply.startswith(b"ok "):
    sys.exit(f"the watcher answered {reply!r}")
print(f"{count} syncs: median {statistics.median(times):.2f} ms, min {min(times):.2f}, max {max(times):.2f}")
