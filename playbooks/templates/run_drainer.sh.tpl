#!/bin/sh
# runs drainer in the foreground (written by runbook); start_drainer.sh or systemd runs this
cd "$(dirname "$0")/.." || exit 1
exec bin/drainer \
    --addr={{ default(ansible_host, inventory_hostname) }}:{{ drainer_port }} \
    --pd-urls={{ default(pd_urls, 'http://' + (hostvars[groups['pd_servers'][0]].ansible_host ?? groups['pd_servers'][0]) + ':' + default(pd_client_port, 2379)) }} \
    --data-dir=data.drainer \
    --log-file=log/drainer.log \
    --config=conf/drainer.toml \
    --initial-commit-ts={{ initial_commit_ts }} \
    2>> log/drainer_stderr.log
