#!/usr/bin/env bash
# Starts a one-node Slurm cluster, grades on it (cluster_test.py), and stops it whatever happened.
set -euo pipefail
cd "$(dirname "$0")/../.."
folder="$(mktemp -d /tmp/lessons-slurm-cluster-XXXXXX)"
trap 'Tests/Slurm/cluster.sh stop "$folder"; sleep 1; rm -rf "$folder" 2>/dev/null || true' EXIT
Tests/Slurm/cluster.sh start "$folder"
export SLURM_CONF="$folder/slurm.conf"
python3 Tests/Slurm/cluster_test.py
