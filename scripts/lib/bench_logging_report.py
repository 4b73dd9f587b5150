"""scripts/bench-logging's summary: throughput and CPU a request, logging on against off, by pair and over all
rounds. Usage: bench_logging_report.py RESULTS"""
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
by = {(r["round"], r["side"]): r for r in rows}
pair_of = {r["round"]: r["pair"] for r in rows}
rounds = sorted(pair_of)
rate = {i: (by[i, "off"]["rps"] - by[i, "on"]["rps"]) / by[i, "off"]["rps"] * 100 for i in rounds}
cpu = lambda r: r["mariadb_us"] + r["app_total_us"]
cost = [cpu(by[i, "on"]) - cpu(by[i, "off"]) for i in rounds]
per_pair = {p: statistics.median(rate[i] for i in rounds if pair_of[i] == p) for p in sorted(set(pair_of.values()))}
print("logging on vs off, throughput lower by, median of each pair's rounds: "
      + ", ".join(f"pair {p} {v:.1f} %" for p, v in per_pair.items()))
print(f"over all {len(rounds)} rounds: throughput {statistics.median(rate.values()):.1f} % lower (median; mean of the "
      f"pairs' medians {statistics.mean(per_pair.values()):.1f} %), CPU {statistics.median(cost):+.1f} us a request "
      f"({statistics.median(cost) / statistics.median(cpu(by[i, 'off']) for i in rounds) * 100:+.1f} %)")
