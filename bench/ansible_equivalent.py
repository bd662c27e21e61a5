"""Turns runbook playbooks into ones Ansible loads, for timing ansible-lint on equivalent files:
drops runbook's own keys (invariants, before_batch, after_batch, rerun_on_resume) and swaps the
actions Ansible does not have under these names: toml for lineinfile on the same path, http for
uri. Usage: DIR..."""
import pathlib
import sys

import yaml

OWN_KEYS = {"invariants", "before_batch", "after_batch", "rerun_on_resume"}


def clean(node):
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k in OWN_KEYS:
                continue
            if k == "toml":
                out["lineinfile"] = {"path": v.get("path", "/tmp/x"), "line": "enable = true"}
                continue
            if k == "http":
                out["uri"] = clean(v)
                continue
            out[k] = clean(v)
        return out
    if isinstance(node, list):
        return [clean(i) for i in node]
    return node


for root in sys.argv[1:]:
    for p in pathlib.Path(root).rglob("*.yml"):
        data = yaml.safe_load(p.read_text())
        p.write_text(yaml.safe_dump(clean(data), sort_keys=False))
