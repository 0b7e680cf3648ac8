#!/usr/bin/env bash
# A one-node Slurm cluster on this machine (Debian's slurm-wlm 22.05 and munge), for
# `make test-slurm`:
#   examples/slurm/cluster.sh install   installs slurm-wlm and munge when missing (apt-get)
#   examples/slurm/cluster.sh start     starts munged, slurmctld and slurmd; waits for the node
#   examples/slurm/cluster.sh stop      stops the daemons it started (by their pids)
# State, logs and the generated slurm.conf live in $ROTA_SLURM_STATE (default
# /tmp/rota-slurm); commands find the cluster through SLURM_CONF=$ROTA_SLURM_STATE/slurm.conf.
# Needs root (or sudo): munged runs as the munge user, the Slurm daemons as root.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
STATE="${ROTA_SLURM_STATE:-/tmp/rota-slurm}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo

install() {
    if ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
        echo "Installing slurm-wlm and munge..."
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq slurm-wlm munge >/dev/null
    fi
}

start() {
    install
    mkdir -p "$STATE/ctld" "$STATE/d"
    # munge: a key, its run folder, the daemon as the munge user.
    if [ ! -s /etc/munge/munge.key ]; then
        $SUDO dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
    fi
    $SUDO chown munge:munge /etc/munge/munge.key
    $SUDO chmod 0400 /etc/munge/munge.key
    $SUDO mkdir -p /run/munge && $SUDO chown munge:munge /run/munge
    if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
        $SUDO runuser -u munge -- /usr/sbin/munged
        sleep 1
    fi
    munge -n | unmunge | grep -q 'STATUS: *Success' || { echo "munge does not work" >&2; exit 1; }
    local host cpus memory
    host="$(hostname -s)"
    cpus="$(nproc)"
    memory="$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512 ))"
    sed -e "s|@HOST@|$host|g" -e "s|@CPUS@|$cpus|g" -e "s|@MEMORY@|$memory|g" -e "s|@STATE@|$STATE|g" \
        "$HERE/slurm.conf.in" > "$STATE/slurm.conf"
    export SLURM_CONF="$STATE/slurm.conf"
    $SUDO slurmctld -f "$SLURM_CONF"
    $SUDO slurmd -f "$SLURM_CONF"
    for _ in $(seq 1 60); do
        if sinfo -h -N -o '%t' 2>/dev/null | grep -qE '^(idle|mix|alloc)'; then
            sinfo
            return 0
        fi
        sleep 1
    done
    echo "the node did not come up; see $STATE/slurmctld.log and $STATE/slurmd.log" >&2
    sinfo >&2 || true
    exit 1
}

stop() {
    for pidfile in "$STATE/slurmd.pid" "$STATE/slurmctld.pid"; do
        if [ -s "$pidfile" ]; then
            $SUDO kill "$(cat "$pidfile")" 2>/dev/null || true
        fi
    done
    # munged: only the one started with this run folder.
    if [ -s /run/munge/munged.pid ]; then
        $SUDO kill "$(cat /run/munge/munged.pid)" 2>/dev/null || true
    fi
    sleep 1
}

case "${1:-}" in
    install) install ;;
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 install|start|stop" >&2; exit 2 ;;
esac
