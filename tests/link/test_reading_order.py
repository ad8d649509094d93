"""The romanised keys of a Japanese name are the same in every run: they are stored
(link_keys), and a set's order changes with PYTHONHASHSEED."""

from __future__ import annotations

import os
import subprocess
import sys

from briefbook.link.romanise import readings

# Surnames with more than 32 readings: the keys are a cut of them, where order could tell.
NAMES = ("佐久間一郎", "大久保直美", "大和田健")
SCRIPT = """
import json, sys
from briefbook.link.romanise import japanese_surname_keys, readings
names = json.loads(sys.argv[1])
print(json.dumps({n: sorted(japanese_surname_keys(n)) for n in names}))
print(json.dumps(sorted(readings("長谷川美和子"))))
"""


def test_surnames_here_have_more_readings_than_the_keys_keep():
    assert all(len(readings(name[:3])) > 32 for name in NAMES)


def test_japanese_surname_keys_do_not_depend_on_the_hash_seed():
    import json

    outputs = set()
    for seed in ("0", "1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        run = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(NAMES)], capture_output=True, text=True,
                             env=env, check=True, timeout=120)
        outputs.add(run.stdout)
    assert len(outputs) == 1
    keys = json.loads(outputs.pop().splitlines()[0])
    assert all(len(keys[name]) >= 32 for name in NAMES)
