"""scripts/bench --ab's report: per route the median ratio of this jar's rate to the other's over the rounds, its
spread and a verdict; RSS and threads of both. Reads OUT/runs.tsv, OUT/rss.txt and OUT/facts, writes OUT/results.json.
Exits 1 when a run saw non-2xx answers or socket errors. Usage: bench_ab_report.py OUT"""
import json, re, statistics, sys

out = sys.argv[1]
MARGIN = 0.03  # the smallest difference a round counts as one; scripts/bench's help states the rule
facts = dict(line.rstrip("\n").split("=", 1) for line in open(f"{out}/facts"))


def wrk(path):
    text = open(path).read()
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
            "requests": int(re.search(r"(\d+) requests in", text).group(1)),
            "p99_ms": float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)] if p99 else None,
            "errors": (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sock.groups())) if sock else 0)}


runs = {}  # (route, round, side) -> wrk figures
routes = []
for line in open(f"{out}/runs.tsv"):
    rnd, side, route, path, ticks = line.rstrip("\n").split("\t")
    runs[route, int(rnd), side] = wrk(path)
    # CPU a request in microseconds, from the kernel's clock ticks of a hundredth of a second
    runs[route, int(rnd), side]["cpu_us"] = int(ticks) * 10_000 / max(1, runs[route, int(rnd), side]["requests"])
    if route not in routes:
        routes.append(route)
rounds = sorted({r for _, r, _ in runs if r > 0})


def verdict(ratios):
    """A sign test with a margin: one wild round on a shared box makes no verdict, and neither does a median."""
    median = statistics.median(ratios)
    if all(r > 1 + MARGIN for r in ratios):
        return median, "faster"
    if all(r < 1 - MARGIN for r in ratios):
        return median, "slower"
    return median, "same within noise"


failed = False
report = {"facts": facts, "routes": []}
print(f"\n{'route':<22} {'this/other':>10} {'rounds (min-max)':>17}  {'verdict':<18}"
      f" {'this req/s':>10} {'other req/s':>11} {'p99 this/other ms':>18} {'CPU µs/req this/other':>22}")
for route in routes:
    this = [runs[route, r, "this"] for r in rounds]
    other = [runs[route, r, "other"] for r in rounds]
    errors = sum(x["errors"] for x in this + other)
    ratios = [t["rps"] / o["rps"] for t, o in zip(this, other) if o["rps"] > 0]
    median, word = verdict(ratios) if len(ratios) == len(rounds) else (0, "a run answered none")
    if errors:
        word, failed = f"{errors} errors", True
    p99 = [statistics.median(x["p99_ms"] for x in side if x["p99_ms"] is not None) for side in (this, other)]
    cpu = [statistics.median(x["cpu_us"] for x in side) for side in (this, other)]
    cpu_ratios = [t["cpu_us"] / o["cpu_us"] for t, o in zip(this, other) if o["cpu_us"] > 0]
    rps = [statistics.median(x["rps"] for x in side) for side in (this, other)]
    report["routes"].append({"route": route, "ratio_median": round(median, 4), "ratios": [round(r, 4) for r in ratios],
                             "verdict": word,
                             "rps_median": {"this": rps[0], "other": rps[1]},
                             "p99_ms_median": {"this": p99[0], "other": p99[1]},
                             "cpu_us_per_request_median": {"this": round(cpu[0], 2), "other": round(cpu[1], 2)},
                             "cpu_ratios": [round(r, 4) for r in cpu_ratios], "errors": errors})
    spread = f"{min(ratios):.3f}-{max(ratios):.3f}" if ratios else "-"
    print(f"{route:<22} {median:>10.3f} {spread:>17}  {word:<18}"
          f" {rps[0]:>10.1f} {rps[1]:>11.1f} {p99[0]:>8.2f} / {p99[1]:<8.2f} {cpu[0]:>10.1f} / {cpu[1]:<10.1f}")

samples = [s for s in map(str.split, open(f"{out}/rss.txt")) if len(s) == 4]  # not a line cut by a process's exit
print(f"\n{'memory':<7} {'RSS max':>8} {'RSS median under load':>22} {'idle RSS at the end':>20} {'threads max':>12}")
report["memory"] = {}
for side in ("this", "other"):
    mine = [(phase, int(kb), int(threads)) for s, phase, kb, threads in samples if s == side]
    loaded = [kb for phase, kb, _ in mine if phase == "load"]
    memory = {"rss_max_mb": round(max(kb for _, kb, _ in mine) / 1024, 1),
              "rss_load_median_mb": round(statistics.median(loaded) / 1024, 1),
              "idle_rss_end_mb": round(int(facts[f"idle_rss_kb_{side}"]) / 1024, 1),
              "threads_max": max(t for _, _, t in mine)}
    report["memory"][side] = memory
    print(f"{side:<7} {memory['rss_max_mb']:>6.1f}MB {memory['rss_load_median_mb']:>20.1f}MB"
          f" {memory['idle_rss_end_mb']:>18.1f}MB {memory['threads_max']:>12}")
print(f"\nload average {facts['load_before']} before, {facts['load_after']} after; {len(rounds)} rounds;"
      f" ratios are this jar's rate over the other's, each from two runs back to back; CPU µs/req is the app's own"
      f" CPU (user and system) for a run, what it finished after the run included, over the requests answered")
json.dump(report, open(f"{out}/results.json", "w"), indent=1, ensure_ascii=False)
if failed:
    print("!! some runs saw non-2xx answers or socket errors: see the wrk output in " + out + "/wrk", file=sys.stderr)
    sys.exit(1)
