#!/bin/sh
# runs pump in the foreground (written by runbook); start_pump.sh or systemd runs this
cd "$(dirname "$0")/.." || exit 1
exec bin/pump \
    --addr=0.0.0.0:{{ pump_port }} \
    --advertise-addr={{ pump_advertise_host | default(ansible_host | default(inventory_hostname)) }}:{{ pump_port }} \
    --pd-urls={{ pd_urls | default('http://' ~ (hostvars[groups['pd_servers'][0]].ansible_host | default(groups['pd_servers'][0])) ~ ':' ~ pd_client_port | default(2379)) }} \
    --data-dir=data.pump \
    --log-file=log/pump.log \
    --config=conf/pump.toml \
    2>> log/pump_stderr.log
