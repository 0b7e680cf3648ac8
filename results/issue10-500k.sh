#!/bin/bash
# The 500,000-line targets of issue 10, end to end, two builds side by side in one run.
#   results/issue10-500k.sh BEFORE_ROTA AFTER_ROTA [RUNS]
# Generates huge-1 (500,000 lines, 1,000 accounts) in $SCRATCH (default /tmp/m10) when missing,
# then times `rota solve`, `rota validate` and `rota score` as processes (/usr/bin/time: wall
# seconds, user+system CPU seconds, peak resident set), alternating the two builds, RUNS times
# each (default 3), and prints the median wall time of each with its CPU and memory.
set -euo pipefail
BEFORE=$(realpath "$1"); AFTER=$(realpath "$2"); RUNS=${3:-3}
SCRATCH=${SCRATCH:-/tmp/m10}
mkdir -p "$SCRATCH"; cd "$SCRATCH"
[ -f huge-1.json ] || "$AFTER" generate --family huge --seed 1 -o huge-1.json --quiet
[ -f huge-1.plan.json ] || "$BEFORE" solve huge-1.json -o huge-1.plan.json --quiet
log=$(mktemp)
for ((i = 0; i < RUNS; i++)); do
  for who in before after; do
    bin=$BEFORE; [ $who = after ] && bin=$AFTER
    /usr/bin/time -f "$who solve %e %U %S %M" -a -o "$log" "$bin" solve huge-1.json -o plan.$who.json --quiet
    /usr/bin/time -f "$who validate %e %U %S %M" -a -o "$log" "$bin" validate huge-1.json huge-1.plan.json > /dev/null
    /usr/bin/time -f "$who score %e %U %S %M" -a -o "$log" "$bin" score huge-1.json huge-1.plan.json > /dev/null
  done
done
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$log" <<'PY'
import sys, statistics, collections
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    who, command, wall, user, system, kb = line.split()
    runs[(command, who)].append((float(wall), float(user) + float(system), int(kb)))
print("| command | before: wall (cpu), peak | after: wall (cpu), peak | after / before |")
print("|---|---|---|---|")
for command in ("solve", "validate", "score"):
    cells = []
    medians = {}
    for who in ("before", "after"):
        rows = sorted(runs[(command, who)])
        wall, cpu, kb = rows[len(rows) // 2]
        medians[who] = wall
        cells.append(f"{wall:.2f} s ({cpu:.2f} s), {kb / 1024:.0f} MB")
    print(f"| `rota {command}` | {cells[0]} | {cells[1]} | {medians['after'] / medians['before']:.2f} |")
PY
rm -f "$log"
