"""How exactly a figure is written: exact, about, more_than, less_than, at_least, up_to
(约/近/超过/多/余/以上/rund/more than …), and a fraction written in words (三分之一, one third)
so that it is shown as such and never as a rounded percentage.  Pure logic."""

from __future__ import annotations

import re

from .periods import to_simplified_per_char

APPROX = ("exact", "about", "more_than", "less_than", "at_least", "up_to")

_BEFORE_CJK = [("about", r"(近|约|約|大约|大約|将近|接近|约合|およそ|ほぼ)$"),
               ("more_than", r"(超过|超過|逾|突破|超)$"),
               ("less_than", r"(不到|不足|低于|低於|未满|未滿)$"),
               ("at_least", r"(至少|不少于|不少於|起码|少なくとも)$"),
               ("up_to", r"(最多|至多|不超过|不超過|最高|最大)$")]
_AFTER_CJK = [("more_than", r"^[\d.]*[万亿千百十]*(多|余|餘|以上|超)"), ("about", r"^[\d.]*[万亿千百十]*(左右|上下|前后|前後|程度|近く)"),
              ("less_than", r"^[\d.]*[万亿千百十]*(以下|未満|弱)"), ("up_to", r"^[\d.]*[万亿千百十]*(以内|以內)")]
_APPROX_LATIN = [("about", r"\b(about|around|approximately|approx\.|nearly|almost|roughly|some|rund|etwa|ca\.|circa|knapp|fast|gut)\s*$"),
                 ("more_than", r"\b(more than|over|above|exceeding|mehr als|über|upwards of)\s*$"),
                 ("less_than", r"\b(less than|under|below|fewer than|weniger als|unter)\s*$"),
                 ("at_least", r"\b(at least|mindestens|wenigstens)\s*$"),
                 ("up_to", r"\b(up to|as many as|bis zu|höchstens)\s*$")]
_FRACTIONS = {"二分之一": "1/2", "一半": "1/2", "三分之一": "1/3", "三分之二": "2/3", "四分之一": "1/4", "四分之三": "3/4",
              "五分之一": "1/5", "五分之二": "2/5", "十分之一": "1/10", "3分の1": "1/3", "2分の1": "1/2", "4分の1": "1/4",
              "三分の一": "1/3", "半数": "1/2", "one third": "1/3", "a third": "1/3", "one quarter": "1/4",
              "a quarter": "1/4", "two thirds": "2/3", "ein Drittel": "1/3", "ein Viertel": "1/4",
              "die Hälfte": "1/2", "zwei Drittel": "2/3"}


def approx_of(fact: dict, text: str, cjk: bool) -> str:
    """The approximation written around the number (the extractor's own reading wins when it has one)."""
    given = fact.get("approx")
    if given in APPROX and given != "exact":
        return given
    s, e = fact["start"], fact["end"]
    if cjk:
        body = to_simplified_per_char(fact["text"])
        digit = re.search(r"[\d一二三四五六七八九十两]", body)
        head, tail = (body[:digit.start()], body[digit.start():]) if digit else (body, "")
        before = to_simplified_per_char(text[max(0, s - 4):s]) + head
        after = tail + to_simplified_per_char(text[e:e + 3])
        for name, rx in _BEFORE_CJK:
            if re.search(rx, before):
                return name
        for name, rx in _AFTER_CJK:
            if re.search(rx, re.sub(r"^[一二三四五六七八九十两]+", "1", after)):
                return name
        return "exact"
    first_digit = re.search(r"\d", fact["text"])
    before = text[max(0, s - 20):s] + fact["text"][:first_digit.start() if first_digit else 0]
    for name, rx in _APPROX_LATIN:
        if re.search(rx, before, re.I):
            return name
    return "exact"


def fraction_of(fact_text: str) -> str | None:
    for words, frac in _FRACTIONS.items():
        if words in fact_text or words in to_simplified_per_char(fact_text):
            return frac
    return None
