#!/bin/sh
# Starts {{ service_role }} under daemontools (written by runbook, after tidb-ansible's
# roles/supervise/templates/start_role.sh.j2): tells a running supervise to bring it up, or
# starts supervise on the service folder; supervise's pid goes to status/{{ service_role }}/pid.
cd "{{ deploy_dir }}" || exit 1
status_dir=status/{{ service_role }}
case "$(bin/svstat "$status_dir" 2>&1)" in
  *": up (pid "*) echo "ok: already started!"; exit 0 ;;
  *": down "*) bin/svc -u "$status_dir"; echo "ok: started!"; exit 0 ;;
esac
if command -v setsid >/dev/null 2>&1; then s=setsid; else s=; fi
nohup $s bin/supervise "$status_dir" >/dev/null 2>&1 </dev/null &
echo $! > "$status_dir/pid"
echo "ok: started!"
