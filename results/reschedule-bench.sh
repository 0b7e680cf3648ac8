#!/bin/bash
# Reschedule benchmark (issue 11): on generated scenarios, `rota reschedule` against a
# from-scratch `rota solve` of the same situation (the --instance-out the reschedule wrote):
# tasks moved against the old plan (FORMAT.md `changes`, from `rota score --previous`),
# makespans, and wall time. Usage: results/reschedule-bench.sh ROTA [WORKDIR]
#   ROTA     a release binary (swift build -c release --product rota)
#   WORKDIR  where instances, plans and events go (default /tmp/rota-resched-bench)
# SCENARIOS overrides the list ("family:seed:events:days" words). Each scenario: the instance,
# its plan by `rota solve` (auto), then a day later than the start ("days"): every pending
# task dated before it is reported completed, and "events" random events are added (missed,
# delayed, account-unavailable, account-limit, orders-added, line-cancelled; seeded, so
# the same scenario gives the same events). The table goes to standard output.
set -euo pipefail
R=$(realpath "$1")
W=${2:-/tmp/rota-resched-bench}
SCENARIOS=${SCENARIOS:-"resched:1:8:1 resched:2:8:1 resched:3:8:2 resched:4:12:2 resched:5:12:3 medium:1:40:5 medium:2:40:7 large:1:200:5 large:2:200:7"}
mkdir -p "$W"
cd "$W"

# moved = tasks on another account or day than in the old plan (added and removed tasks,
# e.g. new orders' and cancelled lines', are the same for both and left out); ms = makespan;
# wall = wall-clock seconds of the command, cpu = its user + system CPU seconds.
# outside = tasks the reschedule moved outside the events' reach (lines and accounts they name).
printf "%-10s %6s %6s %6s | %-25s | %-25s | %7s | %s\n" scenario lines tasks events \
  "reschedule: moved ms wall cpu" "scratch: moved ms wall cpu" outside "reschedule's note"
for sc in $SCENARIOS; do
  IFS=: read -r fam seed nev days <<<"$sc"
  i=$fam-$seed
  [ -f "$i.json" ] || "$R" generate --family "$fam" --seed "$seed" -o "$i.json" --quiet
  [ -f "$i.plan.json" ] || "$R" solve "$i.json" -o "$i.plan.json" --quiet
  today=$(python3 - "$i" "$nev" "$days" "$seed" <<'PY'
import json, sys, random, datetime
name, count, days, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
inst = json.load(open(name + ".json")); plan = json.load(open(name + ".plan.json"))
rng = random.Random(seed * 7919 + count)
start = datetime.date.fromisoformat(inst["start"])
today = start + datetime.timedelta(days=days)
end = start + datetime.timedelta(days=inst.get("horizonDays", 365))
at = f"{today.isoformat()}T08:00:00Z"
ev = lambda kind, **f: json.dumps({"event": kind, "at": at, "actor": "bench", **f}, separators=(",", ":"))
pending = [t for t in plan["tasks"] if t["status"] == "pending"]
out = []
# What time passing brings: everything planned before today was done as planned
# (purchases before reviews: a review is completed only after its purchase).
past = sorted((t for t in pending if datetime.date.fromisoformat(t["date"]) < today),
              key=lambda t: (t["kind"] != "purchase", t["date"]))
done_purchase = {t["line"] for t in plan["tasks"] if t["kind"] == "purchase" and t["status"] == "completed"}
used = set()
for t in past:
    if t["kind"] == "review" and t["line"] not in done_purchase: continue
    out.append(ev("completed", task=t["id"], date=t["date"]))
    if t["kind"] == "purchase": done_purchase.add(t["line"])
    used.add(t["line"])
done_lines = {t["line"] for t in plan["tasks"] + inst.get("existing", []) if t["status"] == "completed"} | used
future = [t for t in pending if datetime.date.fromisoformat(t["date"]) >= today and t["line"] not in used]
accounts = [a["id"] for a in inst["accounts"]]
items = sorted({l["item"] for o in inst["orders"] for l in o["lines"]})
added = 0
kinds = ["missed", "delayed", "account-unavailable", "account-limit", "orders-added", "line-cancelled"]
while count > 0 and future:
    kind = rng.choice(kinds); count -= 1
    t = rng.choice(future)
    if kind == "missed" and (t["kind"] == "purchase" or t["line"] in done_purchase):
        out.append(ev("missed", task=t["id"]))
    elif kind == "delayed":
        nb = today + datetime.timedelta(days=rng.randint(0, 5))
        if nb < end: out.append(ev("delayed", task=t["id"], notBefore=nb.isoformat()))
    elif kind == "line-cancelled" and t["line"] not in done_lines:
        out.append(ev("line-cancelled", line=t["line"]))
    elif kind == "account-unavailable":
        f = today + datetime.timedelta(days=rng.randint(0, 3))
        out.append(ev(kind, account=rng.choice(accounts), **{"from": f.isoformat(), "to": (f + datetime.timedelta(days=rng.randint(0, 2))).isoformat()}))
        continue
    elif kind == "account-limit":
        a = rng.choice(inst["accounts"]); old = a.get("dailyLimit") or 3
        out.append(ev(kind, account=a["id"], dailyLimit=max(1, old - 1), **{"from": today.isoformat()}))
        continue
    elif kind == "orders-added":
        added += 1; oid = f"add-{today.isoformat()}-{added}"
        lines = [{"id": f"{oid}/{n}", "item": rng.choice(items)} for n in range(1, rng.randint(1, 3) + 1)]
        out.append(ev(kind, orders=[{"id": oid, "lines": lines}]))
        continue
    else:
        continue
    future = [f for f in future if f["line"] != t["line"]]
open(name + ".events.jsonl", "w").write("".join(line + "\n" for line in out))
print(today.isoformat())
PY
)
  /usr/bin/time -f "%e %U %S" -o "$i.resched.time" "$R" reschedule "$i.json" "$i.plan.json" \
    --events "$i.events.jsonl" --today "$today" -o "$i.resched.json" --instance-out "$i.after.json" --quiet
  /usr/bin/time -f "%e %U %S" -o "$i.scratch.time" "$R" solve "$i.after.json" -o "$i.scratch.json" --quiet
  "$R" validate "$i.after.json" "$i.resched.json" >/dev/null
  "$R" validate "$i.after.json" "$i.scratch.json" >/dev/null
  "$R" score "$i.after.json" "$i.resched.json" --previous "$i.plan.json" --json >"$i.resched.score.json"
  "$R" score "$i.after.json" "$i.scratch.json" --previous "$i.plan.json" --json >"$i.scratch.score.json"
  python3 - "$i" <<'PY'
import json, sys
i = sys.argv[1]
def secs(f):
    wall, user, system = map(float, open(f).read().split()[-3:])
    return wall, user + system
(rw, rc), (sw, sc) = secs(i + ".resched.time"), secs(i + ".scratch.time")
inst = json.load(open(i + ".json"))
lines = sum(len(o["lines"]) for o in inst["orders"])
plan = json.load(open(i + ".plan.json"))
tasks = sum(t["status"] == "pending" for t in plan["tasks"])
events = sum(1 for _ in open(i + ".events.jsonl"))
r = json.load(open(i + ".resched.score.json"))["metrics"]
s = json.load(open(i + ".scratch.score.json"))["metrics"]
kept = json.load(open(i + ".resched.json"))["solver"]["settings"].get("reschedule", "")
# The events' reach: lines an event names (missed, delayed, cancelled; completed tasks do not
# move) and accounts an event names (days off, limit); a move outside it is churn for nothing.
ev = [json.loads(l) for l in open(i + ".events.jsonl")]
line_of = {t["id"]: t["line"] for t in plan["tasks"]}
named = {line_of[e["task"]] for e in ev if e["event"] in ("missed", "delayed")} | {e["line"] for e in ev if e["event"] == "line-cancelled"}
accts = {e["account"] for e in ev if e["event"] in ("account-unavailable", "account-limit")}
outside = sum(m["line"] not in named and m["from"]["account"] not in accts for m in r["changes"]["moved"])
print(f'{i:<10} {lines:>6} {tasks:>6} {events:>6} | {len(r["changes"]["moved"]):>6} {r["makespan"]:>4} {rw:6.2f} {rc:6.2f} | '
      f'{len(s["changes"]["moved"]):>6} {s["makespan"]:>4} {sw:6.2f} {sc:6.2f} | {outside:>7} | {kept}')
PY
done
