#!/usr/bin/env python3
"""Summarises an async-profiler collapsed-stack file (bench/run.sh --profile).

  python3 bench/tools/collapsed-top.py FILE                 # threads, hottest self frames
  python3 bench/tools/collapsed-top.py FILE PATTERN ...     # share of samples with PATTERN on the stack
  python3 bench/tools/collapsed-top.py FILE --under FRAME [DEPTH]   # what FRAME spends its samples on

Shares are of all CPU samples of the JVM (itimer: every thread, compiler and GC threads included).
"""
import collections
import re
import sys


def read(path):
    rows = []
    for line in open(path):
        stack, n = line.rstrip("\n").rsplit(" ", 1)
        rows.append((stack.split(";"), int(n)))
    return rows, sum(n for _, n in rows)


def main(argv):
    rows, total = read(argv[1])
    print(f"{argv[1]}: {total} samples")
    if len(argv) > 2 and argv[2] == "--under":
        anchor, depth = argv[3], int(argv[4]) if len(argv) > 4 else 1
        below = collections.Counter()
        for frames, n in rows:
            hit = next((i for i, f in enumerate(frames) if anchor in f), None)
            if hit is not None:
                key = ";".join(f.rsplit("/", 1)[-1] for f in frames[hit + 1:hit + 1 + depth])
                below[key or "<self>"] += n
        print(f"{100 * sum(below.values()) / total:5.1f}%  {anchor}")
        for key, n in below.most_common(25):
            print(f"{100 * n / total:5.1f}%    {key}")
        return
    if len(argv) > 2:
        for pattern in argv[2:]:
            n = sum(n for frames, n in rows if any(pattern in f for f in frames))
            print(f"{100 * n / total:5.1f}%  {pattern}")
        return
    threads = collections.Counter()
    own = collections.Counter()
    for frames, n in rows:
        name = frames[0]
        name = re.sub(r"\d+", "N", name.split(" tid=")[0]) if name.startswith("[") else "(no thread name)"
        threads[name] += n
        own[frames[-1]] += n
    print("by thread:")
    for name, n in threads.most_common(12):
        print(f"{100 * n / total:5.1f}%  {name}")
    print("hottest frames (self):")
    for frame, n in own.most_common(30):
        print(f"{100 * n / total:5.1f}%  {frame}")


if __name__ == "__main__":
    main(sys.argv)
