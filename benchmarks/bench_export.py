"""Export benchmark: a ~150-page book (80 articles, 600 facts) to PDF and DOCX.

    python benchmarks/bench_export.py [--locale zh-Hans] [--out DIR] [--runs 5]

In-process figures (targets PDF <= 10 s, DOCX <= 5 s, PDF <= 3 MB) come first.
Then the comparison, both sides timed as whole processes on the same content,
median of --runs, interleaved, after an untimed first run of each side (Python's bytecode
cache written, as an installed package has it): our DOCX export through the command line
(``briefbook export --book ID``, from a library that holds this book) against
pandoc turning the same book, written as Markdown with the same charts as PNG
images and the same footnotes (one per source and chapter, as ours), into DOCX.
The ratio is printed (target <= 1.5), and the charts and footnotes counted in
both files.  Without pandoc (Debian: pandoc) the comparison is skipped.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from briefbook.core.book import (
    ArticleItem,
    Book,
    BulletList,
    FactItem,
    Paragraph,
    Run,
    Section,
    SourceRef,
    TextItem,
)
from briefbook.export import build_layout, export_book
from briefbook.export import layout as L

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the sample book is a test fixture (tests/export/sample_book.py)
from tests.export.sample_book import demo_book  # noqa: E402

SEED_SENTENCES = [
    "日本是青岛市第三大贸易伙伴。2019年,青岛与日本进出口贸易总额为76.43亿美元,同比增长2.1%,占山东省对日贸易的比重超过三分之一。",
    "在受疫情影响前,青岛机场每天有18架次航班穿梭于青岛与日本之间,每年有近40万人次往来两地交流,有1000多家日本企业、3000多名日本朋友常驻青岛。",
    "歐力士集團作為日本最大的非銀行金融機構和最大的綜合金融服務集團,于2020年11月在青島設立了中國產業投資總部。",
    "Die Veranstaltung stärkt das Vertrauen in die lokale ökonomische und handelsspezifische Kooperation zwischen China und Japan.",
    "ジェトロは日本企業の海外展開を支援し、青島事務所を通じて山東省との経済交流を進めている。",
]


def big_book(locale: str = "zh-Hans") -> Book:
    book = demo_book(locale)
    sources = [SourceRef(f"青岛与日本经贸合作报道 第{i + 1}篇", publisher=["观海新闻", "大众日报", "JETRO", "新华网"][i % 4],
                         date=f"20{15 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                         url=f"https://example.org/news/{i + 1}.html") for i in range(80)]
    articles = []
    for i, src in enumerate(sources):
        excerpt = "\n".join(SEED_SENTENCES[(i + k) % len(SEED_SENTENCES)] for k in range(22))
        articles.append(ArticleItem(src.title, src, src.date, excerpt, summary=SEED_SENTENCES[i % len(SEED_SENTENCES)]))
    facts = []
    for i in range(480):  # + 12 profiles x 10 facts = 600 facts
        m = i % 60
        facts.append(FactItem("amount", f"{i}亿美元", {"value": (50 + m) * 10_000_000 * (1 + (i // 60) / 10),
                                                     "currency": "USD"},
                              source=sources[i % 80], measure=f"青岛对日贸易指标 {m + 1:02d}",
                              as_of=f"{2010 + i // 60}", note="按年统计" if i % 7 == 0 else None))
    profiles = []
    for k in range(12):
        items = [TextItem([Paragraph([Run(SEED_SENTENCES[k % 5])])])]
        items += [FactItem("person", "x", {"name": n, "title": "理事长", "org": f"机构{k}"}, source=sources[(k + j) % 80])
                  for j, n in enumerate(["佐佐木伸彦", "高岛大浩", "薛庆国", "张琳", "刘家义"])]
        items += [FactItem("event", "e", {"name": f"交流活动 {k}-{j}", "date": f"20{18 + j}-0{1 + j}-15",
                                          "place": "东京"}, source=sources[(k * 3 + j) % 80]) for j in range(5)]
        profiles.append(Section("profile", f"日本企业 {k + 1}", items=items))
    points = TextItem([BulletList([[Run(s)] for s in SEED_SENTENCES * 6])])
    keep = [s for s in book.sections if s.kind in ("cover", "overview", "itinerary", "delegation")]
    book.sections = keep + profiles + [Section("figures", items=facts), Section("background", items=articles),
                                       Section("talking_points", items=[points]), Section("sources")]
    return book


def markdown(book: Book, image_dir: Path) -> str:
    """The book's layout as pandoc Markdown: headings, paragraphs, tables, the
    charts as PNG files (the same images our DOCX embeds) and the citations as the
    same footnotes as ours: a source's first citation in a chapter makes a footnote
    (its short form, its brief form once given before), later citations in that
    chapter repeat the footnote's number as a superscript."""
    from briefbook.export.charts import png_bytes

    doc, _ = build_layout(book)
    entries = {s.number: s for s in doc.sources}
    notes: list[str] = []
    chapter: dict[int, int] = {}  # source number -> footnote number, in this chapter
    noted: set[int] = set()

    def spans(items) -> str:
        out = []
        for sp in items:
            if sp.cite is None:
                out.append(sp.text)
            elif sp.cite in chapter:
                out.append(f"^{chapter[sp.cite]}^")
            else:
                e = entries.get(sp.cite)
                notes.append(((e.brief if sp.cite in noted else e.short) if e else "") or " ")
                noted.add(sp.cite)
                chapter[sp.cite] = len(notes)
                out.append(f"[^{len(notes)}]")
        return "".join(out)

    out = [f"# {doc.title}", ""]
    charts = 0
    for b in doc.blocks:
        if isinstance(b, L.Heading):
            if b.level == 1:
                chapter.clear()
            out += ["#" * (b.level + 1) + f" {b.number} {b.text}", ""]
        elif isinstance(b, L.Para):
            out += [("- " if b.bullet else "") + spans(b.spans), ""]
        elif isinstance(b, L.Table):
            head = b.header or [[L.Span("")] for _ in b.widths]
            out.append("| " + " | ".join(spans(c) for c in head) + " |")
            out.append("|" + "---|" * len(head))
            for r in b.rows:
                out.append("| " + " | ".join(spans(c).replace("\n", " ") for c in r) + " |")
            out.append("")
        elif isinstance(b, L.Chart):
            charts += 1
            image = image_dir / f"chart{charts}.png"
            image.write_bytes(png_bytes(b, "#1f4e79", "#666666"))
            out += [f"![{b.title}]({image.name})", ""]
    out += [f"[^{i + 1}]: {text}" for i, text in enumerate(notes)]
    return "\n".join(out)


def docx_counts(path: Path) -> tuple[int, int]:
    """(embedded images, footnotes) of a DOCX file."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        images = sum(1 for n in z.namelist() if n.startswith("word/media/"))
        notes = z.read("word/footnotes.xml").decode() if "word/footnotes.xml" in z.namelist() else ""
    ids = [int(i) for i in re.findall(r'<w:footnote\b[^>]*w:id="(-?\d+)"', notes)]
    return images, sum(1 for i in ids if i > 0)


def library_with_book(path: Path, locale: str) -> int:
    """A library holding a long book: the demo library and its book, with 80 generated
    articles as background and talking points added."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import ArticleGenerator

    from briefbook.ingest import read_pasted
    from briefbook.services.demo import build_demo_library
    from briefbook.services.demo_book import build_demo_book
    from briefbook.store import books as book_store
    from briefbook.store.articles import add_article

    lib = build_demo_library(path)
    try:
        book_id = build_demo_book(lib, locale=locale)
        background = book_store.add_section(lib, book_id, "background", "Background")
        gen = ArticleGenerator(seed=3)
        for i in range(80):
            article = read_pasted(gen.article(i)[1])
            add_article(lib, article)
            book_store.add_item(lib, background, "article", article.id)
        points = book_store.add_section(lib, book_id, "talking_points", "Talking points")
        text = "\n".join(f"- {s}" for s in SEED_SENTENCES * 6)
        book_store.add_item(lib, points, "text", payload={"text": text})
        return book_id
    finally:
        lib.close()


def _run(cmd: list[str], cwd: Path | None = None, env: dict | None = None) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=cwd, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--locale", default="zh-Hans")
    ap.add_argument("--out", default=None)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    out = Path(args.out or tempfile.mkdtemp(prefix="bench-export-"))
    out.mkdir(parents=True, exist_ok=True)
    book = big_book(args.locale)
    n_facts = sum(1 for s in book.sections for i in s.items if isinstance(i, FactItem))
    n_articles = sum(1 for s in book.sections for i in s.items if isinstance(i, ArticleItem))

    t = time.perf_counter()
    pdf = export_book(book, out / "bench.pdf")
    t_pdf = time.perf_counter() - t
    t = time.perf_counter()
    docx = export_book(book, out / "bench.docx")
    t_docx = time.perf_counter() - t
    pages = len(PdfReader(str(pdf)).pages)
    size_mb = pdf.stat().st_size / 1e6
    print(f"book: {args.locale}, {n_articles} articles, {n_facts} facts -> {pages} PDF pages")
    print(f"PDF  in-process: {t_pdf:6.2f} s  (target <= 10 s)  {size_mb:.2f} MB (target <= 3 MB)")
    print(f"DOCX in-process: {t_docx:6.2f} s  (target <=  5 s)  {docx.stat().st_size / 1e6:.2f} MB")
    if not shutil.which("pandoc"):
        print("pandoc not installed: whole-process comparison skipped (Debian: pandoc)")
        return 0
    library = out / "export.briefbook"
    book_id = library_with_book(library, args.locale)
    from briefbook.services.exporting import book_for_export
    from briefbook.store.db import open_library

    lib = open_library(library)
    try:
        stored_book = book_for_export(lib, book_id)  # what the command line will export
    finally:
        lib.close()
    md = out / "bench.md"
    md.write_text(markdown(stored_book, out), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "desktop"))
    # Python's bytecode cache written, as an installed package has it (the untimed first
    # run of each side writes it and warms the disk cache)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    ours_cmd = [sys.executable, "-m", "briefbook.cli", "export", "--library", str(library), "--book", str(book_id),
                "--format", "docx", "-o", str(out / "cli.docx")]
    pandoc_cmd = ["pandoc", md.name, "-o", "pandoc.docx"]
    _run(ours_cmd, env=env)
    _run(pandoc_cmd, cwd=out)
    ours, anchor = [], []
    for _ in range(args.runs):
        ours.append(_run(ours_cmd, env=env))
        anchor.append(_run(pandoc_cmd, cwd=out))
    o, a = statistics.median(ours), statistics.median(anchor)
    print(f"DOCX whole process (median of {args.runs}): briefbook export {o:.2f} s | pandoc {a:.2f} s | "
          f"ratio {o / a:.2f}   [target <= 1.5]")
    print(f"  runs: ours {', '.join(f'{x:.2f}' for x in ours)}; pandoc {', '.join(f'{x:.2f}' for x in anchor)}")
    pages = len(PdfReader(str(export_book(stored_book, out / "cli.pdf"))).pages)
    (ours_images, ours_notes), (pandoc_images, pandoc_notes) = docx_counts(out / "cli.docx"), docx_counts(
        out / "pandoc.docx")
    print(f"  the library's book: {pages} PDF pages, {md.stat().st_size / 1e3:.0f} KB of Markdown; "
          f"charts (PNG) ours {ours_images} / pandoc {pandoc_images}, footnotes ours {ours_notes} / pandoc {pandoc_notes}")
    print(f"files in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
