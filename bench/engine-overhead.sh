#!/usr/bin/env bash
# Engine overhead with the local transport (issue "Engine core", point 10).
#   bench/engine-overhead.sh [ROUNDS]
# Measures, in one run on this machine:
#   spawn   - 10 hosts x 50 tasks of /bin/true through Commons Exec, forks 10, no engine (the floor)
#   empty   - runbook on the same 10 hosts with an empty play (JVM start + loading + recap)
#   full    - runbook, 10 hosts x 50 tasks of `command: /bin/true`, forks 10
#   startup - from launch to the first task_start event of a 200-task playbook (JSONL timestamps)
# and reports the engine's overhead per task-host beyond the spawn itself:
#   (full - empty - spawn) / 500.  Medians of ROUNDS rounds (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin/runbook --version >/dev/null   # builds the jar and its class-data archive when needed
jar=target/runbook.jar

{
  echo "all:"; echo "  vars: {ansible_connection: local}"; echo "  hosts:"
  for i in $(seq -w 1 10); do echo "    h$i:"; done
} >"$work/hosts.yml"
{
  echo "- hosts: all"; echo "  tasks:"
  for i in $(seq 1 50); do echo "    - {name: t$i, command: /bin/true}"; done
} >"$work/full.yml"
printf -- '- hosts: all\n  tasks: []\n' >"$work/empty.yml"
{
  echo "- hosts: h01"; echo "  gather_facts: false"; echo "  tasks:"
  for i in $(seq 1 200); do echo "    - {name: t$i, command: /bin/true, when: inventory_hostname == 'h01'}"; done
} >"$work/big.yml"

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

spawn=(); empty=(); full=(); startup=()
for _ in $(seq "$rounds"); do
  spawn+=("$(java -cp "$jar" bench/SpawnBaseline.java 10 50 10)")
  empty+=("$(ms bin/runbook run "$work/empty.yml" -i "$work/hosts.yml" -f 10)")
  full+=("$(ms bin/runbook run "$work/full.yml" -i "$work/hosts.yml" -f 10)")
  s=$(date +%s%N)
  first=$(bin/runbook run "$work/big.yml" -i "$work/hosts.yml" --output jsonl \
    | grep -m1 '"event":"task_start"' | sed -E 's/.*"ts":"([^"]+)".*/\1/')
  startup+=($(( $(date -d "$first" +%s%N) / 1000000 - s / 1000000 )))
done
sp=$(printf '%s\n' "${spawn[@]}" | median)
em=$(printf '%s\n' "${empty[@]}" | median)
fu=$(printf '%s\n' "${full[@]}" | median)
st=$(printf '%s\n' "${startup[@]}" | median)
per=$(awk -v f="$fu" -v e="$em" -v s="$sp" 'BEGIN {printf "%.2f", (f - e - s) / 500}')
echo "rounds=$rounds (medians, ms)"
echo "spawn floor, 500 x /bin/true, forks 10: $sp"
echo "runbook empty play, 10 hosts:            $em"
echo "runbook 10 hosts x 50 tasks, forks 10:   $fu"
echo "engine overhead per task-host:           $per ms (target < 5)"
echo "launch to first task, 200-task playbook: $st ms (target < 600)"
