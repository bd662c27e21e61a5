#!/bin/sh
cd "$(dirname "$0")/.." || exit 1
pid_file=status/{{ service_role }}.pid
alive() { kill -0 "$1" 2>/dev/null || return 1; [ -r "/proc/$1/stat" ] || return 0; ! grep -q ') Z ' "/proc/$1/stat"; }
if [ -f "$pid_file" ]; then
  pid=$(cat "$pid_file")
  if alive "$pid"; then
    kill -TERM "$pid"
    i=0
    while alive "$pid"; do
      i=$((i + 1))
      if [ "$i" -gt 600 ]; then echo "{{ service_role }} (pid $pid) did not stop within 60s" >&2; exit 1; fi
      sleep 0.1
    done
  fi
  rm -f "$pid_file"
fi
sync
echo "ok: stopped!"
