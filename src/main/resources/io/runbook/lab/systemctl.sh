#!/bin/sh
# The lab's stand-in for systemctl (the lab cannot run systemd). It answers what runbook's
# service action asks, as systemctl does (words and exit codes): is-active, is-enabled, start,
# stop, restart, enable, disable, daemon-reload, status, show -p LoadState --value; --user and
# --system choose the unit folder: @LAB@/systemd/user or @LAB@/systemd/system. start runs the
# unit's ExecStart in the background in its own session and keeps its pid in
# @LAB@/systemd/run/<scope>/<unit>.pid; stop sends SIGTERM and waits (TimeoutStopSec, default
# 90 s, then SIGKILL unless SendSIGKILL=no), as systemd stops a unit. Not done: Restart=,
# User=, dependencies, cgroups.
lab=@LAB@
scope=system
while [ $# -gt 0 ]; do
  case "$1" in
    --user) scope=user; shift ;;
    --system) scope=system; shift ;;
    --no-pager|--quiet|-q|--no-block) shift ;;
    *) break ;;
  esac
done
units="$lab/systemd/$scope"
run="$lab/systemd/run/$scope"
mkdir -p "$run"
verb=$1
[ $# -gt 0 ] && shift
unit_name() { case "$1" in *.*) echo "$1" ;; *) echo "$1.service" ;; esac; }
live() { kill -0 "$1" 2>/dev/null || return 1; [ -r "/proc/$1/stat" ] || return 0; ! grep -q ') Z ' "/proc/$1/stat"; }
main_pid() { [ -f "$run/$1.pid" ] && cat "$run/$1.pid"; }
state() { # active, failed (it died without a stop) or inactive
  p=$(main_pid "$1")
  if [ -z "$p" ]; then echo inactive; elif live "$p"; then echo active; else echo failed; fi
}
setting() { sed -n "s/^$2=//p" "$units/$1" | tail -n 1; }
start() {
  [ "$(state "$1")" = active ] && return 0
  exec_start=$(setting "$1" ExecStart)
  cd / || return 1
  if command -v setsid >/dev/null 2>&1; then s=setsid; else s=; fi
  nohup $s /bin/sh -c "exec $exec_start" >/dev/null 2>&1 </dev/null &
  echo $! > "$run/$1.pid"
}
stop() {
  p=$(main_pid "$1")
  if [ -n "$p" ] && live "$p"; then
    kill -TERM "$p" 2>/dev/null
    limit=$(setting "$1" TimeoutStopSec | tr -dc 0-9); limit=${limit:-90}
    i=0
    while live "$p"; do
      i=$((i + 1))
      if [ "$i" -gt $((limit * 10)) ]; then
        [ "$(setting "$1" SendSIGKILL)" = no ] && break
        kill -KILL "$p" 2>/dev/null; sleep 0.1; break
      fi
      sleep 0.1
    done
  fi
  rm -f "$run/$1.pid"
}
case "$verb" in
  daemon-reload) exit 0 ;;
  show)
    u=; while [ $# -gt 0 ]; do case "$1" in -p|--property) shift 2 ;; --value) shift ;; *) u=$(unit_name "$1"); shift ;; esac; done
    if [ -f "$units/$u" ]; then echo loaded; else echo not-found; fi
    exit 0 ;;
esac
[ $# -eq 0 ] && { echo "Too few arguments." >&2; exit 1; }
u=$(unit_name "$1")
case "$verb" in
  is-active)
    st=$(state "$u"); echo "$st"; [ "$st" = active ] && exit 0; exit 3 ;;
  is-enabled)
    [ -f "$units/$u" ] || { echo "Failed to get unit file state for $u: No such file or directory" >&2; exit 1; }
    [ -f "$run/$u.enabled" ] && { echo enabled; exit 0; }
    echo disabled; exit 1 ;;
  enable|disable)
    [ -f "$units/$u" ] || { echo "Failed to $verb unit: Unit file $u does not exist." >&2; exit 1; }
    if [ "$verb" = enable ]; then touch "$run/$u.enabled"; else rm -f "$run/$u.enabled"; fi
    exit 0 ;;
  start|restart)
    [ -f "$units/$u" ] || { echo "Failed to $verb $u: Unit $u not found." >&2; exit 5; }
    [ "$verb" = restart ] && stop "$u"
    start "$u"; exit $? ;;
  stop)
    [ -f "$units/$u" ] || { echo "Failed to stop $u: Unit $u not loaded." >&2; exit 5; }
    stop "$u"; exit 0 ;;
  status)
    [ -f "$units/$u" ] || { echo "Unit $u could not be found." >&2; exit 4; }
    st=$(state "$u"); echo "* $u"; echo "   Loaded: loaded ($units/$u)"; echo "   Active: $st"
    [ -n "$(main_pid "$u")" ] && echo " Main PID: $(main_pid "$u")"
    [ "$st" = active ] && exit 0; exit 3 ;;
  *) echo "Unknown command verb $verb." >&2; exit 1 ;;
esac
