#!/bin/sh
# Stops {{ service_role }} under daemontools (written by runbook, after tidb-ansible's
# roles/supervise/templates/stop_role.sh.j2): svc -d (SIGTERM), a wait until svstat says it is
# down, then supervise itself exits (svc -x), as tidb-ansible's script ends it.
cd "{{ deploy_dir }}" || exit 1
status_dir=status/{{ service_role }}
bin/svc -d "$status_dir" 2>/dev/null || true
i=0
while bin/svstat "$status_dir" 2>&1 | grep -q ': up (pid '; do
  i=$((i + 1))
  if [ "$i" -gt 600 ]; then echo "{{ service_role }} did not stop within 60s" >&2; exit 1; fi
  sleep 0.1
done
bin/svc -x "$status_dir" 2>/dev/null || true
sync
echo "ok: stopped!"
