[Unit]
Description={{ service_role }} service (written by runbook)
After=syslog.target network.target remote-fs.target nss-lookup.target

[Service]
LimitNOFILE=1000000
LimitSTACK=10485760
User={{ ansible_user | default('tidb') }}
ExecStart={{ deploy_dir }}/scripts/run_{{ service_role }}.sh
Restart=on-failure
RestartSec=15s
SendSIGKILL=no

[Install]
WantedBy=multi-user.target
