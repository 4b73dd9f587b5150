"""One wrk run of scripts/bench as a row: reads wrk's output and the RSS samples, prints the row as JSON (and a
line for the table on stderr).
Usage: bench_row.py NAME CONNECTIONS SECONDS WRK_OUTPUT RSS_SAMPLES RUN [RPS RPS_SOURCE]"""
import json, re, sys
name, conns, secs, path, rss_path, run = sys.argv[1:7]
text = open(path).read()
def ms(s):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", s).groups()
    return round(float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000, "h": 3600000}[unit], 3)
pct = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)\s*$", text, re.M))
sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
requests = int(re.search(r"(\d+) requests in", text).group(1))
rss = [int(p[1]) for p in map(str.split, open(rss_path)) if len(p) == 2 and p[0] == run]
row = {"route": name, "connections": int(conns), "seconds": float(secs), "requests": requests,
       "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
       "p50_ms": ms(pct["50"]) if requests else None, "p99_ms": ms(pct["99"]) if requests else None,
       "non_2xx": int(non2xx.group(1)) if non2xx else 0,
       "socket_errors": dict(zip(("connect", "read", "write", "timeout"), map(int, sock.groups()))) if sock
                        else {"connect": 0, "read": 0, "write": 0, "timeout": 0},
       "rss_max_mb": round(max(rss) / 1024, 1) if rss else None, "wrk_output": path}
if len(sys.argv) > 7:  # a rate counted by the server over the steady part of the run (POST /login)
    row["wrk_rps"], row["rps"], row["rps_source"] = row["rps"], float(sys.argv[7]), sys.argv[8]
print(json.dumps(row, ensure_ascii=False))
errors = row["non_2xx"] + sum(row["socket_errors"].values())
if errors:
    print(f"!! {name}: {row['non_2xx']} non-2xx answers, socket errors {row['socket_errors']}", file=sys.stderr)
if not name.startswith("warm-up"):
    p50 = "-" if row["p50_ms"] is None else f"{row['p50_ms']:.2f} ms"
    p99 = "-" if row["p99_ms"] is None else f"{row['p99_ms']:.2f} ms"
    print(f"   {name:<34} {row['rps']:>10.1f} req/s   p50 {p50:>11}   p99 {p99:>11}", file=sys.stderr)
