#!/bin/sh
# runs pump in the foreground (written by runbook, as tidb-ansible's
# roles/pump/templates/run_pump_binary.sh.j2: every PD in --pd-urls, ulimit -n 1000000);
# start_pump.sh, supervise or systemd runs this
ulimit -n 1000000 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
cd "{{ deploy_dir }}" || exit 1
exec bin/pump \
    --addr=0.0.0.0:{{ pump_port }} \
    --advertise-addr={{ pump_advertise_host | default(ansible_host | default(inventory_hostname)) }}:{{ pump_port }} \
    --pd-urls={{ pd_urls | default(groups['pd_servers'] | map('extract', hostvars, 'ansible_host') | map('regex_replace', '^(.*)$', 'http://\1:' ~ (pd_client_port | default(2379))) | join(',')) }} \
    --data-dir=data.pump \
    --log-file=log/pump.log \
    --config=conf/pump.toml \
    2>> log/pump_stderr.log
