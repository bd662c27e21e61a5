#!/bin/sh
# runs pump in the foreground (written by runbook); start_pump.sh or systemd runs this
cd "$(dirname "$0")/.." || exit 1
exec bin/pump \
    --addr=0.0.0.0:{{ pump_port }} \
    --advertise-addr={{ ansible_host }}:{{ pump_port }} \
    --pd-urls={{ pd_urls }} \
    --data-dir=data.pump \
    --log-file=log/pump.log \
    --config=conf/pump.toml \
    2>> log/pump_stderr.log
