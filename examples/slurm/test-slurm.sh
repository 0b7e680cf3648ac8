#!/usr/bin/env bash
# `make test-slurm`: a real sweep on a real (one-node) Slurm cluster. Generates 6 instances
# and a 4-vector grid, runs the sweep unsharded, then as a 3-task job array (one shard per
# task, sweep.sbatch), merges the parts, and checks the merge equals the unsharded sweep
# line for line but for "seconds". Starts the cluster if none answers, and stops what it started.
set -euo pipefail
ROTA="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="${ROTA_SLURM_WORK:-/tmp/rota-slurm-sweep}"
export ROTA_SLURM_STATE="${ROTA_SLURM_STATE:-/tmp/rota-slurm}"
export SLURM_CONF="$ROTA_SLURM_STATE/slurm.conf"
SHARDS=3

started=""
cleanup() { [ -n "$started" ] && "$HERE/cluster.sh" stop; }
trap cleanup EXIT
if ! sinfo -h >/dev/null 2>&1; then
    "$HERE/cluster.sh" start
    started=1
fi

rm -rf "$WORK" && mkdir -p "$WORK/instances" "$WORK/parts"
for seed in 1 2 3; do
    "$ROTA" generate --family tiny --seed "$seed" -o "$WORK/instances/tiny-$seed.json" --quiet
    "$ROTA" generate --family small --seed "$seed" -o "$WORK/instances/small-$seed.json" --quiet
done
cat > "$WORK/grid.yaml" <<'GRID'
# 4 vectors: sla against value, readiness, customer and risk fixed, normalised to sum 1.
axes:
  sla: [0.2, 0.8]
  value: [0.1, 0.4]
  readiness: 0.2
  customer: 0.15
  risk: 0.1
normalize: true
GRID

echo "== unsharded sweep"
"$ROTA" sweep --instances "$WORK/instances" --grid "$WORK/grid.yaml" -o "$WORK/whole.jsonl" --quiet
echo "== job array: sbatch --wait --array=0-$((SHARDS - 1)) examples/slurm/sweep.sbatch"
cd "$WORK"
sbatch --wait --array=0-$((SHARDS - 1)) \
    --export=ALL,ROTA="$ROTA",INSTANCES="$WORK/instances",GRID="$WORK/grid.yaml",OUT="$WORK/parts",SHARDS="$SHARDS" \
    "$HERE/sweep.sbatch"
sacct -n -X -o JobID,State,ExitCode 2>/dev/null || true
ls -l "$WORK/parts"
echo "== merge"
"$ROTA" sweep merge "$WORK"/parts/part-*.jsonl -o "$WORK/merged.jsonl"
untimed() { sed -E 's/"seconds":[-0-9.eE+]+,//' "$1"; }
if diff <(untimed "$WORK/whole.jsonl") <(untimed "$WORK/merged.jsonl") >/dev/null; then
    echo "OK: the merge of $SHARDS Slurm array tasks equals the unsharded sweep ($(($(wc -l < "$WORK/merged.jsonl") - 1)) runs, all but seconds)"
else
    echo "FAIL: the merge differs from the unsharded sweep:" >&2
    diff <(untimed "$WORK/whole.jsonl") <(untimed "$WORK/merged.jsonl") >&2 || true
    exit 1
fi
"$ROTA" sweep summary "$WORK/merged.jsonl" | tail -n 8
