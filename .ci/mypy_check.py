#!/usr/bin/env python3
"""Run mypy over the package and fail when it reports more errors than the baseline.

The baseline (.ci/mypy-baseline.txt, one number) is the error count the code had when
the check was introduced or last lowered.  The count may only fall: when you fix
errors, lower the number in the same commit (``--update`` writes the current count,
and refuses to raise it).  mypy's settings are in pyproject.toml, [tool.mypy].
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = Path(__file__).resolve().parent / "mypy-baseline.txt"
_ERROR = re.compile(r"^[^:\s][^:]*:\d+(?::\d+)?: error:", re.MULTILINE)


def count_errors() -> tuple[int, str]:
    proc = subprocess.run([sys.executable, "-m", "mypy", "--no-error-summary", "--no-pretty"],
                          cwd=ROOT, capture_output=True, text=True)
    output = proc.stdout + proc.stderr
    if proc.returncode not in (0, 1):  # 2: mypy itself failed (bad configuration, crash)
        sys.stderr.write(output)
        raise SystemExit(f"mypy failed to run (exit code {proc.returncode})")
    return len(_ERROR.findall(output)), output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="lower the baseline to the current count")
    parser.add_argument("--show", action="store_true", help="print mypy's messages as well")
    args = parser.parse_args(argv)

    baseline = int(BASELINE.read_text(encoding="utf-8").split()[0])
    found, output = count_errors()
    if args.show or found > baseline:
        sys.stdout.write(output)
    print(f"mypy: {found} errors (baseline {baseline})")
    if args.update:
        if found > baseline:
            print("the baseline may only fall; fix the new errors instead")
            return 1
        BASELINE.write_text(f"{found}\n", encoding="utf-8")
        print(f"baseline set to {found}")
        return 0
    if found > baseline:
        print(f"mypy: {found - baseline} more errors than the baseline; fix them (new code is checked too)")
        return 1
    if found < baseline:
        print(f"mypy: {baseline - found} fewer than the baseline; lower it: python .ci/mypy_check.py --update")
    return 0


if __name__ == "__main__":
    sys.exit(main())
