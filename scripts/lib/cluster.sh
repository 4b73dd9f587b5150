# shellcheck shell=bash
# shellcheck disable=SC2154,SC2034  # $work and pids are the caller's; ok, failed, web_port, token are for the caller
# Two instances behind a real nginx on this machine, for scripts/cluster-smoke and scripts/deploy-rollback-smoke.
# The caller sources scripts/lib/bench-db.sh too (free_port, the private MariaDB), runs from the repository root,
# sets $work (a scratch folder) and the array pids (processes it stops on exit), and calls cluster_stop on exit.

wait_for() { # url seconds
  for _ in $(seq 1 $(($2 * 10))); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "timed out waiting for $1" >&2
  return 1
}

# nginx with the shipped site (config/nginx/api.conf), its upstreams templated to the two ports, on 127.0.0.1:$web_port;
# its access log, $work/access.log, names the upstream that served each request. Sets web_port.
cluster_nginx_start() { # port1 port2
  web_port=$(free_port)
  sed -e "s/127.0.0.1:8000/127.0.0.1:$1/; s/127.0.0.1:8001/127.0.0.1:$2/" \
    -e "s/listen 80;/listen 127.0.0.1:$web_port;/; /listen \[::\]:80;/d" config/nginx/api.conf >"$work/api.conf"
  mkdir -p "$work/nginx"
  cat >"$work/nginx.conf" <<NGINX
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events {}
http {
    log_format upstreams '\$upstream_addr \$status \$request_method';
    access_log $work/access.log upstreams;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    include $work/api.conf;
}
NGINX
  nginx -t -q -c "$work/nginx.conf" -p "$work/nginx"
  nginx -c "$work/nginx.conf" -p "$work/nginx"
  wait_for "http://127.0.0.1:$web_port/health" 10
}

# A user for /todos (tasks belong to their user), signed up and logged in through nginx. Sets token.
cluster_user_token() {
  curl -fs -o /dev/null -H 'Content-Type: application/json' -d '{"email": "smoke@example.com", "password": "password123"}' \
    "http://127.0.0.1:$web_port/users"
  token=$(curl -fs -d 'username=smoke%40example.com&password=password123' "http://127.0.0.1:$web_port/login" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
}

# Reads and writes of $token's tasks through nginx from 127.0.0.2 in the background, for at most the given seconds or
# until $work/load.stop exists; its counts land in $work/load.json. Sets load_pid.
cluster_load_start() { # max_seconds [connections [pause_ms]]
  python3 scripts/lib/cluster-load.py "$web_port" "$1" "$token" "$work/load.stop" "${2:-8}" "${3:-5}" >"$work/load.json" &
  load_pid=$!
}

cluster_load_stop() { touch "$work/load.stop"; }

# Waits for the load to end and sets ok and failed from its counts.
cluster_load_finish() {
  wait "$load_pid"
  ok=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["ok"])' "$work/load.json")
  failed=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["failed"])' "$work/load.json")
}

# Requests nginx sent to the instance on a port.
cluster_served_by() { grep -c "127.0.0.1:$1 " "$work/access.log" || true; }

# What nginx logged besides refused connections (which it retries on the other instance) and every non-2xx answer.
cluster_nginx_trouble() {
  echo "== nginx errors other than refused connections (which nginx retries):" >&2
  grep -v "Connection refused" "$work/nginx-error.log" >&2 || true
  grep -v " 20[01] " "$work/access.log" >&2 || true
}

# For the caller's EXIT trap: the load, nginx, then the processes in pids from the last started to the first, each
# waited for, so the instances drain while the MariaDB started before them still answers; then the scratch folder.
cluster_stop() {
  local i p
  if [[ -n ${load_pid:-} ]]; then kill "$load_pid" 2>/dev/null || true; fi
  if [[ -f $work/nginx.pid ]]; then kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; fi
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    p=${pids[i]}
    kill "$p" 2>/dev/null || continue
    wait "$p" 2>/dev/null || true # this shell's children; the others (started in a subshell) are polled
    for _ in $(seq 1 300); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  done
  wait 2>/dev/null || true
  rm -rf "$work"
}
