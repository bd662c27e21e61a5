#!/usr/bin/env bash
# Lint speed, wall clock with the JVM's start included, as an operator or CI sees it:
#   (1) runbook lint of the bundled playbooks and inventories;
#   (2) runbook lint of ~1,000 playbook and task files (the bundled ones, copied into folders);
#   and ansible-lint on the same files, where it is installed (Debian's ansible-lint package).
# Median of ROUNDS rounds (default 5). Figures go to bench/README.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
bin/runbook --version >/dev/null   # builds the jar and its class-data archive when needed

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
per_copy=$(find playbooks -name '*.yml' | wc -l)
for i in $(seq 1 $(((1000 + per_copy - 1) / per_copy))); do
  mkdir -p "$work/copies/site$i"
  cp -r playbooks/. "$work/copies/site$i/"
done
files=$(find "$work/copies" -name '*.yml' | wc -l)

ms() { # command...: wall milliseconds of one run
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
measure() { # label, command...
  local label=$1; shift
  local all=()
  for _ in $(seq 1 "$rounds"); do all+=("$(ms "$@")"); done
  printf '%-58s %6s ms   (rounds: %s)\n' "$label" "$(printf '%s\n' "${all[@]}" | median)" "${all[*]}"
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
measure "runbook lint, bundled playbooks + inventories" bin/runbook lint
measure "runbook lint, $files files" bin/runbook lint "$work/copies"
if command -v ansible-lint >/dev/null 2>&1; then
  # Equivalent files Ansible can load: runbook's own keys dropped, toml and http swapped for
  # lineinfile and uri
  # (otherwise ansible-lint stops at syntax-check on them and lints less).
  mkdir -p "$work/ansible"
  cp -r playbooks "$work/ansible/bundled"
  cp -r "$work/copies" "$work/ansible/copies"
  /usr/bin/python3 bench/ansible_equivalent.py "$work/ansible/bundled" "$work/ansible/copies"
  export ANSIBLE_LOCAL_TEMP="$work/ansible-tmp" ANSIBLE_HOME="$work/ansible-home"
  version=$(ansible-lint --nocolor --version 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g' | awk '{print $2}')
  # ansible-lint lints only what lies under its working folder: run it from there.
  measure "ansible-lint $version, bundled playbooks" \
    bash -c "cd '$work/ansible' && ansible-lint --offline --nocolor -p bundled"
  # Minutes per round: one round is enough to compare.
  rounds=1 measure "ansible-lint, $files files (1 round)" \
    bash -c "cd '$work/ansible' && ansible-lint --offline --nocolor -p copies"
else
  echo "ansible-lint is not installed: apt-get install ansible-lint for the comparison"
fi
