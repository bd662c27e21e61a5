#!/bin/sh
# daemontools' supervise runs this in {{ deploy_dir }}/status/{{ service_role }} (written by runbook,
# as tidb-ansible's supervise mode runs scripts/run_{{ service_role }}.sh under supervise)
exec {{ deploy_dir }}/scripts/run_{{ service_role }}.sh
