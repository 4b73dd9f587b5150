# shellcheck shell=bash
# shellcheck disable=SC2154  # $work and pids are the caller's
# The benchmarks' private MariaDB, sourced by scripts/bench and scripts/bench-logging, and by the smoke tests that run
# a cluster (scripts/lib/cluster.sh). The caller sets $work (a scratch folder) and the array pids (processes it stops on
# exit). Also compiles the benchmark programs.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Starts MariaDB in $work/db with an empty database api; sets db_port and db_pid, defines sql.
bench_db_start() {
  db_port=$(free_port)
  mariadb-install-db --no-defaults --datadir="$work/db" --auth-root-authentication-method=normal --skip-test-db \
    >"$work/db-install.log" 2>&1
  mariadbd --no-defaults --datadir="$work/db" --port="$db_port" --bind-address=127.0.0.1 --socket="$work/db.sock" \
    --user="$(id -un)" --skip-grant-tables --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-buffer-pool-size=256M >"$work/db.log" 2>&1 &
  db_pid=$!
  pids+=("$db_pid")
  for _ in $(seq 1 300); do sql -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.1; done
  sql -e 'SELECT 1' >/dev/null || { cat "$work/db.log" >&2; echo "MariaDB did not start" >&2; exit 1; }
  sql -e "CREATE DATABASE api CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
}

sql() { mariadb --no-defaults --default-character-set=utf8mb4 -S "$work/db.sock" -u root "$@"; }

# every seeded user's password is password123 (the passlib hash from the original app, cost 12)
# shellcheck disable=SC2016  # a bcrypt hash, not an expression
bench_password_hash='$2b$12$HKOMVWwZi.G9TTDttNYQtOS7Fww5RrreYp0lqnceqsG4pBC2Suaga'

# The social data set in the migrated database given (its name): 1,000 users, 10,000 posts, 50,000 votes.
bench_seed_social() {
  sql "$1" >/dev/null <<SQL
INSERT INTO users (email, password) SELECT CONCAT('user', seq, '@example.com'), '$bench_password_hash' FROM seq_1_to_1000;
INSERT INTO posts (title, content, owner_id)
  SELECT CONCAT('post number ', seq), CONCAT('content of post ', seq), 1 + seq % 1000 FROM seq_1_to_10000;
-- 50,000 distinct (user, post) pairs: 5 votes on every post
INSERT INTO votes (user_id, post_id)
  SELECT 1 + (seq DIV 10000) + 5 * (seq % 200), 1 + seq % 10000 FROM seq_0_to_49999;
ANALYZE TABLE users, posts, votes;
SQL
}

# The benchmark programs (src/bench/java) against the built jar, into target/bench-classes: they are not tests, so
# the test build never compiles them. Prints the classpath to run them with.
bench_classes() {
  local out=target/bench-classes
  if [[ ! -d $out || -n $(find src/bench target/api.jar -newer "$out" -print -quit) ]]; then
    rm -rf "$out"
    mkdir -p "$out"
    local sources
    mapfile -t sources < <(find src/bench/java -name '*.java')
    javac --release 17 -nowarn -cp target/api.jar -d "$out" "${sources[@]}" >&2
  fi
  echo "target/api.jar:$out"
}
