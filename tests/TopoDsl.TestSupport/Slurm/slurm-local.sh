#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, for the tests: `start DIR` brings up munged, slurmctld and slurmd with
# their state, logs and pid files under DIR and waits until the node is idle; `stop DIR` stops them and removes DIR.
# Needs root, and Debian's slurm-wlm and munge. Prints one line saying why when it cannot start.
set -uo pipefail
action=${1:?start or stop}
dir=${2:?a folder for the cluster files}

stop() {
  local pids=()
  for file in "$dir"/slurmd.pid "$dir"/slurmctld.pid "$dir"/munged.pid; do
    [ -f "$file" ] && pids+=("$(cat "$file")")
  done
  [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null
  # Wait until they are gone, so that the next cluster can take their ports.
  for _ in $(seq 1 20); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.5
  done
  rm -rf "$dir"
}

if [ "$action" = stop ]; then stop; exit 0; fi

fail() { echo "slurm-local: $*"; exit 1; }
[ "$(id -u)" = 0 ] || fail "needs root to run munged and the Slurm daemons"
for tool in munged slurmctld slurmd sbatch sinfo; do command -v "$tool" >/dev/null || fail "$tool not found (apt-get install slurm-wlm munge)"; done
mkdir -p "$dir"/state "$dir"/spool "$dir"/munge "$dir"/logs
host=$(hostname)

# munge: its own key and socket under DIR, readable by the munge user only.
chown munge:munge "$dir"/munge
head -c 1024 /dev/urandom > "$dir"/munge/munge.key
chown munge:munge "$dir"/munge/munge.key && chmod 400 "$dir"/munge/munge.key
mkdir -p /run/munge && chown munge:munge /run/munge
runuser -u munge -- /usr/sbin/munged --force --key-file="$dir"/munge/munge.key --socket=/run/munge/munge.socket.2 \
  --pid-file="$dir"/munge/munged.pid --log-file="$dir"/munge/munged.log --seed-file="$dir"/munge/munged.seed </dev/null >/dev/null 2>&1 || fail "munged did not start (see $dir/munge/munged.log)"
cp "$dir"/munge/munged.pid "$dir"/munged.pid
munge -n | unmunge >/dev/null 2>&1 || fail "munge does not authenticate (see $dir/munge/munged.log)"

cat > /etc/slurm/slurm.conf <<CONF
ClusterName=topodsl
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/logs/slurmctld.log
SlurmdLogFile=$dir/logs/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF

# The daemons must not hold the caller's output open (a test reads it to the end).
slurmctld </dev/null >/dev/null 2>&1 || fail "slurmctld did not start (see $dir/logs/slurmctld.log)"
sleep 2
slurmd </dev/null >/dev/null 2>&1 || fail "slurmd did not start (see $dir/logs/slurmd.log)"
for _ in $(seq 1 30); do
  if sinfo -h -o %T 2>/dev/null | grep -q idle; then echo "slurm-local: ready"; exit 0; fi
  sleep 1
done
fail "the node did not become idle in 30 s (see $dir/logs)"
