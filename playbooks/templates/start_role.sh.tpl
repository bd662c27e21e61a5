#!/bin/sh
cd "$(dirname "$0")/.." || exit 1
pid_file=status/{{ service_role }}.pid
alive() { kill -0 "$1" 2>/dev/null || return 1; [ -r "/proc/$1/stat" ] || return 0; ! grep -q ') Z ' "/proc/$1/stat"; }
if [ -f "$pid_file" ] && alive "$(cat "$pid_file")"; then
  echo "{{ service_role }} is already running (pid $(cat "$pid_file"))"; exit 0
fi
mkdir -p status log
if command -v setsid >/dev/null 2>&1; then
  setsid nohup scripts/run_{{ service_role }}.sh >/dev/null 2>&1 </dev/null &
else
  nohup scripts/run_{{ service_role }}.sh >/dev/null 2>&1 </dev/null &
fi
echo $! > "$pid_file"
echo "ok: started {{ service_role }} (pid $!)"
