"""scripts/bench's report: the table it prints and target/bench/results.json, from the facts and rows the run
collected. Usage: see the call at the end of scripts/bench."""
import json, re, statistics, sys
facts = dict(line.rstrip("\n").split("=", 1) for line in open(sys.argv[1]))
rss_kb = [int(p[1]) for p in map(str.split, open(sys.argv[5])) if len(p) == 2]
rows = [json.loads(line) for line in open(sys.argv[2])]
startup = json.load(open(sys.argv[3]))
by_name = {r["route"]: r for r in rows}

def errors(r):
    return r["non_2xx"] + sum(r["socket_errors"].values())

# GET /posts?limit=10 against its SQL floor: each round's route run right before or after its floor run, so the
# median of the rounds' ratios leaves out the box's drift between rounds
floor_rounds = range(1, int(facts["floor_rounds"]) + 1)
floors = [float(facts[f"floor_qps_{i}"]) for i in floor_rounds]
floor = statistics.median(floors)
floor_p99 = statistics.median(float(facts[f"floor_p99_ms_{i}"]) for i in floor_rounds)
beside = [by_name[f"GET /posts?limit=10 beside the floor #{i}"]["rps"] for i in floor_rounds]
floor_ratio = statistics.median(b / f for b, f in zip(beside, floors))
bcrypt = float(facts["bcrypt_rate"])
posts, login = by_name["GET /posts?limit=10"], by_name["POST /login"]
rounds = range(1, int(facts["logging_rounds"]) + 1)
on = [by_name[f"GET /posts?limit=10 logging on #{i}"]["rps"] for i in rounds]
off = [by_name[f"GET /posts?limit=10 logging off #{i}"]["rps"] for i in rounds]
overhead = (statistics.median(off) - statistics.median(on)) / statistics.median(off) * 100
# each round's on and off runs are back to back, so the median of the rounds' own differences leaves out the box's
# drift between rounds; shown beside the target's figure, not instead of it
paired = statistics.median((f - n) / f * 100 for n, f in zip(on, off))
cpu = {}  # route name -> (app, MariaDB) CPU microseconds per request
for line in open(sys.argv[8]):
    name, app_ticks, db_ticks = line.rstrip("\n").split("\t")
    per_tick = 1e6 / int(sys.argv[9]) / by_name[name]["requests"]
    cpu[name] = (int(app_ticks) * per_tick, int(db_ticks) * per_tick)
cpu_on = [sum(cpu[f"GET /posts?limit=10 logging on #{i}"]) for i in rounds]
cpu_off = [sum(cpu[f"GET /posts?limit=10 logging off #{i}"]) for i in rounds]
cpu_overhead = (statistics.median(cpu_on) - statistics.median(cpu_off)) / statistics.median(cpu_off) * 100
# what a stored record costs measured apart (RequestLogCapacity), as a share of a logging-off request's CPU
record_share = (float(facts["log_app_us"]) + float(facts["log_db_us"])) / statistics.median(cpu_off) * 100
rss_mb = max(rss_kb) / 1024
app_on = [cpu[f"GET /posts?limit=10 logging on #{i}"][0] for i in rounds]
app_off = [cpu[f"GET /posts?limit=10 logging off #{i}"][0] for i in rounds]
app_cpu_overhead = (statistics.median(app_on) - statistics.median(app_off)) / statistics.median(app_off) * 100
plain_start = startup["variants"]["java -jar"]["median_ms"]
checks = [
    {"name": "GET /posts?limit=10 req/s as % of the SQL floor", "value": round(floor_ratio * 100, 1),
     "target": ">= 70", "pass": floor_ratio >= 0.70},
    {"name": "GET /posts?limit=10 p99 ms", "value": posts["p99_ms"], "target": "<= 25", "pass": posts["p99_ms"] <= 25},
    {"name": "POST /login req/s as % of the bcrypt rate", "value": round(login["rps"] / bcrypt * 100, 1),
     "target": ">= 90", "pass": login["rps"] / bcrypt >= 0.90},
    {"name": "request logging: app (JVM) CPU a request, % above logging off", "value": round(app_cpu_overhead, 1),
     "target": "<= 5", "pass": app_cpu_overhead <= 5},
    {"name": "request logging: MariaDB CPU per stored record, us", "value": float(facts["log_db_us"]),
     "target": "<= 8", "pass": float(facts["log_db_us"]) <= 8},
    {"name": "request logging: writer capacity, records/s", "value": float(facts["log_capacity"]),
     "target": ">= 50000", "pass": float(facts["log_capacity"]) >= 50000},
    {"name": "RSS under load, max MB", "value": round(rss_mb, 1), "target": "<= 180", "pass": rss_mb <= 180},
    {"name": "cold start, java -jar, ms (median)", "value": plain_start, "target": "<= 1000", "pass": plain_start <= 1000},
]
check = {c["name"]: c for c in checks}
warm_ratio = round(statistics.median(on) / floor * 100, 1)  # the same instance later, after far more load
targets = {"GET /posts?limit=10": ["GET /posts?limit=10 req/s as % of the SQL floor", "GET /posts?limit=10 p99 ms"],
           "POST /login": ["POST /login req/s as % of the bcrypt rate"]}
target_text = {"GET /posts?limit=10": ">=70% floor, p99<=25ms", "POST /login": ">=90% bcrypt"}

def ms(v):
    return "-" if v is None else f"{v:.2f} ms"
def met(ok):
    return "yes" if ok else "NO"

measured = [r for r in rows if not r["route"].startswith("warm-up")]
print()
print(f"{'route':<34} {'req/s':>10} {'p50':>11} {'p99':>11}  {'errors':<22} {'target':<24} met?")
for r in measured:
    err = ", ".join(([f"{r['non_2xx']} non-2xx"] if r["non_2xx"] else [])
                    + [f"{v} {k}" for k, v in r["socket_errors"].items() if v])
    err = f"!! {err}" if err else "none"
    names = targets.get(r["route"], [])
    print(f"{r['route']:<34} {r['rps']:>10.1f} {ms(r['p50_ms']):>11} {ms(r['p99_ms']):>11}  {err:<22} "
          f"{target_text.get(r['route'], '-'):<24} {met(all(check[n]['pass'] for n in names)) if names else '-'}")
print()
lines = [
    ("JVM flags", f"{facts['java_opts'] or '(none)'}  ({facts['java_opts_source']})"),
    (f"SQL floor (32 threads, pool {facts['pool_size']})", f"{floor:.0f} queries/s (median of {[round(f) for f in floors]}), "
     f"p99 {floor_p99} ms"),
    ("GET /posts?limit=10 / floor", f"{checks[0]['value']} %   (target >= 70 %: {met(checks[0]['pass'])}): the median "
     f"of the rounds' ratios, the route beside each floor run at {[round(b) for b in beside]} req/s; "
     f"{warm_ratio} % for the later logging-on runs over the median floor"),
    ("GET /posts?limit=10 p99", f"{posts['p99_ms']} ms   (target <= 25 ms: {met(checks[1]['pass'])})"),
    (f"bcrypt rate (cost 12, {facts['nproc']} threads)", f"{bcrypt:.2f} verifications/s"),
    ("POST /login / bcrypt rate", f"{checks[2]['value']} %   (target >= 90 %: {met(checks[2]['pass'])}); login "
     f"req/s counted by the app in the steady state, wrk's own count {login['wrk_rps']}"),
    ("request logging: throughput", f"{overhead:.1f} % fewer req/s   on {on} (median {statistics.median(on):.1f}), "
     f"off {off} (median {statistics.median(off):.1f}); median of the rounds' own differences {paired:.1f} %"),
    ("request logging: app CPU a request", f"{checks[3]['value']} % above logging off: on "
     f"{[round(c) for c in app_on]} us, off {[round(c) for c in app_off]} us   (target <= 5 %: {met(checks[3]['pass'])})"),
    ("request logging: MariaDB per record", f"{facts['log_db_us']} us   (target <= 8 us: {met(checks[4]['pass'])})"),
    ("request logging: writer capacity", f"{facts['log_capacity']} records/s   (target >= 50,000: {met(checks[5]['pass'])})"),
    ("request logging CPU cost", f"{cpu_overhead:.1f} % more CPU a request (app + MariaDB): on "
     f"{[round(c) for c in cpu_on]} us, off {[round(c) for c in cpu_off]} us (medians {statistics.median(cpu_on):.0f} "
     f"/ {statistics.median(cpu_off):.0f}); a record's CPU measured apart is {record_share:.1f} % of a request's"),
    ("RSS under load, max", f"{rss_mb:.0f} MB over {len(rss_kb)} samples   (target <= 180 MB: {met(checks[6]['pass'])})"),
    ("cold start on this MariaDB, median of 5", "; ".join(f"{name} {v['median_ms']} ms" for name, v in
     startup["variants"].items()) + f"   (java -jar target <= 1000 ms: {met(checks[7]['pass'])})"),
    ("jar size", f"{startup['jar_bytes'] / 1024 / 1024:.1f} MB"),
    ("request-log writer capacity", f"{facts['log_capacity']} records/s stored (batch {facts['log_batch']}); "
     f"CPU per record: writer JVM {facts['log_app_us']} us, MariaDB {facts['log_db_us']} us"),
]
for k, v in lines:
    print(f"{k:<40} {v}")

failed = [r for r in rows if errors(r)]
for r in failed:
    print(f"!! {r['route']}: {r['non_2xx']} non-2xx answers, socket errors {r['socket_errors']}")
answers = {}
for path, app in ((sys.argv[6], "logging on"), (sys.argv[7], "logging off")):
    for method, route, status, n in re.findall(
            r'^http_requests_total\{method="(\w+)",route="([^"]*)",status="(\d+)",\} ([\d.E]+)$', open(path).read(), re.M):
        # the sign-in page answers a right password with its redirect to the task list
        expected = status.startswith("2") or (method, route, status) == ("POST", "/tasks/login", "303")
        if not expected and float(n):
            answers[f"{app}: {method} {route} {status}"] = int(float(n))
for k, n in answers.items():
    print(f"!! the app ({k.split(':')[0]}) answered {k.split(': ')[1]} {n} times over the whole run "
          "(warm-ups included; target/bench/logs/ has its log)")
results = {
    "jar": facts["jar"],
    "machine": {"nproc": int(facts["nproc"]), "cpu": facts["cpu"], "java_version": facts["java_version"].strip(),
                "mariadb_version": facts["mariadb_version"]},
    "java_opts": facts["java_opts"], "java_opts_source": facts["java_opts_source"],
    "seconds": int(facts["seconds"]), "warmup_seconds": int(facts["warmup_seconds"]),
    "route_warmup_seconds": int(facts["route_warmup_seconds"]), "wrk": "-t2 -c32 --latency --timeout 30s, loopback",
    "routes": measured, "warmups": [r for r in rows if r["route"].startswith("warm-up")],
    "posts_floor_pct_logging_on_runs": warm_ratio,
    "sql_floor": {"qps": floor, "p99_ms": floor_p99, "threads": 32, "pool_size": int(facts["pool_size"]),
                  "rounds_qps": floors, "route_beside_rps": beside, "posts_pct": round(floor_ratio * 100, 1)},
    "request_log_writer_records_per_second": float(facts["log_capacity"]),
    "request_log_writer_batch": int(facts["log_batch"]),
    "request_log_cpu_us_per_stored_record": {"writer_jvm": float(facts["log_app_us"]), "mariadb": float(facts["log_db_us"])},
    "bcrypt": {"cost": 12, "threads": int(facts["nproc"]), "verifications_per_second": bcrypt},
    "request_logging": {"rounds": len(rounds), "on_rps": on, "off_rps": off, "median_on": statistics.median(on),
                        "median_off": statistics.median(off), "overhead_pct": round(overhead, 2),
                        "cpu_us_per_request": {name: {"app": round(a, 1), "mariadb": round(d, 1)}
                                               for name, (a, d) in cpu.items()},
                        "cpu_overhead_pct": round(cpu_overhead, 2), "paired_overhead_pct": round(paired, 2),
                        "app_cpu_overhead_pct": round(app_cpu_overhead, 2),
                        "stored_record_cpu_share_pct": round(record_share, 2)},
    "rss": {"max_mb": round(rss_mb, 1), "samples": len(rss_kb), "sampled": "the logging-on app, every 0.5 s during its wrk runs"},
    "startup": startup, "jar_bytes": startup["jar_bytes"],
    "checks": checks, "errors": [r["route"] for r in failed], "non_2xx_answers_by_the_apps": answers,
}
with open(sys.argv[4], "w") as f:
    json.dump(results, f, indent=2, ensure_ascii=False)
print(f"\nwrote {sys.argv[4]}")
sys.exit(1 if failed else 0)
