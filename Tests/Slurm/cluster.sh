#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for the grading test (run as root).
#   Tests/Slurm/cluster.sh start FOLDER   starts munged, slurmctld and slurmd with their state under FOLDER
#   Tests/Slurm/cluster.sh stop FOLDER    stops them (by the PIDs recorded under FOLDER)
# Needs Debian's munge, slurmctld, slurmd and slurm-client (.ci/run installs them).
set -euo pipefail
action="${1:?start or stop}"
folder="$(mkdir -p "${2:?folder}" && cd "$2" && pwd)"
node="$(hostname -s)"

stop() {
  for name in slurmd slurmctld munged; do
    if [ -f "$folder/$name.pid" ]; then
      kill "$(cat "$folder/$name.pid")" 2>/dev/null || true
      rm -f "$folder/$name.pid"
    fi
  done
}

if [ "$action" = stop ]; then stop; exit 0; fi

chmod 0755 "$folder"  # munged, as the munge user, must reach its folder
mkdir -p "$folder/state" "$folder/spool" "$folder/log" "$folder/munge"
chown munge:munge "$folder/munge"
chmod 0700 "$folder/munge"
if [ ! -s /etc/munge/munge.key ]; then
  dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
fi
chown munge:munge /etc/munge/munge.key
chmod 0400 /etc/munge/munge.key
mkdir -p /run/munge && chown munge:munge /run/munge
su -s /bin/sh munge -c "/usr/sbin/munged --pid-file=$folder/munge/munged.pid --socket=/run/munge/munge.socket.2 --force"
for _ in $(seq 50); do [ -s "$folder/munge/munged.pid" ] && break; sleep 0.1; done
cp "$folder/munge/munged.pid" "$folder/munged.pid"

cat > "$folder/slurm.conf" <<CONF
ClusterName=lessons
SlurmctldHost=$node
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
StateSaveLocation=$folder/state
SlurmdSpoolDir=$folder/spool
SlurmctldPidFile=$folder/slurmctld.pid
SlurmdPidFile=$folder/slurmd.pid
SlurmctldLogFile=$folder/log/slurmctld.log
SlurmdLogFile=$folder/log/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
ReturnToService=2
MinJobAge=300
KillWait=5
NodeName=$node CPUs=$(nproc) State=UNKNOWN
PartitionName=main Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$folder/slurm.conf"
/usr/sbin/slurmctld -f "$SLURM_CONF"
/usr/sbin/slurmd -f "$SLURM_CONF"
for _ in $(seq 100); do
  if sinfo --noheader --format=%t 2>/dev/null | grep -q idle; then echo "cluster up: node $node ($SLURM_CONF)"; exit 0; fi
  sleep 0.3
done
echo "the cluster did not come up; logs in $folder/log" >&2
tail -20 "$folder/log/slurmctld.log" "$folder/log/slurmd.log" >&2 || true
stop
exit 1
