#!/usr/bin/env bash
# End-to-end over OpenSSH: several sshd instances on 127.0.0.1 stand for several hosts; a
# dedicated user whose shell is /bin/sh logs in with a generated key. The bundled example's
# kind of work (directories, TOML, templates, commands) runs over SSH, a second run changes
# nothing, and a host whose key changed is refused, named, and stops the serial run there.
# Needs root (sshd, useradd); .ci/run installs openssh-server.
set -euo pipefail
cd "$(dirname "$0")/.."
pass=0
fail=0
check() {
  local name=$1; shift
  if "$@"; then pass=$((pass + 1)); echo "ok: $name"; else fail=$((fail + 1)); echo "FAILED: $name"; fi
}

user=runbook-e2e
work=$(mktemp -d /tmp/runbook-e2e-ssh.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

id "$user" >/dev/null 2>&1 || useradd --create-home --shell /bin/sh "$user"
# A locked account ("!" in shadow) is refused by sshd without PAM; "*" has no password but logs in by key.
usermod -p '*' "$user"
home=$(getent passwd "$user" | cut -d: -f6)
rm -rf "$home/deploy"
ssh-keygen -q -t ed25519 -N "" -f "$work/id_ed25519"
install -d -m 700 -o "$user" "$home/.ssh"
install -m 600 -o "$user" "$work/id_ed25519.pub" "$home/.ssh/authorized_keys"
mkdir -p /run/sshd

ports=(22201 22202 22203)
: >"$work/known_hosts"
for port in "${ports[@]}"; do
  ssh-keygen -q -t ed25519 -N "" -f "$work/host_$port"
  /usr/sbin/sshd -D -e -p "$port" -h "$work/host_$port" -o ListenAddress=127.0.0.1 \
    -o PidFile="$work/sshd_$port.pid" -o PasswordAuthentication=no -o KbdInteractiveAuthentication=no \
    -o UsePAM=no -o AllowUsers="$user" 2>"$work/sshd_$port.log" &
  pids+=($!)
done
for port in "${ports[@]}"; do
  for _ in $(seq 50); do
    line=$(ssh-keyscan -p "$port" -t ed25519 127.0.0.1 2>/dev/null || true)
    [ -n "$line" ] && break
    sleep 0.1
  done
  echo "$line" >>"$work/known_hosts"
done

cat >"$work/hosts.ini" <<INI
[pumps]
pump1 ansible_port=22201 deploy_dir=$home/deploy/pump1
pump2 ansible_port=22202 deploy_dir=$home/deploy/pump2
pump3 ansible_port=22203 deploy_dir=$home/deploy/pump3

[pumps:vars]
ansible_host=127.0.0.1
ansible_user=$user
ansible_ssh_private_key_file=$work/id_ed25519
INI
printf 'exec bin/pump --addr=0.0.0.0:{{ pump_port }} --data-dir={{ deploy_dir }}/data.pump\n' >"$work/run_pump.sh.j2"
cat >"$work/site.yml" <<'YML'
- name: Configure pumps over SSH
  hosts: pumps
  serial: 1
  vars:
    pump_port: 8250
  tasks:
    - name: Folders
      file: {path: "{{ deploy_dir }}/{{ item }}", state: directory, mode: "0755"}
      loop: [bin, conf, scripts]
    - name: Config
      toml: {path: "{{ deploy_dir }}/conf/pump.toml", create: true, set: {gc: 7, heartbeat-interval: 2}}
    - name: Run script
      template: {src: run_pump.sh.j2, dest: "{{ deploy_dir }}/scripts/run_pump.sh", mode: "0755"}
    - name: Who am I
      command: id -un
      register: who
      changed_when: false
    - name: Logged in as the dedicated user
      assert:
        that: who.stdout == ansible_user
YML

out=$(bin/runbook run "$work/site.yml" -i "$work/hosts.ini" --known-hosts "$work/known_hosts" --no-color) || { echo "$out"; exit 1; }
echo "$out" | tail -5
check "first run over SSH changes every host" bash -c "grep -cE '^pump[123] +: ok=[0-9]+ +changed=[1-9]' <<<\"\$0\" | grep -qx 3" "$out"
check "files landed on the host as the user" test "$(stat -c %U "$home/deploy/pump2/conf/pump.toml")" = "$user"
check "template rendered" grep -q -- "--addr=0.0.0.0:8250 --data-dir=$home/deploy/pump3/data.pump" "$home/deploy/pump3/scripts/run_pump.sh"
out2=$(bin/runbook run "$work/site.yml" -i "$work/hosts.ini" --known-hosts "$work/known_hosts" --no-color)
check "second run over SSH changes nothing" bash -c "grep -cE '^pump[123] +: ok=[0-9]+ +changed=0 ' <<<\"\$0\" | grep -qx 3" "$out2"
# The run lock's folders on the hosts (docs/journal.md): made in the login user's home, gone after.
check "the runs locked the hosts and left no lock behind" \
  bash -c "test -d '$home/.runbook/locks/hosts' && test -z \"\$(ls -A '$home/.runbook/locks/hosts')\""

# pump2's key in known_hosts replaced by another: refused and named; pump1 was still done.
ssh-keygen -q -t ed25519 -N "" -f "$work/impostor"
sed -i "s#^\[127.0.0.1\]:22202 .*#[127.0.0.1]:22202 $(cut -d' ' -f1,2 "$work/impostor.pub")#" "$work/known_hosts"
set +e
out3=$(bin/runbook run "$work/site.yml" -i "$work/hosts.ini" --known-hosts "$work/known_hosts" --no-color)
rc=$?
set -e
echo "$out3" | grep -E "UNREACHABLE|RECAP|^pump" || true
check "a changed host key is refused" grep -q "HOST KEY CHANGED for \[127.0.0.1\]:22202" <<<"$out3"
check "the refusal names the known_hosts line" grep -q "$work/known_hosts:2" <<<"$out3"
check "the run exits 3 (unreachable)" test "$rc" -eq 3

# A connection dropped mid-run (the server side of pump3's session killed during a pause) is
# opened again for the next task.
cat >"$work/drop.yml" <<'YML'
- hosts: pump3
  tasks:
    - {name: before, command: "true"}
    - {name: meanwhile the connection dies, pause: {seconds: 3}}
    - {name: after, command: "true"}
YML
logins_before=$(grep -c "Accepted publickey" "$work/sshd_22203.log" || true)
(sleep 1.5; pkill -f "sshd: $user" || true) &
set +e
out5=$(bin/runbook run "$work/drop.yml" -i "$work/hosts.ini" --known-hosts "$work/known_hosts" --no-color)
rc=$?
set -e
echo "$out5" | tail -2
check "a connection dropped mid-run is opened again" test "$rc" -eq 0
logins_after=$(grep -c "Accepted publickey" "$work/sshd_22203.log" || true)
check "it really dropped: two logins in that run" test $((logins_after - logins_before)) -eq 2

# ssh-agent: the key only in the agent, none named in the inventory.
eval "$(ssh-agent -s)" >/dev/null
ssh-add -q "$work/id_ed25519"
printf '[pumps]\npump1 ansible_host=127.0.0.1 ansible_port=22201 ansible_user=%s\n' "$user" >"$work/agent.ini"
printf -- '- hosts: pump1\n  tasks:\n    - command: id -un\n' >"$work/agent.yml"
set +e
HOME="$work" bin/runbook run "$work/agent.yml" -i "$work/agent.ini" --known-hosts "$work/known_hosts" --no-color >"$work/agent.out"
rc=$?
set -e
ssh-agent -k >/dev/null
check "a key held by ssh-agent logs in" test "$rc" -eq 0

# become: real sudo on the host, NOPASSWD for the test user; a root-owned file, then as tidb-like user.
echo "$user ALL=(ALL) NOPASSWD: ALL" >/etc/sudoers.d/runbook-e2e
chmod 440 /etc/sudoers.d/runbook-e2e
sed -i "s#^\[127.0.0.1\]:22202 .*##" "$work/known_hosts"
ssh-keyscan -p 22202 -t ed25519 127.0.0.1 2>/dev/null >>"$work/known_hosts"
cat >"$work/become.yml" <<'YML'
- hosts: pump1
  become: true
  tasks:
    - name: Who am I with become
      command: id -un
      register: who
      changed_when: false
    - name: A file only root may write
      copy: {content: "root only\n", dest: "/etc/runbook-e2e.conf", mode: "0600"}
    - name: Root ran it
      assert:
        that: who.stdout == 'root'
YML
rm -f /etc/runbook-e2e.conf
set +e
out4=$(bin/runbook run "$work/become.yml" -i "$work/hosts.ini" --known-hosts "$work/known_hosts" --no-color)
rc=$?
set -e
echo "$out4" | tail -3
check "become runs as root through sudo" test "$rc" -eq 0
check "become wrote a root-owned file" test "$(stat -c %U:%a /etc/runbook-e2e.conf 2>/dev/null)" = "root:600"
rm -f /etc/runbook-e2e.conf /etc/sudoers.d/runbook-e2e

# The bundled Pump upgrade over SSH: a lab run by the SSH user (so that its scripts may stop its
# processes), its three Pumps reached through the three sshd, TiDB writing all the while.
install -m 644 target/runbook.jar "$work/runbook.jar"
lab="$home/lab"
rm -rf "$lab"
as_user() { su -s /bin/sh "$user" -c "$1"; }
as_user "cd $home && java -jar $work/runbook.jar lab up --dir $lab --port-offset 21000 --lifetime 15" >"$work/lab-up.log" 2>&1 \
  || { cat "$work/lab-up.log"; exit 1; }
cat >"$work/lab-ssh.yml" <<YML
all:
  vars:
    ansible_host: 127.0.0.1
    ansible_user: $user
    ansible_ssh_private_key_file: $work/id_ed25519
    lab_dir: $lab
    process_supervision: script
    binlog_version: v3.0.5
    binlog_package_dir: "{{ lab_dir }}/packages/tidb-binlog-{{ binlog_version }}-linux-amd64"
  children:
    pump_servers:
      hosts:
        pump1: {ansible_port: 22201, deploy_dir: "{{ lab_dir }}/pump1", pump_port: 29250}
        pump2: {ansible_port: 22202, deploy_dir: "{{ lab_dir }}/pump2", pump_port: 29251}
        pump3: {ansible_port: 22203, deploy_dir: "{{ lab_dir }}/pump3", pump_port: 29252}
YML
set +e
out6=$(bin/runbook run playbooks/upgrade-pump.yml -i "$work/lab-ssh.yml" --known-hosts "$work/known_hosts" \
  --state-dir "$work/state" --no-color)
rc=$?
set -e
echo "$out6" | grep -A4 RECAP || echo "$out6" | tail -30
check "the Pump upgrade over SSH succeeds" test "$rc" -eq 0
check "every Pump runs the new release" bash -c "grep -l -- '--release=v3.0.5' $lab/pump*/bin/pump | wc -l | grep -qx 3"
out7=$(bin/runbook run playbooks/upgrade-pump.yml -i "$work/lab-ssh.yml" --known-hosts "$work/known_hosts" \
  --state-dir "$work/state" --no-color) || true  # a failed run is a failed check below, and the lab still goes down
check "a second Pump upgrade over SSH changes nothing" bash -c "grep -cE '^pump[123] +: ok=[0-9]+ +changed=0 ' <<<\"\$0\" | grep -qx 3" "$out7"
set +e
as_user "java -jar $work/runbook.jar lab verify --dir $lab" >"$work/lab-verify.log" 2>&1
rc=$?
set -e
cat "$work/lab-verify.log"
check "no binlog lost or duplicated during the upgrade over SSH" test "$rc" -eq 0
as_user "java -jar $work/runbook.jar lab down --dir $lab" >/dev/null 2>&1 || true

echo "e2e-ssh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
