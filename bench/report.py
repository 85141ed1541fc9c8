#!/usr/bin/env python3
"""Turns bench/run.sh's raw numbers into the result files.

report.py WORKDIR MODE...         prints the machine-readable JSON (environment from run.sh)
report.py --markdown RESULT.json  prints the markdown table of a JSON result
"""
import json
import os
import sys

TARGETS = {  # issue #9, on the benchmark machine, 32 connections
    "ok": {"rps": 6000},
    "get-session": {"rps": 2500, "p99_ms": 60},
    "list-accounts": {"rps": 2000, "p99_ms": 60},
    "update-user": {"rps": 1000, "p99_ms": 60},
}


def env(name, cast=str):
    value = os.environ.get(name, "")
    if value == "":
        return None
    try:
        return cast(value)
    except ValueError:
        return None


def measure(row, clk):
    """One measured wrk run (a .row file of run.sh) as the report's numbers."""
    r = row["result"]
    secs = r["duration_us"] / 1e6
    n = r["requests"]
    errors = r["errors"]
    cpu_ms = row["cpu_ticks"] * 1000.0 / clk
    return {
        "requests": n,
        "seconds": round(secs, 2),
        "rps": round(n / secs, 1) if secs else 0,
        "p50_ms": r["latency_us"]["p50"] / 1000.0,
        "p90_ms": r["latency_us"]["p90"] / 1000.0,
        "p99_ms": r["latency_us"]["p99"] / 1000.0,
        "max_ms": r["latency_us"]["max"] / 1000.0,
        "non_2xx": errors["status"],
        "socket_errors": errors["connect"] + errors["read"] + errors["write"] + errors["timeout"],
        "server_cpu_ms_per_request": round(cpu_ms / n, 3) if n and env("PID") else None,
        "jvm_cpu_ms_per_request": round(row.get("jvm_ticks", 0) * 1000.0 / clk / n, 3) if n and env("PID") else None,
        "server_cpu_share": round(cpu_ms / 1000.0 / secs, 2) if secs and env("PID") else None,
        "load1_at_start": row["load1"],
    }


def median(values):
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else round((values[mid - 1] + values[mid]) / 2, 3)


def combine(runs):
    """The endpoint's numbers over its measured runs (--repeat): the median of each number, the
    counts summed, and the spread of req/s and CPU per request, so a change can be told from the
    run-to-run noise."""
    if len(runs) == 1:
        one = dict(runs[0])
        one["runs"] = 1
        return one
    out = {k: median([r[k] for r in runs]) for k in runs[0]
           if k not in ("requests", "non_2xx", "socket_errors", "load1_at_start")}
    for k in ("requests", "non_2xx", "socket_errors"):
        out[k] = sum(r[k] for r in runs)
    out["load1_at_start"] = runs[0]["load1_at_start"]
    out["runs"] = len(runs)
    out["rps_min"] = min(r["rps"] for r in runs)
    out["rps_max"] = max(r["rps"] for r in runs)
    cpu = [r["server_cpu_ms_per_request"] for r in runs if r["server_cpu_ms_per_request"] is not None]
    if cpu:
        out["server_cpu_ms_per_request_min"] = min(cpu)
        out["server_cpu_ms_per_request_max"] = max(cpu)
    out["each_run"] = runs
    return out


def collect(work, modes):
    clk = env("CLK_TCK", int) or 100
    rows = {}
    for mode in modes:
        files = sorted((f for f in os.listdir(work) if f.startswith(mode + ".") and f.endswith(".row")
                        and f[len(mode) + 1:-4].isdigit()), key=lambda f: int(f[len(mode) + 1:-4]))
        runs = []
        for name in files:
            with open(os.path.join(work, name)) as f:
                runs.append(measure(json.load(f), clk))
        rows[mode] = combine(runs)
    result = {
        "time": env("STAMP"),
        "label": env("LABEL"),
        "commit": env("COMMIT"),
        "url": env("URL"),
        "machine": env("MACHINE"),
        "java": env("JAVA_VERSION"),
        "server_jvm": env("JVM_CMD"),
        "pinned": bool(env("TASKSET")),
        "server_cpu": env("SERVER_CPU", int),
        "load_cpu": env("LOAD_CPU", int),
        "users": env("USERS", int),
        "connections": env("CONNECTIONS", int),
        "duration_s": env("DURATION", int),
        "warmup_s": env("WARMUP", int),
        "signin_duration_s": env("SIGNIN_DURATION", int),
        "repeat": env("REPEAT", int) or 1,
        "rate_limits": "off (BETTER_AUTH_RATE_LIMIT_ENABLED=false, BETTER_AUTH_LOCKOUT_ENABLED=false) when started by the benchmark",
        "load_average_before": env("LOAD_BEFORE"),
        "load_average_after": env("LOAD_AFTER"),
        "time_to_ready_ms": env("READY_MS", int),
        "jvm_rss_mb_after": round(env("RSS", int) / 1024, 1) if env("RSS", int) else None,
        "jvm_threads_after": env("THREADS_AFTER", int),
        "jvm_http_threads_after": env("HTTP_THREADS_AFTER", int),
        "postgres_pss_mb_after": round(env("PG_RSS", int) / 1024, 1) if env("PG_RSS", int) else None,
        "argon2id_verify_cpu_ms": env("HASH_CPU", float),
        "argon2id_verify_wall_ms": env("HASH_WALL", float),
        "endpoints": rows,
    }
    if "ok" in rows and "get-session" in rows and rows["ok"]["rps"]:
        result["get_session_to_ok"] = round(rows["get-session"]["rps"] / rows["ok"]["rps"], 3)
    signin = rows.get("sign-in")
    if signin and signin["server_cpu_ms_per_request"] and result["argon2id_verify_cpu_ms"]:
        result["sign_in_cpu_to_one_hash"] = round(
            signin["server_cpu_ms_per_request"] / result["argon2id_verify_cpu_ms"], 3)
    result["targets"] = targets(result)
    return result


def targets(result):
    rows = result["endpoints"]
    checks = {}
    for mode, t in TARGETS.items():
        if mode not in rows:
            continue
        if "rps" in t:
            checks[f"{mode} >= {t['rps']} req/s"] = rows[mode]["rps"] >= t["rps"]
        if "p99_ms" in t:
            checks[f"{mode} p99 <= {t['p99_ms']} ms"] = rows[mode]["p99_ms"] <= t["p99_ms"]
    if "get_session_to_ok" in result:
        checks["get-session >= 50 % of ok"] = result["get_session_to_ok"] >= 0.5
    if result.get("jvm_rss_mb_after"):
        checks["JVM RSS <= 400 MB"] = result["jvm_rss_mb_after"] <= 400
    if "sign_in_cpu_to_one_hash" in result:
        checks["sign-in CPU <= 1.1 x one argon2id"] = result["sign_in_cpu_to_one_hash"] <= 1.1
    return checks


def fmt(v, digits=1):
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:,.{digits}f}"
    return f"{v:,}"


def markdown(result):
    out = []
    out.append(f"# Benchmark {result['label']} ({result['time']})\n")
    out.append(f"- commit: `{result['commit']}`, service: {result['url']}")
    out.append(f"- machine: {result['machine']}; {result['java']}")
    out.append(f"- server JVM: `{result['server_jvm']}`")
    pin = (f"server JVM and PostgreSQL on CPU {result['server_cpu']}, wrk on CPU {result['load_cpu']}"
           if result["pinned"] else "not pinned")
    out.append(f"- {pin}; {result['users']} users, {result['connections']} connections, "
               f"{result['warmup_s']} s warm-up and {result['duration_s']} s measured per endpoint "
               f"(sign-in {result['signin_duration_s']} s)"
               + (f", each measured {result['repeat']} times (medians; req/s and CPU ranges)"
                  if result.get("repeat", 1) > 1 else ""))
    out.append(f"- rate limits: {result['rate_limits']}")
    out.append(f"- load average (1/5/15 min) before: {result['load_average_before']}, "
               f"after: {result['load_average_after']}")
    out.append("")
    out.append("| endpoint | req/s | p50 ms | p99 ms | server CPU ms/req | of which JVM | server CPU share | non-2xx | socket errors | load1 |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for mode, r in result["endpoints"].items():
        rps = fmt(r["rps"])
        cpu = fmt(r["server_cpu_ms_per_request"], 3)
        if r.get("runs", 1) > 1:
            rps += f" ({fmt(r['rps_min'])}–{fmt(r['rps_max'])})"
            if r.get("server_cpu_ms_per_request_min") is not None:
                cpu += (f" ({fmt(r['server_cpu_ms_per_request_min'], 3)}–"
                        f"{fmt(r['server_cpu_ms_per_request_max'], 3)})")
        out.append(f"| {mode} | {rps} | {fmt(r['p50_ms'], 2)} | {fmt(r['p99_ms'], 2)} | "
                   f"{cpu} | {fmt(r.get('jvm_cpu_ms_per_request'), 3)} | "
                   f"{fmt(r['server_cpu_share'], 2)} | "
                   f"{r['non_2xx']} | {r['socket_errors']} | {r['load1_at_start']} |")
    out.append("")
    out.append(f"- get-session / ok: {fmt(result.get('get_session_to_ok'), 3)}")
    out.append(f"- one argon2id verification alone: {fmt(result['argon2id_verify_cpu_ms'], 1)} ms CPU "
               f"({fmt(result['argon2id_verify_wall_ms'], 1)} ms wall); sign-in CPU / one hash: "
               f"{fmt(result.get('sign_in_cpu_to_one_hash'), 2)}")
    out.append(f"- JVM resident memory after the run: {fmt(result['jvm_rss_mb_after'])} MB, "
               f"{fmt(result.get('jvm_threads_after'))} threads "
               f"({fmt(result.get('jvm_http_threads_after'))} HTTP workers) "
               f"(PostgreSQL processes, proportional set size: {fmt(result['postgres_pss_mb_after'])} MB)")
    out.append(f"- time to ready (run command's own count, embedded PostgreSQL included): "
               f"{fmt(result['time_to_ready_ms'])} ms")
    out.append("")
    out.append("| target (issue #9) | met |")
    out.append("|---|---|")
    for name, ok in result["targets"].items():
        out.append(f"| {name} | {'yes' if ok else 'no'} |")
    return "\n".join(out) + "\n"


def main():
    if sys.argv[1] == "--markdown":
        with open(sys.argv[2]) as f:
            print(markdown(json.load(f)), end="")
    else:
        print(json.dumps(collect(sys.argv[1], sys.argv[2:]), indent=2))


if __name__ == "__main__":
    main()
