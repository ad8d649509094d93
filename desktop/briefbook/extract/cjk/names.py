"""Reading a personal name in Chinese characters at a position.

Chinese names are a family name (one or two characters, ``surnames_zh.txt``) and
one or two given characters; Japanese names in kanji are a family name from
``surnames_japanese`` and one to three given characters (佐佐木伸彦, 鸠山友纪夫).
News text glues the next word to the name (高燕等出席, 李忠看来, 徐惠和...), so the
name ends before a character that usually starts the following word.
"""

from __future__ import annotations

from ...core.text import is_han
from .. import dictionaries
from ..dictionaries import char_string

# Characters that start the word after a name far more often than they end a name.
STOP_AFTER = set(char_string("cjk/name_stop_after_chars.txt")) | set("，。、；：！？（）()《》“”\"' \n\t")
# numerals inside Japanese given names (晋三, 一郎, 健一, 浩二)
JA_NUMERALS = set("一二三四五六七八九十")
# a character that usually starts the next word yet often opens a Japanese given name
# (须藤|和臣, 和夫, 和彦): a given character only when another given character follows
JA_GIVEN_START = set("和")
# Characters that often end a Japanese given name, allowing a third given character.
JA_NAME_END = set(char_string("ja/given_name_end_chars.txt"))
NOT_NAME_START = set(char_string("cjk/not_name_start_chars.txt"))
# particles and function words: never a given character, even where the title right after
# bounds the name (张强|第一书记 may end in 强, which elsewhere starts 强调)
FUNCTION_CHARS = set("的了着过在是和与及等也都就将从对向为于被把由并而或之其")
# 一 after a name starts a word (王一|行, 李|一起, 张|一同, 周|一年, 赵|一位); before any
# other character it is a first given character (王一鸣, 李一凡, 张一帆)
YI_WORD_SECOND = set("行起同道致直定些样般年次届个家位名批月日天周季期带路份种半边方切律再度向贯旦举共并齐早时上下流线层级号股")


def given_yi(text: str, i: int) -> bool:
    """``text[i]`` is 一 that opens a two-character given name (王一鸣), not a word after the name."""
    return text[i] == "一" and i + 1 < len(text) and is_han(text[i + 1]) and \
        text[i + 1] not in YI_WORD_SECOND and text[i + 1] not in STOP_AFTER


def _run(norm: str, p: int, limit: int = 6) -> str:
    j = p
    n = len(norm)
    while j < n and j - p < limit and is_han(norm[j]):
        j += 1
    return norm[p:j]


def read_name_at(norm: str, p: int, surnames_zh: set, surnames_ja: set,
                 allow_unknown: bool = False) -> tuple[int, str] | None:
    """(length, kind) of a name starting at ``p``; kind is 'zh', 'ja' or 'unknown'."""
    run = _run(norm, p)
    if len(run) < 2:
        return None
    # Japanese family names first: they are longer and often start with a
    # character that is also a Chinese surname (松下, 高岛).
    for k in (3, 2):
        if len(run) > k and run[:k] in surnames_ja:
            given = 0
            for g in range(1, 4):
                if k + g > len(run):
                    break
                c = run[k + g - 1]
                opens_given = g == 1 and c in JA_GIVEN_START and k + 1 < len(run) and \
                    run[k + 1] not in STOP_AFTER and not dictionaries.get().titles_zh.match_at(run, k + 1)
                if c in STOP_AFTER and c not in JA_NUMERALS and not opens_given:
                    break
                given = g
            if given >= 3 and run[k + 2] not in JA_NAME_END:
                given = 2
            if given == 0:
                continue
            return k + given, "ja"
    if run[0] in STOP_AFTER:
        return None
    if run[:2] in surnames_zh and len(run) >= 3:
        k = 2
    elif run[0] in surnames_zh:
        k = 1
    else:
        k = 0
    if k:
        if given_yi(run, k):
            return k + 2, "zh"
        if run[k] in STOP_AFTER:
            return None
        if len(run) > k + 1 and run[k + 1] not in STOP_AFTER:
            return k + 2, "zh"
        return k + 1, "zh"
    if allow_unknown and run[0] not in NOT_NAME_START:
        # an unlisted family name right after a title: accept 2-4 characters
        # only when a clear boundary follows
        for n in (2, 3, 4):
            if n <= len(run) and (n == len(run) or run[n] in STOP_AFTER):
                if n == len(run) and len(run) == 6:
                    return None
                return n, "unknown"
    return None


def read_name_before(norm: str, end: int, surnames_zh: set, surnames_ja: set, common=frozenset()) -> int:
    """Length of a name that ends at ``end`` (习近平|主席, 安倍晋三|首相); 0 if none."""
    for n in (4, 3, 2):
        s = end - n
        if s < 0:
            continue
        cand = norm[s:end]
        if not all(is_han(c) for c in cand):
            continue
        if s > 0 and is_han(norm[s - 1]) and norm[s - 1] not in STOP_AFTER:
            continue  # the name must start after a boundary or a function word
        if s > 0 and norm[s - 1:s + 1] in common:
            continue  # 感|谢林|市长: the family name ends the word before (感谢 "thank")
        # read within the text up to ``end``: 王刚|副市长 must not read as 王刚副 (a given
        # character would otherwise be taken from the modifier that opens the title)
        got = read_name_at(norm[s:end], 0, surnames_zh, surnames_ja)
        if got and got[0] == n:
            return n
    for n in (3, 2):
        s = end - n
        if s < 0 or (s > 0 and is_han(norm[s - 1]) and norm[s - 1] not in STOP_AFTER) or \
                (s > 0 and norm[s - 1:s + 1] in common):
            continue
        cand = norm[s:end]
        k = 2 if n == 3 and cand[:2] in surnames_zh else (1 if cand[0] in surnames_zh else 0)
        # bounded by the title, a given character that usually starts the next word
        # (强, 指, 出) still ends the name: 张强|第一书记
        # (not an ordinary word nor the end of one: 国防|部长, 共和国|总统)
        if k and all(is_han(c) and c not in FUNCTION_CHARS for c in cand[k:]) and 1 <= n - k <= 2 and \
                cand not in common and cand[:2] not in common and norm[max(0, s - 1):end] not in common:
            return n
    return 0
