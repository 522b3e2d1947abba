"""Summarises a JFR recording of one benchmark step for bench/results/<timestamp>-profile.txt:
CPU by library and by hottest method (own time, inclusive time), allocation by class and by
allocating method, garbage collection, and the step's own figures.

Usage: profile.py RECORDING.jfr [STEP_JSON_LINE]
"""
import collections
import json
import re
import subprocess
import sys

from hot import GROUPS

TOP = 25


def events(jfr, name):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", name, jfr],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["recording"]["events"]


def frames(event):
    trace = event["values"].get("stackTrace") or {}
    result = []
    for f in trace.get("frames", []):
        m = f["method"]
        name = "%s.%s" % (m["type"]["name"].replace("/", "."), m["name"])
        result.append(re.sub(r"\$\$Lambda\$[0-9a-fx+/]*(\.\d+)?", "$$Lambda", name))
    return result


def group_of(stack):
    """The library that runs the innermost non-JDK frame: a JDK frame (HashMap.get, String.equals)
    counts for whichever library or our code called it, so a sample of JDBI calling H2 counts for H2
    and one of H2 building a string counts for H2 too. (hot.py --groups counts the outermost library
    instead, which puts every request thread's sample on the HTTP server that called it.)"""
    for f in stack:
        for name, prefix in GROUPS:
            if f.startswith(prefix):
                return name
    return "JDK / other"


def pct(n, total):
    return "%5.1f%%" % (100.0 * n / total) if total else "  -  "


def main(argv):
    jfr = argv[0]
    out = []
    if len(argv) > 1:
        step = json.loads(argv[1])
        w = step["wrk"]
        seconds = w["duration_us"] / 1e6
        out.append("Step: %s at c=%d under the launcher: %.0f req/s, p99 %.1f ms, %.3f ms server CPU per request, RSS %.0f MiB "
                   "(the recording itself adds CPU per request: compare the unprofiled step of the same run)." % (
                       step["endpoint"], step["concurrency"], w["requests"] / seconds, w["p99_us"] / 1000,
                       step["server_cpu_s"] * 1000 / max(w["requests"], 1), step["rss_kib"] / 1024))
        out.append("")

    stacks = [frames(e) for e in events(jfr, "jdk.ExecutionSample")]
    stacks = [s for s in stacks if s]
    total = len(stacks)
    out.append("== CPU: %d Java execution samples (JFR profile settings: one per thread every 10-20 ms)" % total)
    out.append("-- by library of the innermost non-JDK frame")
    for k, v in collections.Counter(group_of(s) for s in stacks).most_common():
        out.append("%s  %s" % (pct(v, total), k))
    own = collections.Counter(s[0] for s in stacks)
    incl = collections.Counter()
    for s in stacks:
        for f in set(s):
            incl[f] += 1
    out.append("-- top frames by self time")
    for k, v in own.most_common(TOP):
        out.append("%s  %s" % (pct(v, total), k))
    out.append("-- our code by inclusive time (what each step of the request costs, callees included)")
    for k, v in [kv for kv in incl.most_common() if kv[0].startswith("dev.authbackbone.")][:TOP]:
        out.append("%s  %s" % (pct(v, total), k))

    allocs = events(jfr, "jdk.ObjectAllocationSample")
    by_class, by_site, by_group = collections.Counter(), collections.Counter(), collections.Counter()
    weight = 0
    for e in allocs:
        v = e["values"]
        size = v.get("weight") or 0
        cls = (v.get("objectClass") or {}).get("name", "?").replace("/", ".")
        stack = frames(e)
        by_class[cls] += size
        by_group[group_of(stack)] += size
        site = next((f for f in stack if not f.startswith(("java.", "jdk.", "sun."))), stack[0] if stack else "?")
        by_site[site] += size
        weight += size
    out.append("")
    out.append("== Allocation: %d samples, %.0f MiB estimated in all" % (len(allocs), weight / 1048576))
    out.append("-- by library of the innermost non-JDK frame")
    for k, v in by_group.most_common():
        out.append("%s  %s" % (pct(v, weight), k))
    out.append("-- by class")
    for k, v in by_class.most_common(TOP):
        out.append("%s  %7.1f MiB  %s" % (pct(v, weight), v / 1048576, k))
    out.append("-- by first non-JDK frame (who asked for it)")
    for k, v in by_site.most_common(TOP):
        out.append("%s  %7.1f MiB  %s" % (pct(v, weight), v / 1048576, k))

    heap_after = sorted(parse_mb(e["values"]["heapUsed"]) for e in events(jfr, "jdk.GCHeapSummary")
                        if e["values"].get("when") == "After GC")
    gcs = events(jfr, "jdk.GarbageCollection")
    out.append("")
    out.append("== Garbage collection")
    by_name = collections.defaultdict(list)
    for e in gcs:
        v = e["values"]
        by_name[v["name"]].append(parse_ms(v.get("sumOfPauses") or v.get("longestPause") or "0 ms"))
    for name, pauses in by_name.items():
        pauses.sort()
        out.append("%-12s %5d collections, pauses total %.0f ms, median %.1f ms, max %.1f ms" % (
            name, len(pauses), sum(pauses), pauses[len(pauses) // 2], pauses[-1]))
    if heap_after:
        out.append("heap used after a collection: min %.1f MiB (about the live set), median %.1f MiB, max %.1f MiB" % (
            heap_after[0], heap_after[len(heap_after) // 2], heap_after[-1]))
    print("\n".join(out))


def parse_mb(value):
    """Bytes as a number, or a string like "27.7 MB"."""
    if isinstance(value, (int, float)):
        return value / 1048576
    number, unit = str(value).split()
    return float(number) * {"bytes": 1 / 1048576, "kB": 1 / 1024, "MB": 1, "GB": 1024}.get(unit, 1)


def parse_ms(value):
    """JFR's JSON gives durations as ISO-8601 strings (PT0.001234S) or numbers of nanoseconds."""
    if isinstance(value, (int, float)):
        return value / 1e6
    s = str(value)
    if s.startswith("PT") and s.endswith("S"):
        return float(s[2:-1]) * 1000
    return float(s.split()[0])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
