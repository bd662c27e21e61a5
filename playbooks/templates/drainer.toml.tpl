# drainer configuration (written by runbook from playbooks/templates/drainer.toml.tpl).
# For a MySQL/TiDB downstream, give your own file as drainer_config_src, as tidb-ansible's
# conf/<host>_drainer.toml.
detect-interval = {{ drainer_detect_interval | default(10) }}
# minutes without new binlog after which /status reports Synced (the lab counts seconds)
synced-check-time = {{ drainer_synced_check_time | default(5) }}

[syncer]
db-type = "file"

[syncer.to]
dir = "{{ drainer_downstream_dir }}"
