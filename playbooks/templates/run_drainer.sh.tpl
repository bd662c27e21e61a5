#!/bin/sh
# runs drainer in the foreground (written by runbook, as tidb-ansible's
# roles/drainer/templates/run_drainer_binary.sh.j2: every PD in --pd-urls, ulimit -n 1000000);
# start_drainer.sh, supervise or systemd runs this
ulimit -n 1000000 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
cd "{{ deploy_dir }}" || exit 1
exec bin/drainer \
    --addr={{ ansible_host | default(inventory_hostname) }}:{{ drainer_port }} \
    --pd-urls={{ pd_urls | default(groups['pd_servers'] | map('extract', hostvars, 'ansible_host') | map('regex_replace', '^(.*)$', 'http://\1:' ~ (pd_client_port | default(2379))) | join(',')) }} \
    --data-dir=data.drainer \
    --log-file=log/drainer.log \
    --config=conf/drainer.toml \
    --initial-commit-ts={{ initial_commit_ts }} \
    2>> log/drainer_stderr.log
