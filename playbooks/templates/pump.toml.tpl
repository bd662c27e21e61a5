# pump configuration (written by runbook from playbooks/templates/pump.toml.tpl)
# days to keep binlog that every drainer has consumed
gc = {{ default(pump_gc, 7) }}
# seconds between heartbeats to PD
heartbeat-interval = {{ default(pump_heartbeat_interval, 2) }}
