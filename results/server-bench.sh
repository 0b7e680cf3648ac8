#!/usr/bin/env bash
# The `rota serve` benchmark of results/server-bench.md (`make bench-api`), on loopback:
#   1. memory (VmRSS, VmHWM) of a fresh server, then after 10,000 `POST /v1/validate` requests;
#   2. `POST /v1/validate` with the seed instance and its plan: 16 connections, 2 wrk threads;
#   3. event posts at 16 connections into 16 schedules (round robin, no If-Match), then into one
#      schedule (no If-Match), with wrk: accepted (200) and refused (409) counted apart; then 16
#      Python clients, each into its own schedule with If-Match (the version it last got);
#   4. events per second sustained into one schedule by one client that sends If-Match with the
#      version it last got (scripts below, Python's http.client): 1 event per batch, 10 per batch;
#   and the memory again after all of it.
#
# Usage: ROTA_BIN=path/to/release/rota results/server-bench.sh   (DURATION=20 seconds per wrk run)
# Installs Debian's wrk when missing. wrk, the Python client and the server share the machine's
# cores: the figures are for that, not for a server alone.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${ROTA_BIN:-.build/release/rota}
DURATION=${DURATION:-20}
SEED=instances/seed.json
[ -x "$BIN" ] || { echo "server-bench: no rota binary at $BIN (make release, or ROTA_BIN=...)" >&2; exit 2; }

if ! command -v wrk >/dev/null 2>&1; then
    echo "Installing wrk..."
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/rota-server-bench.XXXXXX")
PID=""
cleanup() {
    if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "## machine"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "nproc: $(nproc)"
echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "uptime: $(uptime)"
echo "rota: $("$BIN" --version 2>/dev/null || true) ($BIN), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "wrk: $(wrk -v 2>&1 | head -1)"

# The seed's plan, and the bodies.
"$BIN" solve "$SEED" -o "$WORK/plan.json" --quiet
python3 - "$SEED" "$WORK" <<'EOF'
import json, sys
seed, work = sys.argv[1], sys.argv[2]
instance = open(seed).read()
plan = open(work + "/plan.json").read()
open(work + "/validate.json", "w").write('{"instance": %s, "plan": %s}' % (instance, plan))
accounts = json.loads(instance)["accounts"]
start = json.loads(instance)["start"]
def event(account):
    # Restates the account's daily limit from the first day: it always applies, and the
    # schedule stays the same size, so every batch costs the same (decode, apply, replan,
    # validate, audit, one transaction).
    return {"event": "account-limit", "at": "2026-12-01T08:00:00Z", "actor": "bench",
            "account": account["id"], "dailyLimit": account["dailyLimit"], "from": start}
open(work + "/event1.json", "w").write(json.dumps([event(accounts[0])]))
open(work + "/event10.json", "w").write(json.dumps([event(accounts[i % len(accounts)]) for i in range(10)]))
open(work + "/start", "w").write(start)
EOF
START=$(cat "$WORK/start")
echo "validate body: $(wc -c < "$WORK/validate.json") bytes; seed: $(python3 -c "import json,sys; d=json.load(open('$SEED')); print(len(d['accounts']), 'accounts,', sum(len(o['lines']) for o in d['orders']), 'lines')")"

# Solves: 2 at once (the default), and a queue as deep as the connections, so the event runs
# measure the server's throughput rather than its 429s (any 429 is still counted).
"$BIN" serve --host 127.0.0.1 --port 0 --database "$WORK/rota.sqlite" --max-solves 2 --queue 16 \
    > "$WORK/stdout" 2> "$WORK/server.log" &
PID=$!
PORT=""
for _ in $(seq 1 300); do
    PORT=$(sed -n 's#^rota serve: listening on http://127\.0\.0\.1:\([0-9][0-9]*\)$#\1#p' "$WORK/stdout")
    [ -n "$PORT" ] && break
    sleep 0.1
done
[ -n "$PORT" ] || { echo "server-bench: the server did not start" >&2; cat "$WORK/server.log" >&2; exit 1; }
URL="http://127.0.0.1:$PORT"
echo "server: rota serve --max-solves 2 --queue 16, pid $PID, $URL"

# The server's memory, and the machine's load (the cores are shared with whatever else runs).
memory() {
    printf '%s: %s, %s; load average %s\n' "$1" "$(grep VmRSS /proc/$PID/status | tr -s ' \t' ' ')" \
        "$(grep VmHWM /proc/$PID/status | tr -s ' \t' ' ')" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

# wrk's Lua: the body from a file, statuses counted per thread and summed, latency percentiles
# (wrk measures from the request's first byte sent to the answer's last byte received).
cat > "$WORK/post.lua" <<'EOF'
local threads = {}
function setup(thread)
    table.insert(threads, thread)
    thread:set("id", #threads)
end
function init(args)
    local file = assert(io.open(os.getenv("BODY"), "rb"))
    wrk.body = file:read("*a")
    file:close()
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
    limit = tonumber(os.getenv("STOP_AFTER") or "0")
    -- PATHS: request paths taken in turn; with PATHS_PER_THREAD, thread N takes its own
    -- PATHS_PER_THREAD of them (thread 1 the first ones), so no two threads share a path.
    local all = {}
    for path in string.gmatch(os.getenv("PATHS") or wrk.path, "[^ ]+") do table.insert(all, path) end
    local per = tonumber(os.getenv("PATHS_PER_THREAD") or "0")
    paths = {}
    if per > 0 then
        for i = 1, per do table.insert(paths, all[(id - 1) * per + i]) end
    else
        paths = all
    end
    next_path = 1
    counts = {}
    answered = 0
end
function request()
    local path = paths[next_path]
    next_path = next_path % #paths + 1
    return wrk.format(nil, path)
end
function response(status, headers, body)
    counts[status] = (counts[status] or 0) + 1
    answered = answered + 1
    if limit > 0 and answered >= limit then wrk.thread:stop() end
end
function done(summary, latency, requests)
    local total = {}
    for _, thread in ipairs(threads) do
        for status, n in pairs(thread:get("counts")) do total[status] = (total[status] or 0) + n end
    end
    local seconds = summary.duration / 1e6
    io.write(string.format("requests %d in %.2f s = %.1f/s; socket errors: connect %d, read %d, write %d, timeout %d\n",
        summary.requests, seconds, summary.requests / seconds, summary.errors.connect, summary.errors.read,
        summary.errors.write, summary.errors.timeout))
    for status, n in pairs(total) do io.write(string.format("status %d: %d (%.1f/s)\n", status, n, n / seconds)) end
    io.write(string.format("latency ms: p50 %.2f, p90 %.2f, p99 %.2f, max %.2f\n", latency:percentile(50) / 1000,
        latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
EOF

echo
echo "## memory, and 10,000 validate requests"
memory "fresh server"
# Each thread stops after 5,000 answers (wrk still waits out -d: ignore its requests per second).
BODY="$WORK/validate.json" STOP_AFTER=5000 wrk -t2 -c16 -d30s --timeout 30s -s "$WORK/post.lua" "$URL/v1/validate"
memory "after 10,000 validate requests"

echo
echo "## POST /v1/validate, seed instance and plan, 16 connections, 2 threads, ${DURATION}s"
BODY="$WORK/validate.json" wrk -t2 -c16 -d"${DURATION}s" --timeout 30s -s "$WORK/post.lua" "$URL/v1/validate"
memory "after the validate run"

# 16 schedules of the seed.
SCHEDULES=()
for _ in $(seq 1 16); do
    SCHEDULES+=("$(curl -sf -X POST -H 'Content-Type: application/json' --data-binary @"$SEED" "$URL/v1/schedules?actor=bench" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')")
done
PATHS=""
for id in "${SCHEDULES[@]}"; do PATHS="$PATHS /v1/schedules/$id/events?today=$START&actor=bench"; done

echo
echo "## event posts (1 event per batch), 16 connections into 16 schedules (8 per wrk thread, in turn), no If-Match, ${DURATION}s"
BODY="$WORK/event1.json" PATHS="$PATHS" PATHS_PER_THREAD=8 wrk -t2 -c16 -d"${DURATION}s" --timeout 60s -s "$WORK/post.lua" "$URL/v1/schedules"
memory "after the 16-schedule event run"

echo
echo "## event posts (1 event per batch), 16 connections into one schedule, no If-Match, ${DURATION}s"
BODY="$WORK/event1.json" PATHS="/v1/schedules/${SCHEDULES[0]}/events?today=$START&actor=bench" \
    wrk -t2 -c16 -d"${DURATION}s" --timeout 60s -s "$WORK/post.lua" "$URL/v1/schedules"
memory "after the one-schedule event run"

echo
echo "## event posts (1 event per batch), 16 clients (Python threads), each into its own schedule with If-Match, ${DURATION}s"
python3 - "$URL" "$WORK" "$START" "$DURATION" "${SCHEDULES[@]}" <<'EOF'
import http.client, sys, threading, time, urllib.parse
url, work, start, duration = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
schedules = sys.argv[5:]
host = urllib.parse.urlparse(url)
events = open(work + "/event1.json", "rb").read()
results = []
lock = threading.Lock()
def client(schedule):
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=120)
    connection.request("GET", "/v1/schedules/" + schedule)
    answer = connection.getresponse()
    answer.read()
    etag = answer.getheader("ETag")
    mine = []
    end = time.perf_counter() + duration
    while time.perf_counter() < end:
        sent = time.perf_counter()
        connection.request("POST", "/v1/schedules/%s/events?today=%s&actor=bench" % (schedule, start), body=events,
                           headers={"Content-Type": "application/json", "If-Match": etag})
        answer = connection.getresponse()
        answer.read()
        mine.append((answer.status, (time.perf_counter() - sent) * 1000))
        if answer.status == 200:
            etag = answer.getheader("ETag")
    with lock:
        results.extend(mine)
began = time.perf_counter()
threads = [threading.Thread(target=client, args=(schedule,)) for schedule in schedules]
for thread in threads: thread.start()
for thread in threads: thread.join()
seconds = time.perf_counter() - began
statuses = {}
for status, _ in results: statuses[status] = statuses.get(status, 0) + 1
times = sorted(ms for _, ms in results)
print("requests %d in %.2f s = %.1f/s; %s" % (len(results), seconds, len(results) / seconds,
      ", ".join("status %d: %d (%.1f/s)" % (k, v, v / seconds) for k, v in sorted(statuses.items()))))
print("latency ms (client-side, Python): p50 %.2f, p90 %.2f, p99 %.2f, max %.2f"
      % (times[len(times) // 2], times[int(len(times) * 0.9)], times[int(len(times) * 0.99)], times[-1]))
EOF
memory "after the 16-client If-Match run"

echo
echo "## sustained into one schedule: one client, If-Match with the version it last got"
python3 - "$URL" "$SEED" "$WORK" "$START" <<'EOF'
import http.client, json, statistics, sys, time, urllib.parse
url, seed, work, start = sys.argv[1:5]
host = urllib.parse.urlparse(url)
connection = http.client.HTTPConnection(host.hostname, host.port, timeout=120)
def call(method, path, body=None, headers={}):
    connection.request(method, path, body=body, headers=headers)
    answer = connection.getresponse()
    return answer.status, answer.getheader("ETag"), answer.read()
status, etag, body = call("POST", "/v1/schedules?actor=bench", open(seed, "rb").read(), {"Content-Type": "application/json"})
assert status == 201, (status, body[:200])
schedule = json.loads(body)["id"]
for size, batches in ((1, 2000), (10, 1000)):
    events = open("%s/event%d.json" % (work, size), "rb").read()
    times = []
    began = time.perf_counter()
    for _ in range(batches):
        sent = time.perf_counter()
        status, etag_next, body = call("POST", "/v1/schedules/%s/events?today=%s&actor=bench" % (schedule, start), events,
                                       {"Content-Type": "application/json", "If-Match": etag})
        times.append((time.perf_counter() - sent) * 1000)
        assert status == 200, (status, body[:300])
        etag = etag_next
    seconds = time.perf_counter() - began
    times.sort()
    print("%d event(s) per batch: %d batches in %.2f s = %.1f batches/s = %.1f events/s; latency ms p50 %.1f, p90 %.1f, p99 %.1f, max %.1f; now at version %s"
          % (size, batches, seconds, batches / seconds, batches * size / seconds, times[len(times) // 2],
             times[int(len(times) * 0.9)], times[min(len(times) - 1, int(len(times) * 0.99))], times[-1], etag))
EOF
memory "at the end"
echo "database: $(du -sh "$WORK" | cut -f1) (the database and its WAL)"

kill -TERM "$PID"
wait "$PID" && echo "server: stopped cleanly after SIGTERM"
PID=""
