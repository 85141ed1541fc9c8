#!/usr/bin/env python3
"""Summarises a Flight Recorder file's CPU samples (jdk.ExecutionSample), for bench/results.

python3 bench/jfr-top.py FILE.jfr [N] [FILTER]

Prints the N (default 40) methods with the most samples on the stack (inclusive) and the N with
the most samples at the top of the stack (self), as percentages of all samples. FILTER (a
substring, e.g. "http-thread-pool") keeps only samples of threads whose name contains it.
Needs the JDK's `jfr` tool on the PATH (or in JAVA_HOME/bin).
"""
import collections
import json
import os
import shutil
import subprocess
import sys


def jfr_tool():
    home = os.environ.get("JAVA_HOME")
    if home and os.path.exists(os.path.join(home, "bin", "jfr")):
        return os.path.join(home, "bin", "jfr")
    return shutil.which("jfr") or "jfr"


def main():
    path = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    thread_filter = sys.argv[3] if len(sys.argv) > 3 else None
    raw = subprocess.run(
        [jfr_tool(), "print", "--json", "--stack-depth", "200", "--events", "jdk.ExecutionSample", path],
        check=True, capture_output=True, text=True).stdout
    events = json.loads(raw)["recording"]["events"]
    inclusive = collections.Counter()
    self_time = collections.Counter()
    total = 0
    for e in events:
        v = e["values"]
        thread = (v.get("sampledThread") or {}).get("javaName") or ""
        if thread_filter and thread_filter not in thread:
            continue
        frames = (v.get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        total += 1
        names = []
        for f in frames:
            m = f["method"]
            names.append(m["type"]["name"] + "." + m["name"])
        self_time[names[0]] += 1
        for name in set(names):
            inclusive[name] += 1
    print(f"{path}: {total} CPU samples" + (f" of threads matching '{thread_filter}'" if thread_filter else ""))
    print(f"\nTop {n} inclusive (share of samples with the method on the stack):")
    for name, c in inclusive.most_common(n * 3)[:n]:
        print(f"  {100.0 * c / total:5.1f}%  {name}")
    print(f"\nTop {n} self (share of samples with the method on top):")
    for name, c in self_time.most_common(n):
        print(f"  {100.0 * c / total:5.1f}%  {name}")


if __name__ == "__main__":
    main()
