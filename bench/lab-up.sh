#!/usr/bin/env bash
# `runbook lab up` (and `lab down`) of two builds side by side, interleaved round by round:
#   bench/lab-up.sh BASE_REV [ROUNDS]
# BASE_REV is built in a scratch worktree, the working tree as it is; each round runs, for each
# build, `lab up` of the cluster era in a fresh folder, then `lab down`, and prints the medians
# of the wall times (ms), with a floor measured in the same run: one bare JVM start of the jar
# (`--version`), which every one of the lab's six processes and the command itself pay.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: bench/lab-up.sh BASE_REV [ROUNDS]}
rounds=${2:-5}
work=$(mktemp -d)
trap 'for d in "$work"/lab-*; do [ -d "$d" ] && java -jar "$work/base/target/runbook.jar" lab down --dir "$d" >/dev/null 2>&1; done;
  git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/base" "$base"
for tree in "$work/base" .; do
  (cd "$tree" && mvn -B -q -o -DskipTests package >/dev/null 2>&1 || mvn -B -q -DskipTests package >/dev/null)
done

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

declare -A up down jvm
i=0
for _ in $(seq "$rounds"); do
  for name in base current; do
    tree=$([ "$name" = base ] && echo "$work/base" || pwd)
    i=$((i + 1))
    dir="$work/lab-$i"
    jvm[$name]+="$(ms java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$tree/target/runbook.jar" --version) "
    up[$name]+="$(ms java -jar "$tree/target/runbook.jar" lab up --dir "$dir" --port-offset 25000 --lifetime 5) "
    down[$name]+="$(ms java -jar "$tree/target/runbook.jar" lab down --dir "$dir") "
    rm -rf "$dir"
  done
done
for name in base current; do
  echo "$name: lab up $(printf '%s\n' ${up[$name]} | median) ms (rounds: ${up[$name]}); lab down" \
    "$(printf '%s\n' ${down[$name]} | median) ms (rounds: ${down[$name]}); one JVM start" \
    "$(printf '%s\n' ${jvm[$name]} | median) ms"
done
