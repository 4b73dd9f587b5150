# shellcheck shell=bash
# shellcheck disable=SC2154  # jar, ab_jar, java_opts, seconds, work, pids, pool, fact and say are scripts/bench's
# scripts/bench --ab OTHER_JAR: this jar and another side by side on one MariaDB, each with its own database seeded
# with the same data, measured in alternating rounds; sourced by scripts/bench, which has set up the work folder,
# the traps and the jar. See scripts/bench's help for the settings and the noise rule.

ab_rounds=${BENCH_AB_ROUNDS:-6}
ab_java=$(java_cmd)
ab_other_java=${BENCH_AB_JAVA:-$ab_java}
ab_other_opts=${BENCH_AB_JAVA_OPTS-$java_opts}
((ab_rounds >= 2)) || { echo "BENCH_AB_ROUNDS must be at least 2" >&2; exit 2; }
[[ -f $ab_jar ]] || { echo "no such jar: $ab_jar" >&2; exit 2; }
out=target/bench/ab
rm -rf "$out"
mkdir -p "$out/wrk"
echo "this:  $jar  ($ab_java ${java_opts:-(no flags)})"
echo "other: $ab_jar  ($ab_other_java ${ab_other_opts:-(no flags)})"
fact this "$jar"
fact other "$ab_jar"
fact this_java "$("$ab_java" -version 2>&1 | head -1) $java_opts"
fact other_java "$("$ab_other_java" -version 2>&1 | head -1) $ab_other_opts"
fact rounds "$ab_rounds"
fact load_before "$(cut -d' ' -f1-3 /proc/loadavg)"

say "starting a private MariaDB, a database for each jar"
bench_db_start
sql -e "CREATE DATABASE api_this CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
        CREATE DATABASE api_other CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

# Both start at once, each migrating its own database: an older jar may not know the newer schema.
declare -A ab_pid ab_base ab_java_of
ab_launch() { # SIDE JAVA JAR OPTS: OPTS are JVM flags, after any NAME=value words for the environment
  local port word envs=() flags=()
  port=$(free_port)
  for word in $4; do
    if [[ $word =~ ^[A-Z_][A-Z0-9_]*= ]]; then envs+=("$word"); else flags+=("$word"); fi
  done
  env "${envs[@]}" DATABASE_URL="mysql://root:@127.0.0.1:$db_port/api_$1" \
    SECRET_KEY=bench-secret-key-shared-by-both-instances "$2" "${flags[@]}" -jar "$3" --port="$port" \
    --host=127.0.0.1 --db-pool-size="$pool" --login-max-failures=1000000 --shutdown-idle-grace-seconds=0 \
    >"$work/$1.log" 2>&1 &
  ab_pid[$1]=$!
  ab_java_of[$1]=$2
  pids+=("$!")
  ab_base[$1]="http://127.0.0.1:$port"
}
say "starting both apps"
ab_launch this "$ab_java" "$jar" "$java_opts"
ab_launch other "$ab_other_java" "$ab_jar" "$ab_other_opts"
for side in this other; do
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null "${ab_base[$side]}/health" && continue 2
    kill -0 "${ab_pid[$side]}" 2>/dev/null || break
    sleep 0.1
  done
  cat "$work/$side.log" >&2
  echo "the $side app did not answer /health" >&2
  exit 1
done

# RSS and threads of both, every half second for the whole run; "phase" says whether a wrk run is on
echo idle >"$work/phase"
ab_sample() {
  while kill -0 "${ab_pid[this]}" 2>/dev/null && kill -0 "${ab_pid[other]}" 2>/dev/null; do
    for side in this other; do
      awk -v side="$side" -v phase="$(cat "$work/phase")" '/^VmRSS/ {rss = $2} /^Threads/ {t = $2}
        END {print side, phase, rss, t}' "/proc/${ab_pid[$side]}/status" >>"$out/rss.txt" 2>/dev/null || true
    done
    sleep 0.5
  done
}
ab_sample &
pids+=($!)

say "seeding each database: 1,000 users, 10,000 posts, 50,000 votes, 10,000 tasks (200 open)"
declare -A ab_auth ab_writer_auth ab_session
for side in this other; do
  db=api_$side
  bench_seed_social "$db"
  owner_column='' owner_value=''
  if [[ -n $(sql -N -e "SELECT 1 FROM information_schema.columns
                        WHERE table_schema = '$db' AND table_name = 'tasks' AND column_name = 'owner_id'") ]]; then
    owner_column=', owner_id' owner_value=", (SELECT id FROM users WHERE email = 'bench@example.com')"
  fi
  sql "$db" >/dev/null <<SQL
INSERT INTO users (email, password) VALUES ('bench@example.com', '$bench_password_hash'),
                                           ('writer@example.com', '$bench_password_hash');
INSERT INTO tasks (title, description, priority_id, due_date, completed_at$owner_column)
  SELECT CONCAT('タスク ', seq), CONCAT('タスク ', seq, ' の説明: 会議の資料を準備する。'), 1 + seq % 5,
         IF(seq % 3 = 0, NULL, DATE '2026-06-01' + INTERVAL seq % 365 DAY), IF(seq > 200, NOW(6), NULL)
         $owner_value
  FROM seq_1_to_10000;
ANALYZE TABLE tasks;
SQL
  base=${ab_base[$side]}
  token=$(curl -fs -X POST -d 'username=bench%40example.com&password=password123' "$base/login" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  ab_auth[$side]="Authorization: Bearer $token"
  # POST /todos adds its tasks to another user's list: the bench user's board and /todos stay the size measured,
  # rather than growing with each round by as much as that jar wrote (the faster jar's reads then slowed most)
  token=$(curl -fs -X POST -d 'username=writer%40example.com&password=password123' "$base/login" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  ab_writer_auth[$side]="Authorization: Bearer $token"
  # the task board (200 open tasks, as scripts/bench shows it) signs in where the jar has a sign-in page; an older
  # jar shows it to anyone
  cookies="$work/cookies-$side.txt"
  csrf=$(curl -s -c "$cookies" "$base/tasks/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
  ab_session[$side]="X-Bench: no session"
  if [[ -n $csrf ]]; then
    curl -fs -o /dev/null -b "$cookies" -c "$cookies" --data-urlencode "email=bench@example.com" \
      --data-urlencode "password=password123" --data-urlencode "csrf=$csrf" "$base/tasks/login"
    ab_session[$side]="Cookie: session=$(awk '$6 == "session" {print $7}' "$cookies")"
  fi
done

# The routes scripts/bench measures, as NAME|CONNECTIONS|wrk arguments (@BASE, @AUTH, @WRITER and @SESSION are the side's);
# logins at 4 connections, twice as long: bcrypt bounds them, and 32 would leave most in flight at wrk's deadline.
ab_routes=(
  "GET /tasks/|32|-H @SESSION @BASE/tasks/"
  "GET /|32|@BASE/"
  "GET /health|32|@BASE/health"
  "GET /posts?limit=10|32|-H @AUTH @BASE/posts?limit=10"
  "GET /posts/{id}|32|-s scripts/wrk/post-by-id.lua -H @AUTH @BASE -- 10000"
  "POST /vote|32|-s scripts/wrk/vote.lua -H @AUTH @BASE -- 10000 2"
  "POST /login|4|-s scripts/wrk/login.lua @BASE -- 1000 2 2 0"
  "GET /todos?limit=50|32|-H @AUTH @BASE/todos?limit=50"
  "POST /todos|32|-s scripts/wrk/new-todo.lua -H @WRITER @BASE"
)
if [[ -n ${BENCH_AB_ROUTES:-} ]]; then # a comma-separated subset, by name
  mapfile -t ab_routes < <(printf '%s\n' "${ab_routes[@]}" | grep -F -f <(tr ',' '\n' <<<"$BENCH_AB_ROUTES" | sed 's/$/|/'))
  ((${#ab_routes[@]})) || { echo "BENCH_AB_ROUTES matches no route" >&2; exit 2; }
fi
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# ab_wait_idle SIDE: until the app burns under a tenth of a core for half a second (at most 30 s), so that what wrk
# abandoned at its deadline (logins hashing, slow pages) never runs into the next run
ab_wait_idle() {
  local before after
  for _ in $(seq 1 60); do
    before=$(cpu_ticks "${ab_pid[$1]}")
    sleep 0.5
    after=$(cpu_ticks "${ab_pid[$1]}")
    ((after - before <= 5)) && break
  done
}
ab_run() { # ROUND SIDE ROUTE SECONDS
  local round=$1 side=$2 name conns spec secs=$4 args=() arg file ticks
  IFS='|' read -r name conns spec <<<"$3"
  [[ $name == "POST /login" ]] && secs=$((2 * secs))
  if [[ $name == "POST /vote" ]]; then # the toggling script expects the bench user to hold no votes
    sleep 0.5
    sql "api_$side" -e "DELETE FROM votes WHERE user_id = (SELECT id FROM users WHERE email = 'bench@example.com')"
  fi
  for arg in $spec; do
    case $arg in
      @BASE*) args+=("${ab_base[$side]}${arg#@BASE}") ;;
      @AUTH) args+=("${ab_auth[$side]}") ;;
      @WRITER) args+=("${ab_writer_auth[$side]}") ;;
      @SESSION) args+=("${ab_session[$side]}") ;;
      *) args+=("$arg") ;;
    esac
  done
  file="$out/wrk/$round-$side-${name//[^a-zA-Z0-9]/_}.txt"
  echo load >"$work/phase"
  ticks=$(cpu_ticks "${ab_pid[$side]}")
  wrk -t2 -c"$conns" -d"${secs}s" --latency --timeout 30s "${args[@]}" >"$file"
  echo idle >"$work/phase"
  ab_wait_idle "$side"
  # the app's CPU for the run, what it finished after wrk's deadline included (the request-log writer's share too)
  ticks=$(($(cpu_ticks "${ab_pid[$side]}") - ticks))
  printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$side" "$name" "$file" "$ticks" >>"$out/runs.tsv"
}
ab_round() { # ROUND SECONDS FIRST SECOND
  local route
  for route in "${ab_routes[@]}"; do
    ab_run "$1" "$3" "$route" "$2"
    ab_run "$1" "$4" "$route" "$2"
  done
}

warmup=${BENCH_WARMUP:-20}
route_warmup=${BENCH_ROUTE_WARMUP:-3}
say "warming up: ${warmup} s of mixed reads each, then round 0 (${route_warmup} s a route, not counted)"
for side in this other; do
  echo load >"$work/phase"
  wrk -t2 -c32 -d"${warmup}s" -s scripts/wrk/mixed.lua -H "${ab_auth[$side]}" "${ab_base[$side]}" -- 10000 >/dev/null
  echo idle >"$work/phase"
done
ab_round 0 "$route_warmup" this other
for round in $(seq 1 "$ab_rounds"); do
  if ((round % 2)); then first=other second=this; else first=this second=other; fi
  say "round $round of $ab_rounds: $first first, ${seconds} s a run ($(cut -d' ' -f1 /proc/loadavg) load)"
  ab_round "$round" "$seconds" "$first" "$second"
done
sleep 2 # the idle RSS, once the last run's connections are closed
fact load_after "$(cut -d' ' -f1-3 /proc/loadavg)"
for side in this other; do
  fact "idle_rss_kb_$side" "$(awk '/^VmRSS/ {print $2}' "/proc/${ab_pid[$side]}/status")"
  # with -XX:NativeMemoryTracking in the flags, the JVM's own account of its memory after the whole run
  jdk=$(dirname "$(readlink -f "$(command -v "${ab_java_of[$side]}")")")
  "$jdk/jcmd" "${ab_pid[$side]}" VM.native_memory summary >"$out/nmt-$side.txt" 2>/dev/null || rm -f "$out/nmt-$side.txt"
done
cp "$work/facts" "$out/facts"
python3 scripts/lib/bench_ab_report.py "$out"
