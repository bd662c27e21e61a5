#!/usr/bin/env bash
# Two builds side by side, interleaved round by round on this machine:
#   bench/compare-builds.sh BASE_REV [ROUNDS]
# For BASE_REV (built in a scratch worktree) and the working tree, each through its own
# bin/runbook (class-data archive included), medians of ROUNDS rounds (default 7) of:
#   lint    - `runbook lint playbooks inventories` of that build's bundled files
#   startup - launch to the first task_start event of a 200-task playbook (JSONL timestamps)
#   run     - 10 hosts x 50 tasks of `command: /bin/true`, forks 10, minus an empty play on the
#             same hosts, per task-host (spawn included: it is the same for both builds)
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: bench/compare-builds.sh BASE_REV [ROUNDS]}
rounds=${2:-7}
work=$(mktemp -d)
export RUNBOOK_LOCK_DIR="$work/locks"   # builds that lock hosts keep their locks here
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/base" "$base"
for tree in "$work/base" .; do
  (cd "$tree" && mvn -B -q -o -DskipTests package >/dev/null 2>&1 || mvn -B -q -DskipTests package >/dev/null)
  "$tree/bin/runbook" --version >/dev/null 2>&1   # its class-data archive
done

{
  echo "all:"; echo "  vars: {ansible_connection: local}"; echo "  hosts:"; echo "    h01:"
} >"$work/hosts.yml"
{
  echo "- hosts: h01"; echo "  tasks:"
  for i in $(seq 1 200); do echo "    - {name: t$i, command: /bin/true, when: inventory_hostname == 'h01'}"; done
} >"$work/big.yml"
{
  echo "all:"; echo "  vars: {ansible_connection: local}"; echo "  hosts:"
  for i in $(seq -w 1 10); do echo "    h$i:"; done
} >"$work/ten.yml"
{
  echo "- hosts: all"; echo "  tasks:"
  for i in $(seq 1 50); do echo "    - {name: t$i, command: /bin/true}"; done
} >"$work/full.yml"
printf -- '- hosts: all\n  tasks: []\n' >"$work/empty.yml"

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
startup() {
  local s first
  s=$(date +%s%N)
  first=$("$1/bin/runbook" run "$work/big.yml" -i "$work/hosts.yml" --state-dir "$work/state" --output jsonl \
    | grep -m1 '"event":"task_start"' | sed -E 's/.*"ts":"([^"]+)".*/\1/')
  echo $(( $(date -d "$first" +%s%N) / 1000000 - s / 1000000 ))
}

perhost() {
  local full empty
  full=$(ms "$1/bin/runbook" run "$work/full.yml" -i "$work/ten.yml" -f 10 --state-dir "$work/state")
  empty=$(ms "$1/bin/runbook" run "$work/empty.yml" -i "$work/ten.yml" -f 10 --state-dir "$work/state")
  echo $(( (full - empty) * 1000 / 500 ))   # microseconds per task-host
}

declare -A lint start run
for _ in $(seq "$rounds"); do
  for name in base current; do
    tree=$([ "$name" = base ] && echo "$work/base" || pwd)
    lint[$name]+="$(cd "$tree" && ms bin/runbook lint playbooks inventories) "
    start[$name]+="$(startup "$tree") "
    run[$name]+="$(perhost "$tree") "
  done
done
for name in base current; do
  l=$(printf '%s\n' ${lint[$name]} | median)
  s=$(printf '%s\n' ${start[$name]} | median)
  r=$(printf '%s\n' ${run[$name]} | median)
  echo "$name: lint of the bundled playbooks ${l} ms (rounds: ${lint[$name]}); launch to first task ${s} ms (rounds: ${start[$name]}); per task-host ${r} us (rounds: ${run[$name]})"
done
