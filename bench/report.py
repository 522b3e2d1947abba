"""Turns the benchmark's raw step lines into bench/results/<timestamp>.json and .md.

  report.py --line STEPJSON                      one readable line for the log
  report.py --rates STEPS PHASE ENDPOINT         "concurrency req/s" lines
  report.py --write META STEPS OUTPREFIX         the results file and its summary
  report.py --median RESULT.json...              the median of several runs' key figures
"""
import json
import statistics
import sys

TARGETS = {
    "rps_c32": 1500.0,
    "p99_ms_c32": 40.0,
    "cpu_ms_per_request": 0.6,
    "rss_mib": 200.0,
    "startup_existing_ms": 1000.0,
    "c128_over_c32": 0.90,
    "large_ratio": 0.80,
}
# Phases: empty = the launcher (as the README runs it) on the embedded database; plain = plain
# `java -jar` on the same database; large = the launcher with 1,000,000 accounts; postgresql = the
# launcher on PostgreSQL; profiled = the launcher under JFR (not a measurement of record).
PHASES = [("empty", "launcher, embedded H2"), ("plain", "plain java -jar, embedded H2"),
          ("postgresql", "launcher, PostgreSQL"), ("large", "launcher, H2 with 1,000,000 accounts"),
          ("profiled", "launcher under JFR")]


def figures(step):
    w = step["wrk"]
    seconds = w["duration_us"] / 1e6
    requests = w["requests"]
    accepted = requests - w["non_2xx"]
    in_flight = max(0, w["sent"] - requests)
    mails = step["mails"]
    # request-email-confirmation mails a link per accepted request; confirm-email mails the account's
    # primary address a notice that another address was linked (the bench confirms secondary addresses).
    sends_mail = step["endpoint"] in ("request-email-confirmation", "confirm-email")
    expected_mails = accepted if sends_mail else 0
    return {
        "phase": step["phase"],
        "endpoint": step["endpoint"],
        "concurrency": step["concurrency"],
        "wrk_threads": step["threads"],
        "seconds": round(seconds, 2),
        "requests": requests,
        "req_per_s": round(requests / seconds, 1),
        "latency_ms": {k: round(w[k + "_us"] / 1000, 2) for k in ("p50", "p90", "p99", "max")},
        "non_2xx": w["non_2xx"],
        "socket_errors": w["connect_errors"] + w["read_errors"] + w["write_errors"] + w["timeouts"],
        "tokens_exhausted": w.get("exhausted", 0),
        "accepted": accepted,
        "mails_delivered": mails,
        # wrk stops with up to one request per connection unanswered; the server still finishes
        # those, so their mails arrive although wrk never counted them as accepted.
        "in_flight_at_stop": in_flight,
        "mails_match": (expected_mails <= mails <= expected_mails + in_flight) if sends_mail else mails == 0,
        "rss_mib_after": round(step["rss_kib"] / 1024, 1),
        "rss_peak_mib": round(step["hwm_kib"] / 1024, 1),
        "server_cpu_s": step["server_cpu_s"],
        "cpu_ms_per_request": round(step["server_cpu_s"] * 1000 / requests, 3) if requests else None,
        "cores_used": {
            "server": round(step["server_cpu_s"] / seconds, 2),
            "wrk": round(float(step["wrk_cpu_s"]) / seconds, 2),
            "sink": round(step["sink_cpu_s"] / seconds, 2),
            # everything else on the machine while wrk ran (other builds, the kernel's own work)
            "others": round(max(0.0, step.get("machine_cpu_s", 0) - step["sink_cpu_s"] - float(step["wrk_cpu_s"])
                                - step["server_cpu_s"]) / seconds, 2),
        },
    }


def line(step):
    f = figures(step)
    lat = f["latency_ms"]
    return ("%-6s %-27s c=%-3d %8.1f req/s  p50 %6.2f p90 %6.2f p99 %6.2f max %7.2f ms  non-2xx %d  "
            "mails %d/%d%s  cpu %.3f ms/req  rss %.0f MiB  cores server %.2f wrk %.2f sink %.2f others %.2f") % (
        f["phase"], f["endpoint"], f["concurrency"], f["req_per_s"], lat["p50"], lat["p90"], lat["p99"],
        lat["max"], f["non_2xx"], f["mails_delivered"], f["accepted"],
        "" if f["mails_match"] else " MISMATCH", f["cpu_ms_per_request"] or 0, f["rss_mib_after"],
        f["cores_used"]["server"], f["cores_used"]["wrk"], f["cores_used"]["sink"], f["cores_used"]["others"])


def read_steps(path):
    with open(path) as f:
        return [json.loads(l) for l in f if l.strip()]


def read_meta(path):
    meta = {}
    with open(path) as f:
        for l in f:
            if "=" in l:
                k, v = l.rstrip("\n").split("=", 1)
                meta[k] = v
    return meta


def build(meta, steps):
    rows = [figures(s) for s in steps]
    by = {(r["phase"], r["endpoint"], r["concurrency"]): r for r in rows}
    concurrencies = sorted({r["concurrency"] for r in rows})
    existing = [int(x) for x in meta.get("startup_existing_ms", "").split()]

    ceiling = {}
    large = {}
    large_cpu = {}
    for c in concurrencies:
        noop = by.get(("empty", "noop", c))
        for ep in ("request-email-confirmation", "confirm-email"):
            r = by.get(("empty", ep, c))
            if noop and r:
                ceiling.setdefault(ep, {})[str(c)] = round(r["req_per_s"] / noop["req_per_s"], 3)
        e, l = by.get(("empty", "request-email-confirmation", c)), by.get(("large", "request-email-confirmation", c))
        if e and l:
            large[str(c)] = round(l["req_per_s"] / e["req_per_s"], 3)
            # CPU per request does not move with what else runs on the machine; req/s does.
            large_cpu[str(c)] = round(e["cpu_ms_per_request"] / l["cpu_ms_per_request"], 3)

    sc = {k: int(meta.get("selfcheck_" + k, -1)) for k in ("sent", "accepted", "mails")}
    sc["ok"] = sc["sent"] == sc["accepted"] == sc["mails"]
    totals = {
        "accepted_in_database": int(meta.get("accepted_total", -1)),
        "mails_sent_in_database": int(meta.get("mails_sent_total", -1)),
        "mails_delivered": int(meta.get("mails_total", -1)),
    }
    # Each accepted request mailed a link; each confirmation mailed a notice too. The trail records
    # every mail handed to SMTP, so that count, not the requests', must equal what the sink received.
    totals["equal"] = totals["mails_sent_in_database"] == totals["mails_delivered"]

    loaded = [r for r in rows if r["endpoint"] != "noop" and r["phase"] == "empty"]
    r32 = by.get(("empty", "request-email-confirmation", 32))
    r128 = by.get(("empty", "request-email-confirmation", 128))
    values = {
        "rps_c32": r32["req_per_s"] if r32 else None,
        "p99_ms_c32": r32["latency_ms"]["p99"] if r32 else None,
        "cpu_ms_per_request": r32["cpu_ms_per_request"] if r32 else None,
        "rss_mib": max((r["rss_peak_mib"] for r in loaded), default=None),
        "startup_existing_ms": statistics.median(existing) if existing else None,
        "c128_over_c32": round(r128["req_per_s"] / r32["req_per_s"], 3) if r32 and r128 else None,
        "large_ratio": large.get("32"),
    }
    higher_is_better = {"rps_c32", "large_ratio", "c128_over_c32"}
    targets = {}
    for k, target in TARGETS.items():
        v = values[k]
        met = None if v is None else (v >= target if k in higher_is_better else v <= target)
        targets[k] = {"target": target, "value": v, "met": met,
                      "value_over_target": None if v is None else round(v / target, 3)}
    mails_ok = all(r["mails_match"] for r in rows) and sc["ok"] and totals["equal"]
    targets["every_accepted_mail_delivered"] = {"target": True, "value": mails_ok, "met": mails_ok}

    def ints(key):
        return [int(x) for x in meta.get(key, "").split()]

    startups = {"empty": ints("startup_existing_ms"), "plain": ints("startup_plain_existing_ms"),
                "postgresql": ints("startup_pg_existing_ms"), "large": ints("startup_large_ms")}
    configurations = {}
    for phase, label in PHASES:
        c32 = by.get((phase, "request-email-confirmation", 32))
        c128 = by.get((phase, "request-email-confirmation", 128))
        if not c32:
            continue
        phase_rows = [r for r in rows if r["phase"] == phase]
        configurations[phase] = {
            "label": label,
            "req_per_s_c32": c32["req_per_s"],
            "p99_ms_c32": c32["latency_ms"]["p99"],
            "cpu_ms_per_request_c32": c32["cpu_ms_per_request"],
            "req_per_s_c128": c128["req_per_s"] if c128 else None,
            "p99_ms_c128": c128["latency_ms"]["p99"] if c128 else None,
            "c128_over_c32": round(c128["req_per_s"] / c32["req_per_s"], 3) if c128 else None,
            "rss_peak_mib": max(r["rss_peak_mib"] for r in phase_rows),
            "rss_after_load_mib": max(r["rss_mib_after"] for r in phase_rows),
            "startup_existing_ms": startups.get(phase) or None,
            "startup_existing_median_ms": statistics.median(startups[phase]) if startups.get(phase) else None,
            "mails_match": all(r["mails_match"] for r in phase_rows),
            "others_cores_c32": c32["cores_used"]["others"],
        }

    return {
        "launcher_command": meta.get("launcher_command"),
        "postgresql": meta.get("postgresql"),
        "configurations": configurations,
        "timestamp": meta.get("timestamp"),
        "machine": meta.get("machine"),
        "java": meta.get("java"),
        "wrk": meta.get("wrk"),
        "git": meta.get("git"),
        "server_java_opts": meta.get("java_opts"),
        "access_tokens": meta.get("access_tokens"),
        "ended_session_status": meta.get("selfcheck_ended_session_status"),
        "step_seconds": int(meta.get("duration_s", 0)),
        "loadavg_at_start": meta.get("loadavg_at_start"),
        "loadavg_at_end": meta.get("loadavg_at_end"),
        "total_seconds": int(meta.get("total_seconds", 0)),
        "startup_ms": {
            "fresh_database": int(meta["startup_fresh_ms"]) if "startup_fresh_ms" in meta else None,
            "existing_database": existing,
            "existing_database_median": values["startup_existing_ms"],
            "existing_database_without_cds_archive": int(meta["startup_existing_nocds_ms"]) if "startup_existing_nocds_ms" in meta else None,
            "cds_archive": meta.get("cds_archive"),
            "large_database": int(meta["startup_large_ms"]) if "startup_large_ms" in meta else None,
            "plain_java_jar_existing_database": ints("startup_plain_existing_ms"),
            "postgresql_fresh_schema": int(meta["startup_pg_fresh_ms"]) if "startup_pg_fresh_ms" in meta else None,
            "postgresql_existing_schema": ints("startup_pg_existing_ms"),
        },
        "large_database": {
            "accounts": int(meta.get("seeded_accounts", 0)),
            "identities": int(meta.get("seeded_identities", 0)),
            "seed_seconds": int(meta.get("seed_seconds", 0)),
            "throughput_ratio_to_empty": large,
            "cpu_per_request_ratio_empty_over_large": large_cpu,
        },
        "self_check": sc,
        "totals": totals,
        "sink_stats": meta.get("sink_stats"),
        "ratio_to_noop_route": ceiling,
        "steps": rows,
        "targets": targets,
    }


def markdown(res):
    out = []
    out.append("# auth-backbone benchmark %s" % res["timestamp"])
    out.append("")
    out.append("Machine: %s; %s; %s. Commit %s. JAVA_OPTS given to the launcher: `%s`. %d s per step, %d s in all. "
               "Load average at start/end: %s / %s (other work on the machine competes for its cores; "
               "see the `others` column)." % (
        res["machine"], res["java"], res["wrk"], res["git"], res["server_java_opts"], res["step_seconds"],
        res["total_seconds"], res.get("loadavg_at_start"), res.get("loadavg_at_end")))
    out.append("")
    out.append("The launcher ran: `%s`" % res.get("launcher_command"))
    out.append("")
    if res.get("access_tokens"):
        out.append("Access tokens of the load: %s; a token of an ended session was answered %s." % (
            res["access_tokens"], res.get("ended_session_status")))
        out.append("")
    out.append("## As the README runs it, and beside it")
    out.append("")
    out.append("request-email-confirmation; RSS is the peak (VmHWM) of the server process in that phase.")
    out.append("")
    out.append("| configuration | req/s c=32 | p99 c=32 (ms) | CPU ms/req c=32 | req/s c=128 | c=128 / c=32 | p99 c=128 (ms) | RSS peak MiB | start, existing DB (ms) | mails match | others' cores at c=32 |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|")
    for phase, c in res["configurations"].items():
        out.append("| %s | %.0f | %.1f | %.3f | %s | %s | %s | %.0f | %s | %s | %.2f |" % (
            c["label"], c["req_per_s_c32"], c["p99_ms_c32"], c["cpu_ms_per_request_c32"] or 0,
            "%.0f" % c["req_per_s_c128"] if c["req_per_s_c128"] else "-", c["c128_over_c32"] or "-",
            "%.1f" % c["p99_ms_c128"] if c["p99_ms_c128"] else "-", c["rss_peak_mib"],
            " / ".join(str(x) for x in c["startup_existing_ms"]) if c["startup_existing_ms"] else "-",
            "yes" if c["mails_match"] else "**no**", c["others_cores_c32"]))
    out.append("")
    out.append("## Targets (the launcher on the embedded database)")
    out.append("")
    out.append("| target | wanted | measured | met | measured / wanted |")
    out.append("|---|---|---|---|---|")
    names = {
        "rps_c32": "request-email-confirmation req/s at c=32",
        "p99_ms_c32": "p99 latency at c=32 (ms)",
        "cpu_ms_per_request": "server CPU per request at c=32 (ms)",
        "rss_mib": "server RSS under load, peak (MiB)",
        "startup_existing_ms": "start to first answer, existing database (ms, median)",
        "large_ratio": "1,000,000 accounts vs empty, c=32",
        "c128_over_c32": "request-email-confirmation c=128 / c=32 (no collapse)",
        "every_accepted_mail_delivered": "every accepted request's mail delivered",
    }
    for k, t in res["targets"].items():
        out.append("| %s | %s | %s | %s | %s |" % (names.get(k, k), t["target"], t["value"],
                                                  {True: "yes", False: "**no**", None: "-"}[t["met"]],
                                                  t.get("value_over_target", "")))
    out.append("")
    out.append("## Steps")
    out.append("")
    out.append("| phase | endpoint | c | req/s | p50 | p90 | p99 | max (ms) | non-2xx | accepted | mails | match | RSS MiB | CPU ms/req | cores server/wrk/sink/others |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in res["steps"]:
        l = r["latency_ms"]
        cu = r["cores_used"]
        out.append("| %s | %s | %d | %.0f | %.2f | %.2f | %.2f | %.1f | %d | %d | %d | %s | %.0f | %.3f | %.2f/%.2f/%.2f/%.2f |" % (
            r["phase"], r["endpoint"], r["concurrency"], r["req_per_s"], l["p50"], l["p90"], l["p99"], l["max"],
            r["non_2xx"], r["accepted"], r["mails_delivered"], "yes" if r["mails_match"] else "**no**",
            r["rss_mib_after"], r["cpu_ms_per_request"] or 0, cu["server"], cu["wrk"], cu["sink"], cu["others"]))
    out.append("")
    s = res["startup_ms"]
    out.append("Start to first answer under the launcher: fresh database %s ms (this start writes the class-data "
               "archive when it stops: %s); existing database %s ms (median %s), %s ms with the archive switched off; "
               "1,000,000 accounts %s ms. Plain `java -jar`, existing database: %s ms. PostgreSQL (%s): fresh schema "
               "%s ms, existing %s ms." % (
                   s["fresh_database"], s["cds_archive"], s["existing_database"], s["existing_database_median"],
                   s["existing_database_without_cds_archive"], s["large_database"],
                   s["plain_java_jar_existing_database"], res.get("postgresql"), s["postgresql_fresh_schema"],
                   s["postgresql_existing_schema"]))
    out.append("")
    out.append("Throughput as a share of the no-work route: %s." % json.dumps(res["ratio_to_noop_route"]))
    out.append("")
    ld = res["large_database"]
    out.append("With %s accounts and %s identities (seeded in %s s): request-email-confirmation throughput "
               "relative to the near-empty database, by concurrency: %s; the same as CPU per request "
               "(empty / large, which other load on the machine does not distort): %s." % (
                   ld["accounts"], ld["identities"], ld["seed_seconds"], json.dumps(ld["throughput_ratio_to_empty"]),
                   json.dumps(ld["cpu_per_request_ratio_empty_over_large"])))
    out.append("")
    sc = res["self_check"]
    t = res["totals"]
    out.append("Counting self-check: %d requests sent, %d answered 202, %d mails counted by the sink (%s). "
               "Whole run: %d requests recorded as accepted in the database, %d mails recorded as sent "
               "(links and confirmation notices), %d mails delivered to the sink (sent = delivered: %s)." % (
                   sc["sent"], sc["accepted"], sc["mails"], "ok" if sc["ok"] else "MISMATCH",
                   t["accepted_in_database"], t.get("mails_sent_in_database", -1), t["mails_delivered"],
                   "yes" if t["equal"] else "NO"))
    out.append("")
    out.append("`accepted` is wrk's 2xx count; `mails` the sink's count once in-flight work drained. They match "
               "when mails lies between accepted and accepted + the requests wrk left unanswered at its stop "
               "(the server still finishes those).")
    return "\n".join(out) + "\n"


def main(argv):
    if argv[0] == "--line":
        print(line(json.loads(argv[1])))
    elif argv[0] == "--rates":
        for s in read_steps(argv[1]):
            if s["phase"] == argv[2] and s["endpoint"] == argv[3]:
                f = figures(s)
                print(f["concurrency"], f["req_per_s"])
    elif argv[0] == "--write":
        res = build(read_meta(argv[1]), read_steps(argv[2]))
        with open(argv[3] + ".json", "w") as f:
            json.dump(res, f, indent=2)
            f.write("\n")
        md = markdown(res)
        with open(argv[3] + ".md", "w") as f:
            f.write(md)
        print(md)
    elif argv[0] == "--median":
        runs = [json.load(open(p)) for p in argv[1:]]
        keys = list(runs[0]["targets"].keys())
        print("median of %d runs: %s" % (len(runs), ", ".join(r["timestamp"] for r in runs)))
        for k in keys:
            vals = [r["targets"][k]["value"] for r in runs if r["targets"][k]["value"] is not None]
            if vals and not isinstance(vals[0], bool):
                print("  %-32s median %-10s runs %s (target %s)" % (k, statistics.median(vals), vals, TARGETS.get(k)))
            else:
                print("  %-32s %s" % (k, vals))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
