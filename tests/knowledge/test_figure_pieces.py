"""A very long text is read in pieces, with the same readings as its articles read alone."""

from briefbook.extract import extract_text
from briefbook.knowledge.figure_pieces import PIECE_CHARS, cut_points
from briefbook.knowledge.figures import _fact_dict, read_figures

_PARAGRAPH = "2019年，青岛市对日进出口总额达到376.8亿元，增长5.2%。其中，出口210.5亿元，同比增长3.1%。\n"


def _reading(f, shift=0):
    return (f.kind, f.start - shift, f.end - shift, f.text, f.measure, f.subject, f.period, f.approx, f.value)


def test_a_long_text_reads_like_its_paragraphs_read_alone():
    alone = read_figures(_PARAGRAPH, "zh-Hans", "2020-07-31", extract_text(_PARAGRAPH, "zh-Hans", "2020-07-31"))
    copies = 3 * PIECE_CHARS // len(_PARAGRAPH)
    text = _PARAGRAPH * copies
    facts = extract_text(text, "zh-Hans", "2020-07-31")
    assert len(cut_points(text, [_fact_dict(f) for f in facts])) >= 3
    figs = read_figures(text, "zh-Hans", "2020-07-31", facts)
    assert len(alone) == 4 and len(figs) == 4 * copies
    for n, fig in enumerate(figs):
        copy, k = divmod(n, len(alone))
        assert _reading(fig, copy * len(_PARAGRAPH)) == _reading(alone[k])
        assert text[fig.start:fig.end] == fig.text and facts[fig.fact_index].start == fig.start
        if alone[k].qualifies is not None:  # an index among the readings of the whole text
            assert fig.qualifies == copy * len(alone) + alone[k].qualifies


def test_pieces_cover_the_text_and_never_cut_a_fact():
    text = ("数" * 700 + "。") * 60  # sentences and no line break
    facts = [{"kind": "amount", "start": s, "end": s + 30} for s in range(680, len(text) - 30, 701)]
    pieces = cut_points(text, facts, size=5000)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a < b == c for (a, b), (c, _d) in zip(pieces, pieces[1:], strict=False))
    assert all(b - a <= 5000 + 30 for a, b in pieces)
    assert not any(f["start"] < b < f["end"] for f in facts for _a, b in pieces)
    one_line = "x" * 12000  # nothing to cut after: cut anyway
    assert len(cut_points(one_line, [], size=5000)) == 3
