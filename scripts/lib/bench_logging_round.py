"""One round of scripts/bench-logging: the CPU a request cost the app's thread groups and MariaDB, appended to the
results file as JSON and printed as a line.
Usage: bench_logging_round.py PAIR ROUND SIDE REQUESTS SECONDS DB_TICKS BEFORE AFTER CLK_TCK RESULTS"""
import json, sys
pair, rnd, side, requests, seconds, db, before, after, tck, results = sys.argv[1:11]
requests, tck = int(requests), int(tck)
read = lambda path: {g: int(t) for g, t in (line.split() for line in open(path))}
b, a = read(before), read(after)
us = lambda ticks: round(ticks * 1e6 / tck / requests, 1)
app = {g: us(a[g] - b.get(g, 0)) for g in sorted(a) if g != "total"}
total = us(a["total"] - b["total"])
app["jetty"] = round(total - sum(app.values()), 1)
row = {"pair": int(pair), "round": int(rnd), "side": side, "rps": round(requests / int(seconds), 1),
       "mariadb_us": us(int(db)), "app_us": app, "app_total_us": total}
with open(results, "a") as out:
    out.write(json.dumps(row) + "\n")
groups = " ".join(f"{g} {v}" for g, v in app.items())
print(f"pair {pair} round {rnd} {side:>3}: {row['rps']:8.1f} req/s   MariaDB {row['mariadb_us']:6.1f}   "
      f"app {row['app_total_us']:6.1f} ({groups})")
