#!/usr/bin/env python3
"""REPL start to prompt: spawns `dealq shell` on a pseudo-terminal, times until
the prompt appears, sends Ctrl-D; prints the median of N runs.

usage: bench/repl_start.py DEALQ CORPUS [N]     (the index must exist: dealq index CORPUS)
"""
import os, pty, time, sys, statistics, select
def once(binary, corpus):
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(binary, [binary, "shell", "--corpus", corpus])
    buf = b""
    while b"> " not in buf:
        r, _, _ = select.select([fd], [], [], 5)
        if not r: break
        try: buf += os.read(fd, 4096)
        except OSError: break
    t = time.perf_counter() - t0
    os.write(fd, b"\x04")
    try:
        while os.read(fd, 4096): pass
    except OSError: pass
    os.waitpid(pid, 0)
    return t
binary, corpus = sys.argv[1], sys.argv[2]
times = [once(binary, corpus) for _ in range(int(sys.argv[3]) if len(sys.argv) > 3 else 15)]
print("median %.1f ms (min %.1f, max %.1f, n=%d)" % (statistics.median(times)*1000, min(times)*1000, max(times)*1000, len(times)))
