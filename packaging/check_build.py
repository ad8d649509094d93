"""Check a frozen Briefbook build and measure it.

    python packaging/check_build.py            # check dist/briefbook as it is
    python packaging/check_build.py --build    # build it first (PyInstaller, packaging/briefbook.spec)
    python packaging/check_build.py --json     # the figures as one JSON object on stdout

What it does, headless (Qt's offscreen platform):

1. size: the unpacked size of dist/briefbook (target: under 250 MiB);
2. ``briefbook --self-test`` from the frozen binary: demo library from the shipped
   seeds, PDF and DOCX export, main window offscreen;
3. the demo book exported as PDF in every book locale (en, de, zh-Hans, zh-Hant,
   ja) and as DOCX in ja: fonts, babel's CLDR data and the templates are all there;
4. an import of 100 synthetic articles plus an HTML page, a DOCX and a PDF into
   a new library, which uses worker processes (spawn) and trafilatura, python-docx
   and pypdf; the number of articles and facts must equal the same import run
   from source (this checkout);
5. start time: wall time of ``--self-test`` and of ``--version``, frozen against
   the same checkout run from source, median of --runs interleaved runs
   (target: frozen at most 1.5 x source).

Exits 0 when every check passes.  "From source" means this checkout's
``desktop/`` on PYTHONPATH, run by the Python running this script, which must
have Briefbook's dependencies (the dev venv).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "briefbook.spec"
SIZE_TARGET_MIB = 250
START_RATIO_TARGET = 1.5
LOCALES = ("en", "de", "zh-Hans", "zh-Hant", "ja")
WINDOW_STEP = re.compile(r"ok +main window \(offscreen\) \(([\d.]+) s\)")


def frozen_binary(dist: Path) -> Path:
    name = "briefbook-cli.exe" if sys.platform == "win32" else "briefbook"
    return dist / name


def base_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("BRIEFBOOK_HOME", None)  # each side finds its own resources
    env.pop("BRIEFBOOK_LIBRARY", None)
    return env


def frozen_cmd(dist: Path) -> list[str]:
    return [str(frozen_binary(dist))]


def source_cmd() -> list[str]:
    return [sys.executable, "-c", "import sys; from briefbook.cli import main; sys.exit(main())"]


def source_env() -> dict[str, str]:
    env = base_env()
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "desktop"), env.get("PYTHONPATH")]))
    return env


def run(cmd: list[str], env: dict[str, str], timeout: float = 600, cwd: Path | None = None):
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, cwd=cwd)
    return proc, time.perf_counter() - t0


# -- 0. build -----------------------------------------------------------------------------------------

def build(python: str) -> float:
    cmd = [python, "-m", "PyInstaller", str(SPEC), "--noconfirm"]
    print("building:", " ".join(cmd), flush=True)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-4000:])
        raise SystemExit(f"build failed (exit {proc.returncode})")
    return seconds


# -- 1. size ------------------------------------------------------------------------------------------

def tree_size(folder: Path) -> tuple[int, int]:
    total = files = 0
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            st = os.lstat(os.path.join(dirpath, name))
            total += st.st_size
            files += 1
    return total, files


def largest_parts(folder: Path, top: int = 8) -> list[tuple[str, float]]:
    inner = folder / "_internal" if (folder / "_internal").is_dir() else folder
    parts = []
    for entry in inner.iterdir():
        size = tree_size(entry)[0] if entry.is_dir() else entry.lstat().st_size
        parts.append((entry.name, size / 2**20))
    return sorted(parts, key=lambda p: -p[1])[:top]


# -- 4. import ----------------------------------------------------------------------------------------

def make_import_folder(folder: Path, count: int, pdf: Path | None) -> int:
    """``count`` synthetic articles plus one HTML page, one DOCX and (if given) one PDF."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT / "desktop"))
    from synthetic import ArticleGenerator

    gen = ArticleGenerator(seed=7)
    gen.write_files(folder, count)
    _, text = gen.article(count + 1)
    title, _, body = text.partition("\n\n")
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    (folder / "page.html").write_text(
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
        f"<script src='https://example.invalid/x.js'></script></head><body>"
        f"<nav>首页 | 新闻 | 关于我们</nav><article><h1>{title}</h1>{paras}</article>"
        f"<footer>版权所有</footer></body></html>", encoding="utf-8")
    import docx

    doc = docx.Document()
    _, text = gen.article(count + 2)
    for para in text.split("\n\n"):
        doc.add_paragraph(para)
    doc.save(folder / "brief.docx")
    extra = 2
    if pdf is not None and pdf.exists():
        (folder / "book.pdf").write_bytes(pdf.read_bytes())
        extra += 1
    return count + extra


def library_counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "facts")}
    finally:
        con.close()


def import_with_watch(cmd: list[str], env: dict[str, str]) -> tuple[subprocess.CompletedProcess, float, int]:
    """Run an import; on Linux also count the most child processes seen at once (the workers)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    most = 0
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    while proc.poll() is None:
        try:
            most = max(most, len(children.read_text().split()))
        except OSError:
            pass
        time.sleep(0.05)
    out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err), seconds, most


# -- 6. time to a shown main window (Linux, Xvfb) ------------------------------------------------------

def gui_start_times(dist: Path, runs: int, tmp: Path) -> dict[str, list[float]] | None:
    """Seconds from process start until the main window is mapped on a real X server
    (Xvfb, xcb platform), frozen and from source, on the same library.  None when
    Xvfb or xwininfo is missing."""
    import shutil

    if not (sys.platform.startswith("linux") and shutil.which("Xvfb") and shutil.which("xwininfo")):
        return None
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as f:
            display = ":" + f.readline().strip()
        for _ in range(100):  # until the server answers
            if subprocess.run(["xwininfo", "-display", display, "-root"], capture_output=True).returncode == 0:
                break
            time.sleep(0.05)
        lib = tmp / "gui.briefbook"
        env = base_env()
        subprocess.run(frozen_cmd(dist) + ["--library", str(lib), "--demo", "--no-gui"], env=env,
                       capture_output=True, timeout=300)
        title = f"{lib.name} — Briefbook"
        times: dict[str, list[float]] = {}
        for i in range(runs + 1):  # the first round warms the disk cache and writes the settings
            for side, cmd, side_env in (("source", source_cmd(), source_env()), ("frozen", frozen_cmd(dist), env)):
                side_env = dict(side_env, DISPLAY=display, QT_QPA_PLATFORM="xcb",
                                XDG_CONFIG_HOME=str(tmp / f"config-{side}"))
                t0 = time.perf_counter()
                log = tmp / f"gui-{side}-{i}.log"
                with open(log, "w") as out:
                    app = subprocess.Popen(cmd + ["--library", str(lib)], env=side_env, stdout=out, stderr=out)
                shown = None
                while time.perf_counter() - t0 < 60 and app.poll() is None:
                    probe = subprocess.run(["xwininfo", "-display", display, "-name", title],
                                           capture_output=True, text=True)
                    if "IsViewable" in probe.stdout:
                        shown = time.perf_counter() - t0
                        break
                    time.sleep(0.02)
                app.terminate()
                try:
                    app.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    app.kill()
                    app.wait()
                if shown is None:
                    print(f"      {side} run {i}: no main window within 60 s (exit {app.returncode}); "
                          f"{log.read_text()[-500:]}")
                elif i > 0:
                    times.setdefault(side, []).append(shown)
        return times
    finally:
        xvfb.terminate()
        xvfb.wait()


# -- main ---------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", action="store_true", help="build dist/briefbook first with PyInstaller")
    ap.add_argument("--dist", type=Path, default=ROOT / "dist" / "briefbook", help="the one-folder build")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per side (median is reported)")
    ap.add_argument("--articles", type=int, default=100, help="synthetic articles in the import check")
    ap.add_argument("--quick", action="store_true", help="self-test and size only (no locales, import, timing)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON at the end")
    args = ap.parse_args(argv)

    figures: dict = {"platform": sys.platform, "cpus": os.cpu_count()}
    failures: list[str] = []

    def check(ok: bool, what: str) -> None:
        print(("ok    " if ok else "FAIL  ") + what, flush=True)
        if not ok:
            failures.append(what)

    if args.build:
        figures["build_seconds"] = round(build(sys.executable), 1)
        print(f"build: {figures['build_seconds']} s")
    exe = frozen_binary(args.dist)
    if not exe.exists():
        print(f"no build at {args.dist} (run: python -m PyInstaller packaging/briefbook.spec --noconfirm, "
              f"or this script with --build)", file=sys.stderr)
        return 2

    size, files = tree_size(args.dist)
    figures["size_mib"] = round(size / 2**20, 1)
    figures["files"] = files
    figures["largest"] = {name: round(mib, 1) for name, mib in largest_parts(args.dist)}
    check(size / 2**20 < SIZE_TARGET_MIB,
          f"size {figures['size_mib']} MiB in {files} files (target < {SIZE_TARGET_MIB} MiB); "
          f"largest: " + ", ".join(f"{n} {m} MiB" for n, m in figures["largest"].items()))

    fenv, senv = base_env(), source_env()
    with tempfile.TemporaryDirectory(prefix="briefbook-check-") as tmp_name:
        tmp = Path(tmp_name)

        proc, seconds = run(frozen_cmd(args.dist) + ["--self-test"], fenv)
        passed = proc.returncode == 0 and "self-test passed" in proc.stdout
        figures["frozen_self_test"] = "passed" if passed else "FAILED"
        check(passed, f"frozen --self-test ({seconds:.1f} s)")
        if not passed:
            print(proc.stdout + proc.stderr)
        if args.quick:
            return _finish(figures, failures, args.json)

        # -- locales: PDF in each, DOCX in Japanese --
        for loc in LOCALES:
            out = tmp / f"demo-{loc}.pdf"
            proc, seconds = run(frozen_cmd(args.dist) + ["export", "--demo", "--locale", loc, "-o", str(out)], fenv)
            ok = proc.returncode == 0 and out.exists() and out.read_bytes()[:4] == b"%PDF"
            check(ok, f"frozen export --demo --locale {loc} PDF ({seconds:.1f} s)")
            if not ok:
                print(proc.stdout[-2000:] + proc.stderr[-2000:])
        out = tmp / "demo-ja.docx"
        proc, seconds = run(frozen_cmd(args.dist) + ["export", "--demo", "--locale", "ja", "-o", str(out)], fenv)
        check(proc.returncode == 0 and out.exists() and out.read_bytes()[:2] == b"PK",
              f"frozen export --demo --locale ja DOCX ({seconds:.1f} s)")

        # -- import with worker processes; same result as from source --
        folder = tmp / "in"
        expected = make_import_folder(folder, args.articles, tmp / "demo-de.pdf")
        results = {}
        for side, cmd, env in (("frozen", frozen_cmd(args.dist), fenv), ("source", source_cmd(), senv)):
            lib = tmp / f"{side}.briefbook"
            proc, seconds, workers = import_with_watch(cmd + ["import", "--library", str(lib), str(folder), "--json"],
                                                       env)
            report = json.loads(proc.stdout) if proc.returncode == 0 and proc.stdout.strip() else {}
            counts = library_counts(lib) if lib.exists() else {}
            results[side] = dict(seconds=round(seconds, 1), workers_seen=workers, imported=report.get("imported"),
                                 failed=[f"{Path(f['path']).name}: {f['reason']}" for f in report.get("files", [])
                                         if f.get("status") == "failed"], **counts)
            if proc.returncode != 0:
                print(proc.stdout[-2000:] + proc.stderr[-2000:])
        figures["import"] = results
        fr, sr = results["frozen"], results["source"]
        check(fr["imported"] == expected and not fr["failed"],
              f"frozen import of {expected} files: {fr['imported']} imported, failed: {fr['failed'] or 'none'}, "
              f"{fr.get('facts')} facts, {fr['seconds']} s, worker processes seen: {fr['workers_seen']}")
        if (os.cpu_count() or 1) >= 2 and sys.platform.startswith("linux"):
            check(fr["workers_seen"] >= 2, "frozen import ran worker processes")
        check((fr.get("articles"), fr.get("facts")) == (sr.get("articles"), sr.get("facts")),
              f"frozen import = source import ({fr.get('articles')}/{fr.get('facts')} vs "
              f"{sr.get('articles')}/{sr.get('facts')} articles/facts)")

        # -- start time: interleaved runs, median --
        timings: dict[str, list[float]] = {}
        for what, extra in (("version", ["--version"]), ("self_test", ["--self-test"])):
            for _ in range(args.runs):
                for side, cmd, env in (("source", source_cmd(), senv), ("frozen", frozen_cmd(args.dist), fenv)):
                    proc, seconds = run(cmd + extra, env)
                    if proc.returncode == 0:
                        timings.setdefault(f"{side}_{what}", []).append(seconds)
                        step = WINDOW_STEP.search(proc.stdout)
                        if step:  # the self-test's own timing of opening the main window
                            timings.setdefault(f"{side}_window_step", []).append(float(step.group(1)))
        start = {k: round(statistics.median(v), 2) for k, v in timings.items()}
        for what in ("version", "self_test"):
            if f"frozen_{what}" in start and f"source_{what}" in start:
                start[f"ratio_{what}"] = round(start[f"frozen_{what}"] / start[f"source_{what}"], 2)
        figures["start_seconds_median"] = start
        figures["start_runs"] = args.runs
        print(f"start (median of {args.runs}, s): " + ", ".join(f"{k} {v}" for k, v in start.items()))
        if "ratio_self_test" in start:
            check(start["ratio_self_test"] <= START_RATIO_TARGET,
                  f"frozen --self-test {start['frozen_self_test']} s vs source {start['source_self_test']} s: "
                  f"{start['ratio_self_test']}x (target <= {START_RATIO_TARGET}x)")

        gui = gui_start_times(args.dist, args.runs, tmp)
        if gui is None:
            print("skip  time to a shown main window (needs Linux, Xvfb and xwininfo)")
        elif not (gui.get("frozen") and gui.get("source")):
            check(False, f"time to a shown main window: the window did not appear ({gui})")
        else:
            shown = {side: round(statistics.median(v), 2) for side, v in gui.items()}
            shown["ratio"] = round(shown["frozen"] / shown["source"], 2)
            figures["window_shown_seconds_median"] = shown
            check(shown["ratio"] <= START_RATIO_TARGET,
                  f"time to a shown main window (Xvfb, xcb): frozen {shown['frozen']} s vs source "
                  f"{shown['source']} s: {shown['ratio']}x (target <= {START_RATIO_TARGET}x)")
    return _finish(figures, failures, args.json)


def _finish(figures: dict, failures: list[str], as_json: bool) -> int:
    figures["failures"] = failures
    if as_json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    print("build check passed" if not failures else f"build check FAILED ({len(failures)})")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
