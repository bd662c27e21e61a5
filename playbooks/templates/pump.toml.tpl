# pump configuration (written by runbook from playbooks/templates/pump.toml.tpl)
# days to keep binlog that every drainer has consumed
gc = {{ pump_gc | default(7) }}
# seconds between heartbeats to PD
heartbeat-interval = {{ pump_heartbeat_interval | default(2) }}
