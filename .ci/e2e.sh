#!/usr/bin/env bash
# End-to-end checks of the built launcher: the README's first command (runbook demo) upgrades
# the lab and verifies it; the bundled example runs to a clean recap; a second run changes
# nothing; bad input exits 4 with file:line:col and touches nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
pass=0
fail=0
check() { # name, command...
  local name=$1; shift
  if "$@"; then pass=$((pass + 1)); echo "ok: $name"; else fail=$((fail + 1)); echo "FAILED: $name"; fi
}

rm -rf /tmp/runbook-hello
out=$(bin/runbook run playbooks/examples/hello.yml -i inventories/local.yml --no-color) || { echo "$out"; exit 1; }
echo "$out"
check "first run changes the hosts" grep -Eq 'node1 +: ok=[0-9]+ +changed=[1-9]' <<<"$out"
out2=$(bin/runbook run playbooks/examples/hello.yml -i inventories/local.yml --no-color)
check "second run changes nothing" grep -Eq 'node1 +: ok=[0-9]+ +changed=0 ' <<<"$out2"

bad=$(mktemp -d)
printf -- '- hosts: all\n  tasks:\n    - comand: touch %s/touched\n' "$bad" >"$bad/bad.yml"
set +e
err=$(bin/runbook run "$bad/bad.yml" -i inventories/local.yml 2>&1)
rc=$?
set -e
echo "$err"
check "bad playbook exits 4" test "$rc" -eq 4
check "bad playbook names file:line:col" grep -q "bad.yml:3:7: unknown action or task keyword 'comand'" <<<"$err"
check "bad playbook touched nothing" test ! -e "$bad/touched"
rm -rf "$bad"

# runbook inventory prints what ansible-inventory prints, byte for byte.
if command -v ansible-inventory >/dev/null 2>&1; then
  for inv in src/test/resources/fixtures/inventory/tidb-ansible/inventory.ini \
             src/test/resources/fixtures/inventory/yaml/hosts.yml; do
    for mode in --list --graph "--host pump1"; do
      # shellcheck disable=SC2086
      want=$(ANSIBLE_LOCALHOST_WARNING=False ansible-inventory -i "$inv" $mode 2>/dev/null)
      # shellcheck disable=SC2086
      got=$(bin/runbook inventory -i "$inv" $mode)
      check "inventory $mode of $(basename "$inv") matches ansible-inventory" test "$want" = "$got"
    done
  done
else
  echo "skipped: ansible-inventory is not installed, so the byte-for-byte comparison did not run"
fi

# The README's first command: the demo upgrades a fresh lab and verifies it, then stops the lab.
set +e
demo=$(bin/runbook demo --no-color 2>&1)
rc=$?
set -e
echo "$demo" | grep -E "^== |lab verify|RECAP|^[a-z0-9]+ +: " || echo "$demo" | tail -30
check "runbook demo succeeds" test "$rc" -eq 0
check "the demo upgraded every Pump and the Drainer to v3.0.5" bash -c "grep -c 'v3.0.5 *running' <<<\"\$0\" | grep -qx 4" "$demo"
check "the demo's verify found every binlog downstream exactly once" grep -q "lab verify: OK" <<<"$demo"
check "the demo stopped its lab" test -z "$(bin/runbook lab status 2>/dev/null | grep ' running$')"

# The paused-Pump rehearsal: the upgrade refuses before touching the cluster, the fix, the upgrade.
set +e
fault=$(bin/runbook demo --fault paused-pump --no-color 2>&1)
rc=$?
set -e
echo "$fault" | grep -E "^== |is paused in PD|lab verify|RECAP" || echo "$fault" | tail -30
check "runbook demo --fault paused-pump succeeds" test "$rc" -eq 0
check "the rehearsal's first run refused the paused Pump, touching nothing" \
  grep -q "is paused in PD and does not answer. A paused Pump stops every Drainer.*Nothing was touched" <<<"$fault"
check "after the fix the rehearsal upgraded every Pump and the Drainer" \
  bash -c "grep -A12 '^== 7\. the cluster after' <<<\"\$0\" | grep -c 'v3.0.5 *running' | grep -qx 4" "$fault"
check "the rehearsal's verify found every binlog downstream exactly once" grep -q "lab verify: OK" <<<"$fault"

echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
