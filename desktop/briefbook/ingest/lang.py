"""Language of an article: zh-Hans, zh-Hant, ja, de, en (and other ISO codes).

Scripts decide the CJK languages (kana means Japanese; Han characters that
OpenCC would change tell Traditional from Simplified); py3langid, which ships
its model inside the package, decides among alphabetic languages.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import ne

from ..core.chinese import to_simplified, to_traditional

_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LETTER = re.compile(r"[^\W\d_\u4e00-\u9fff\u3400-\u4dbf\u3040-\u30ff\uac00-\ud7af]")
_LATIN_LANGS = ["de", "en", "fr", "es", "it", "nl", "pt", "ru", "ko", "pl", "sv", "da"]


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(_LATIN_LANGS)
    return ident


def detect_language(text: str) -> str | None:
    sample = text[:6000]
    han = len(_HAN.findall(sample))
    kana = len(_KANA.findall(sample))
    hangul = len(_HANGUL.findall(sample))
    letters = len(_LETTER.findall(sample))
    cjk = han + kana
    if cjk + hangul + letters == 0:
        return None
    if hangul > cjk and hangul > letters:
        return "ko"
    if cjk >= letters * 0.5 and cjk >= 5:
        if kana >= max(3, cjk * 0.05):
            return "ja"
        return chinese_script(sample[:1500])
    lang, _ = _identifier().classify(sample[:2000])
    return lang


def chinese_script(text: str) -> str:
    """zh-Hant when more characters are Traditional-only than Simplified-only."""
    han = "".join(_HAN.findall(text))
    if not han:
        return "zh-Hans"
    as_simplified = to_simplified(han)
    as_traditional = to_traditional(han)
    traditional_only = sum(map(ne, han, as_simplified))
    simplified_only = sum(map(ne, han, as_traditional))
    return "zh-Hant" if traditional_only > simplified_only else "zh-Hans"
