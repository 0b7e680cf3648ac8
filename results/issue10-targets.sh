#!/bin/bash
# Measures issue 10's targets with the rota at $1 (a release binary); instances in /tmp/m10.
R=$1
cd /tmp/m10
gen() { [ -f "$1-$2.json" ] || $R generate --family $1 --seed $2 -o $1-$2.json --quiet; }
for f in $FAMS; do for s in $SEEDS; do gen $f $s; done; done
printf "%-11s %5s %8s %6s %9s %7s %-11s %s\n" instance lines makespan bound lategap secs status path
for f in $FAMS; do for s in $SEEDS; do
  i=$f-$s
  start=$(date +%s.%N)
  $R solve $i.json -o $i.plan.json --quiet 2>/dev/null
  end=$(date +%s.%N)
  $R score $i.json $i.plan.json --json > $i.score.json 2>/dev/null
  python3 - "$i" "$(echo "$end - $start" | bc)" <<'PY'
import json,sys
i=sys.argv[1]
p=json.load(open(i+".plan.json"));s=p["solver"];sc=json.load(open(i+".score.json"))
inst=json.load(open(i+".json"));lines=sum(len(o["lines"]) for o in inst["orders"])
lg=sc.get("latenessGap");lg="-" if lg is None else f"{100*lg:.2f}%"
print(f'{i:<11} {lines:>5} {sc["metrics"]["makespan"]:>8} {s.get("lowerBound","-")!s:>6} {lg:>9} {float(sys.argv[2]):7.2f} {s["status"]:<11} {s["settings"].get("path","")}')
PY
done; done
