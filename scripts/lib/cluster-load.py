"""Reads and writes of TOKEN's tasks through nginx from 127.0.0.2 on CONNECTIONS connections (8), each pausing PAUSE_MS
(5) between requests, until the deadline or until STOP_FILE exists; every tenth request is a login of the user
cluster_user_token made, with the right password. Prints {"ok": N, "failed": N, "errors": [...]} as JSON. Used by scripts/cluster-smoke and deploy-rollback-smoke.
Usage: cluster-load.py PORT MAX_SECONDS TOKEN [STOP_FILE [CONNECTIONS [PAUSE_MS]]]"""
import http.client, json, os, sys, threading, time, urllib.parse

port, duration, token = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
stop_file = sys.argv[4] if len(sys.argv) > 4 else None
connections = int(sys.argv[5]) if len(sys.argv) > 5 else 8
pause = (float(sys.argv[6]) if len(sys.argv) > 6 else 5) / 1000
auth = {"Authorization": "Bearer " + token}
login = urllib.parse.urlencode({"username": "smoke@example.com", "password": "password123"})
stop_at = time.time() + duration
lock = threading.Lock()
stats = {"ok": 0, "failed": 0, "errors": []}


def running():
    return time.time() < stop_at and not (stop_file and os.path.exists(stop_file))


def worker(n):
    i = 0
    conn = None
    while running():
        i += 1
        if conn is None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=("127.0.0.2", 0))
        try:
            if i % 10 == 0:
                conn.request("POST", "/login", login, {"Content-Type": "application/x-www-form-urlencoded"})
            elif i % 2:
                body = json.dumps({"title": f"smoke {n}-{i}", "memo": "クラスタ試験", "priority": 3})
                conn.request("POST", "/todos", body, {"Content-Type": "application/json", **auth})
            else:
                conn.request("GET", "/todos?limit=5", headers=auth)
            response = conn.getresponse()
            response.read()
            good = response.status in (200, 201)
            with lock:
                stats["ok" if good else "failed"] += 1
                if not good and len(stats["errors"]) < 20:
                    stats["errors"].append(f"{response.status}")
        except Exception as e:  # a failed request is what the smoke tests exist to catch
            with lock:
                stats["failed"] += 1
                if len(stats["errors"]) < 20:
                    stats["errors"].append(repr(e))
            conn.close()
            conn = None
        time.sleep(pause)


threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(json.dumps(stats))
