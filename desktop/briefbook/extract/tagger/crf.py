"""CRF taggers (python-crfsuite) for German, English and Japanese.

The models are trained by ``training/train_crf.py`` on public NER sets and shipped in
``resources/models/LANG/crf.crfsuite`` (sources, licences and the splits in
``resources/models/README.md``).  German and English are tagged token by token,
Japanese character by character, a sentence at a time.  A missing model (or a
missing python-crfsuite) means no tagger: the rules run alone.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...paths import resource
from . import TaggedSpan, register
from . import crf_features as F
from .crfsuite_model import known_grams, model_attributes

LABEL_KIND = {"PER": "person", "ORG": "organization", "LOC": "place"}
# Japanese sentences end at these; Latin text is cut at line ends and sentence marks
JA_SENTENCE = re.compile(r"[^。！？!?\n]*[。！？!?\n]?")
MAX_UNIT = 400  # tokens (or characters) tagged at once; longer runs are cut


def model_path(lang: str) -> Path:
    return resource("models") / lang / "crf.crfsuite"


def _spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """(first, last + 1, label) of each BIO run."""
    out, cur = [], None
    for i, t in enumerate([*labels, "O"]):
        if cur and not (t.startswith("I-") and t[2:] == cur[1]):
            out.append((cur[0], i, cur[1]))
            cur = None
        if t.startswith("B-") or (t.startswith("I-") and cur is None):
            cur = (i, t[2:])
    return out


class CrfTagger:
    def __init__(self, lang: str, path: Path):
        import pycrfsuite

        self.lang = lang
        self.name = f"crf-{lang}"
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        self._gaz: F.LatinGazetteer | F.JaGazetteer = F.JaGazetteer() if lang == "ja" else F.LatinGazetteer(lang)
        # the character pairs and triples the Japanese model knows (it ignores the others)
        self._ja_grams = known_grams(model_attributes(path), F.JA_GRAM_PREFIXES) if lang == "ja" else None

    def _run(self, feats: list[list[str]]) -> list[tuple[int, int, str, float]]:
        labels = self._tagger.tag(feats)
        out = []
        for a, b, lab in _spans(labels):
            if lab not in LABEL_KIND:
                continue
            score = min(self._tagger.marginal(labels[k], k) for k in range(a, b))
            out.append((a, b, LABEL_KIND[lab], score))
        return out

    def tag(self, text: str) -> list[TaggedSpan]:
        return self._tag_ja(text) if self.lang == "ja" else self._tag_latin(text)

    def _tag_latin(self, text: str) -> list[TaggedSpan]:
        assert isinstance(self._gaz, F.LatinGazetteer)
        toks = F.tokenize(text)
        out: list[TaggedSpan] = []
        start = 0
        for i in range(len(toks) + 1):
            end_here = i == len(toks) or i - start >= MAX_UNIT or (
                i > start and ("\n" in text[toks[i - 1][1]:toks[i][0]] or
                               text[toks[i - 1][0]:toks[i - 1][1]] in (".", "!", "?") and text[toks[i][0]].isupper()))
            if not end_here:
                continue
            unit = toks[start:i]
            if unit:
                words = [text[s:e] for s, e in unit]
                for a, b, kind, score in self._run(F.latin_features(words, self._gaz)):
                    out.append(TaggedSpan(unit[a][0], unit[b - 1][1], kind, score))
            start = i
        return out

    def _tag_ja(self, text: str) -> list[TaggedSpan]:
        assert isinstance(self._gaz, F.JaGazetteer)
        out: list[TaggedSpan] = []
        for m in JA_SENTENCE.finditer(text):
            for s in range(m.start(), m.end(), MAX_UNIT):
                unit = text[s:min(m.end(), s + MAX_UNIT)]
                if not unit.strip():
                    continue
                for a, b, kind, score in self._run(F.ja_features(unit, self._gaz, self._ja_grams)):
                    out.append(TaggedSpan(s + a, s + b, kind, score))
        return out


def _factory(lang: str):
    def build() -> CrfTagger | None:
        path = model_path(lang)
        if not path.is_file():
            return None
        try:
            return CrfTagger(lang, path)
        except ImportError:
            return None
    return build


for _lang in ("de", "en", "ja"):
    register(_lang, _factory(_lang))
