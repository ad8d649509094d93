"""Export benchmark: a ~150-page book (80 articles, 600 facts) to PDF and DOCX.

Targets (issue 5): PDF <= 10 s, DOCX <= 5 s, PDF <= 3 MB.  If pandoc is
installed, the same content as Markdown -> DOCX is timed for comparison.

    /work/venv/bin/python benchmarks/bench_export.py [--locale zh-Hans] [--out DIR]
"""

from __future__ import annotations

import argparse
import shutil
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
from briefbook.export.sample import demo_book

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


def markdown(book: Book) -> str:
    doc, _ = build_layout(book)
    out = [f"# {doc.title}", ""]
    for b in doc.blocks:
        if isinstance(b, L.Heading):
            out += ["#" * (b.level + 1) + f" {b.number} {b.text}", ""]
        elif isinstance(b, L.Para):
            out += [("- " if b.bullet else "") + "".join(s.text for s in b.spans), ""]
        elif isinstance(b, L.Table):
            head = b.header or [[L.Span("")] for _ in b.widths]
            out.append("| " + " | ".join("".join(s.text for s in c) for c in head) + " |")
            out.append("|" + "---|" * len(head))
            for r in b.rows:
                out.append("| " + " | ".join("".join(s.text for s in c).replace("\n", " ") for c in r) + " |")
            out.append("")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--locale", default="zh-Hans")
    ap.add_argument("--out", default=None)
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
    print(f"PDF : {t_pdf:6.2f} s  (target <= 10 s)  {size_mb:.2f} MB (target <= 3 MB)  "
          f"{'OK' if t_pdf <= 10 and size_mb <= 3 else 'OVER'}")
    print(f"DOCX: {t_docx:6.2f} s  (target <=  5 s)  {docx.stat().st_size / 1e6:.2f} MB  "
          f"{'OK' if t_docx <= 5 else 'OVER'}")
    if shutil.which("pandoc"):
        md = out / "bench.md"
        md.write_text(markdown(book), encoding="utf-8")
        t = time.perf_counter()
        subprocess.run(["pandoc", str(md), "-o", str(out / "pandoc.docx")], check=True)
        t_pandoc = time.perf_counter() - t
        print(f"pandoc Markdown->DOCX: {t_pandoc:6.2f} s; ours/pandoc = {t_docx / t_pandoc:.2f}")
    else:
        print("pandoc not installed: comparison skipped (Debian: pandoc)")
    print(f"files in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
