# drainer configuration (written by runbook from playbooks/templates/drainer.toml.tpl).
# drainer_downstream_kind: "file" (default: binlog files in drainer_downstream_dir, the checkpoint
# in the Drainer's own data.drainer/savepoint) or "mysql"/"tidb" (drainer_downstream_host, _port,
# _user, _password; the checkpoint in the downstream's tidb_binlog.checkpoint, where a later
# Drainer of the same cluster finds it). For anything else give your own file as
# drainer_config_src, as tidb-ansible's conf/<host>_drainer.toml.
detect-interval = {{ drainer_detect_interval | default(10) }}
# minutes without new binlog after which /status reports Synced (the lab counts seconds)
synced-check-time = {{ drainer_synced_check_time | default(5) }}

[syncer]
db-type = "{{ drainer_downstream_kind | default('file') }}"

[syncer.to]
{{ 'dir = ' ~ (drainer_downstream_dir | to_json) if not drainer_sql_downstream }}
{{ 'host = ' ~ (drainer_downstream_host | to_json) if drainer_sql_downstream }}
{{ 'port = ' ~ (drainer_downstream_port | int) if drainer_sql_downstream }}
{{ 'user = ' ~ (drainer_downstream_user | default('root') | to_json) if drainer_sql_downstream }}
{{ 'password = ' ~ (drainer_downstream_password | default('') | to_json) if drainer_sql_downstream }}
