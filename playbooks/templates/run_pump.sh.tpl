#!/bin/sh
# runs pump in the foreground (written by runbook); start_pump.sh or systemd runs this
cd "$(dirname "$0")/.." || exit 1
exec bin/pump \
    --addr=0.0.0.0:{{ pump_port }} \
    --advertise-addr={{ default(ansible_host, inventory_hostname) }}:{{ pump_port }} \
    --pd-urls={{ default(pd_urls, 'http://' + (hostvars[groups['pd_servers'][0]].ansible_host ?? groups['pd_servers'][0]) + ':' + default(pd_client_port, 2379)) }} \
    --data-dir=data.pump \
    --log-file=log/pump.log \
    --config=conf/pump.toml \
    2>> log/pump_stderr.log
