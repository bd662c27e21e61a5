#!/usr/bin/env bash
# Per task-host cost over SSH (issue "SSH transport", point 8). Needs root, OpenSSH's sshd and
# client, and Debian's ansible (apt-get install openssh-server ansible-core).
#   bench/ssh-overhead.sh [ROUNDS]
# Ten sshd on 127.0.0.1 stand for ten hosts; a user whose shell is /bin/sh logs in by key.
# In one run, 10 hosts x 20 tasks of /bin/true, 10 at a time, by:
#   runbook       - bin/runbook's jar, one SSH connection per host
#   controlmaster - ssh to a persistent ControlMaster connection per host, one ssh client per
#                   command, 10 at a time in lockstep per task (the physical floor of OpenSSH)
#   ansible       - ansible-playbook with pipelining and ControlPersist, forks 10
# Per task-host = (the 20-task run - the same play with 1 task) / 190: start-up, connecting and
# the first task are not counted, only the steady cost of a task on a host; for controlmaster
# the masters are opened before timing and 19 rounds are timed. Medians of ROUNDS (default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
user=runbook-bench
work=$(mktemp -d /tmp/runbook-bench-ssh.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for port in $(seq 22301 22310); do ssh -o ControlPath="$work/cm-$port" -O exit x 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
[ -f target/runbook.jar ] || bin/runbook --version >/dev/null

id "$user" >/dev/null 2>&1 || useradd --create-home --shell /bin/sh "$user"
usermod -p '*' "$user"
home=$(getent passwd "$user" | cut -d: -f6)
ssh-keygen -q -t ed25519 -N "" -f "$work/key"
install -d -m 700 -o "$user" "$home/.ssh"
install -m 600 -o "$user" "$work/key.pub" "$home/.ssh/authorized_keys"
mkdir -p /run/sshd
ports=$(seq 22301 22310)
: >"$work/known_hosts"
for port in $ports; do
  ssh-keygen -q -t ed25519 -N "" -f "$work/host_$port"
  /usr/sbin/sshd -D -p "$port" -h "$work/host_$port" -o ListenAddress=127.0.0.1 -o UsePAM=no \
    -o PasswordAuthentication=no -o AllowUsers="$user" -o MaxSessions=50 -o MaxStartups=100 &
  pids+=($!)
done
for port in $ports; do
  for _ in $(seq 50); do
    line=$(ssh-keyscan -p "$port" -t ed25519 127.0.0.1 2>/dev/null || true)
    [ -n "$line" ] && break
    sleep 0.1
  done
  echo "$line" >>"$work/known_hosts"
done

{
  echo "[hosts]"
  for port in $ports; do echo "h$port ansible_port=$port"; done
  echo "[hosts:vars]"
  echo "ansible_host=127.0.0.1"
  echo "ansible_user=$user"
  echo "ansible_ssh_private_key_file=$work/key"
} >"$work/hosts.ini"
{
  echo "- hosts: hosts"; echo "  gather_facts: false"; echo "  tasks:"
  for i in $(seq 1 20); do echo "    - {name: t$i, command: /bin/true}"; done
} >"$work/full.yml"
printf -- '- hosts: hosts\n  gather_facts: false\n  tasks:\n    - {name: t0, command: /bin/true}\n' >"$work/one.yml"

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
java_opts=(${BENCH_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto})
runbook() { java "${java_opts[@]}" -jar target/runbook.jar run "$1" -i "$work/hosts.ini" -f 10 --known-hosts "$work/known_hosts"; }
export ANSIBLE_PIPELINING=True ANSIBLE_FORKS=10 ANSIBLE_HOST_KEY_CHECKING=True ANSIBLE_STDOUT_CALLBACK=null
export ANSIBLE_SSH_ARGS="-o ControlMaster=auto -o ControlPersist=60s -o UserKnownHostsFile=$work/known_hosts"
export ANSIBLE_SSH_CONTROL_PATH_DIR="$work/acp" ANSIBLE_LOCAL_TEMP="$work/atmp"
ansible() { ansible-playbook -i "$work/hosts.ini" "$1"; }
ssh_opts=(-o UserKnownHostsFile="$work/known_hosts" -o BatchMode=yes -i "$work/key" -l "$user")
controlmaster() {
  for _ in $(seq "$1"); do
    for port in $ports; do echo "$port"; done | xargs -P 10 -I{} ssh "${ssh_opts[@]}" -o ControlPath="$work/cm-{}" -p {} 127.0.0.1 /bin/true
  done
}
for port in $ports; do
  ssh "${ssh_opts[@]}" -o ControlMaster=yes -o ControlPersist=300 -o ControlPath="$work/cm-$port" -p "$port" -fN 127.0.0.1
done

rb=(); an=(); cm=()
for _ in $(seq "$rounds"); do
  e=$(ms runbook "$work/one.yml"); f=$(ms runbook "$work/full.yml"); rb+=($((f - e)))
  e=$(ms ansible "$work/one.yml"); f=$(ms ansible "$work/full.yml"); an+=($((f - e)))
  cm+=("$(ms controlmaster 19)")
done
r=$(printf '%s\n' "${rb[@]}" | median)
a=$(printf '%s\n' "${an[@]}" | median)
c=$(printf '%s\n' "${cm[@]}" | median)
awk -v r="$r" -v a="$a" -v c="$c" -v n="$rounds" 'BEGIN {
  printf "rounds=%d (medians); 190 task-hosts, 10 at a time\n", n
  printf "runbook over SSH:            %6.1f ms per task-host\n", r / 190
  printf "ssh over ControlMaster:      %6.1f ms per task-host (floor a)\n", c / 190
  printf "ansible-playbook pipelining: %6.1f ms per task-host (b)\n", a / 190
  printf "runbook vs (a): %.2fx the time (target <= 1);  (b) vs runbook: %.1fx (target >= 20)\n", r / c, a / r
}'
