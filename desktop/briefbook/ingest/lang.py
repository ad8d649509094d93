"""Language of an article: zh-Hans, zh-Hant, ja, de, en (and other ISO codes).

Scripts decide the CJK languages (kana means Japanese; Han characters that
OpenCC would change tell Traditional from Simplified); py3langid, which ships
its model inside the package, decides among alphabetic languages.
"""

from __future__ import annotations

from functools import lru_cache

from ..core.chinese import to_simplified, to_traditional

_LATIN_LANGS = ["de", "en", "fr", "es", "it", "nl", "pt", "ru", "ko", "pl", "sv", "da"]


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(_LATIN_LANGS)
    return ident


def detect_language(text: str) -> str | None:
    sample = text[:6000]
    han = kana = hangul = letters = 0
    for ch in sample:
        if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
            han += 1
        elif "\u3040" <= ch <= "\u30ff":
            kana += 1
        elif "\uac00" <= ch <= "\ud7af":
            hangul += 1
        elif ch.isalpha():
            letters += 1
    cjk = han + kana
    if cjk + hangul + letters == 0:
        return None
    if hangul > cjk and hangul > letters:
        return "ko"
    if cjk >= letters * 0.5 and cjk >= 5:
        if kana >= max(3, cjk * 0.05):
            return "ja"
        return chinese_script(sample)
    lang, _ = _identifier().classify(sample)
    return lang


def chinese_script(text: str) -> str:
    """zh-Hant when more characters are Traditional-only than Simplified-only."""
    han = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
    if not han:
        return "zh-Hans"
    as_simplified = to_simplified(han)
    as_traditional = to_traditional(han)
    traditional_only = sum(1 for a, b in zip(han, as_simplified, strict=False) if a != b)
    simplified_only = sum(1 for a, b in zip(han, as_traditional, strict=False) if a != b)
    return "zh-Hant" if traditional_only > simplified_only else "zh-Hans"
