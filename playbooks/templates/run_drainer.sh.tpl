#!/bin/sh
# runs drainer in the foreground (written by runbook); start_drainer.sh or systemd runs this
cd "$(dirname "$0")/.." || exit 1
exec bin/drainer \
    --addr={{ ansible_host | default(inventory_hostname) }}:{{ drainer_port }} \
    --pd-urls={{ pd_urls | default('http://' ~ (hostvars[groups['pd_servers'][0]].ansible_host | default(groups['pd_servers'][0])) ~ ':' ~ pd_client_port | default(2379)) }} \
    --data-dir=data.drainer \
    --log-file=log/drainer.log \
    --config=conf/drainer.toml \
    --initial-commit-ts={{ initial_commit_ts }} \
    2>> log/drainer_stderr.log
