"""Bytes -> text for plain-text files whose encoding nobody told us.

Order matters: a BOM is certain; strict UTF-8 is nearly certain (other legacy
encodings rarely decode as valid UTF-8); UTF-16 without a BOM shows as NULs in
every other byte; only then ask charset-normalizer, and check what it proposes
against the CJK legacy encodings users actually send (GB18030, Big5, Shift_JIS,
EUC-JP) because short Chinese texts are easy to mislabel.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from .errors import IngestError, IngestWarning

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Legacy encodings worth trying ourselves, most common first.
_CANDIDATES = ("gb18030", "big5", "shift_jis", "euc_jp", "cp1252")

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def looks_binary(data: bytes) -> bool:
    """True for data that no text encoding explains (images, archives, executables)."""
    sample = data[:8192]
    if not sample:
        return False
    if _utf16_without_bom(sample):
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control / len(sample) > 0.05


def _utf16_without_bom(sample: bytes) -> str | None:
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    if odd.count(0) > len(odd) * 0.3 and even.count(0) < len(even) * 0.05:
        return "utf-16-le" if _few_controls(sample, "utf-16-le") else None
    if even.count(0) > len(even) * 0.3 and odd.count(0) < len(odd) * 0.05:
        return "utf-16-be" if _few_controls(sample, "utf-16-be") else None
    return None


def _nearly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few damaged bytes (a flipped bit, a cut character): decoded as UTF-8
    with U+FFFD for the damage, which beats reading the whole file as cp1252 mojibake.
    The plausibility check then tells the user that characters were lost."""
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    multibyte = sum(1 for ch in text[:200_000] if ord(ch) > 0x7F and ch != "\ufffd")
    if 0 < damaged <= max(8, len(text) // 100) and multibyte >= 4 * damaged:
        return text
    return None


def _utf32_without_bom(data: bytes) -> str | None:
    """UTF-32 shows as a NUL in the top byte of every code unit (no code point is above U+10FFFF)."""
    sample = data[:8192]
    if len(data) % 4 or len(sample) < 8:
        return None
    units = len(sample) // 4
    for enc, top, high in (("utf-32-le", 3, 2), ("utf-32-be", 0, 1)):
        if sample[top::4].count(0) == units and sample[high::4].count(0) >= units * 0.5 \
                and _few_controls(sample, enc):
            return enc
    return None


# 7-bit encodings decode "successfully" as ASCII/UTF-8 into garbage, so they are
# recognised by their shift sequences first: ISO-2022-JP(-2) by ESC $ / ESC (,
# HZ by ~{ ... ~}.  A candidate counts only when it gives ordinary text.
_ISO2022 = re.compile(rb"\x1b(?:\$[@AB(]|\([BJI]|\.[AF]|N)")
_HZ = re.compile(rb"~\{[\x21-\x7e]{2,}~\}")


def _seven_bit_cjk(data: bytes) -> tuple[str, str] | None:
    if max(data[:65536], default=0) >= 0x80:
        return None
    candidates: tuple[str, ...] = ()
    if _ISO2022.search(data[:65536]):
        candidates = ("iso2022_jp", "iso2022_jp_2", "iso2022_jp_ext", "iso2022_jp_3", "iso2022_kr")
    elif _HZ.search(data[:65536]):
        candidates = ("hz",)
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _common_share(text) >= 0.6 and _quality(text) >= 0.98:
            return text, enc.replace("_", "-")
    if candidates:
        name = "HZ" if candidates == ("hz",) else "ISO-2022"
        raise IngestError(f"the file looks {name}-encoded but does not decode as valid {name} text",
                          "bad_encoding", encoding=name)
    return None


def _common_share(text: str) -> float:
    """Share of ASCII, frequent Han characters, kana and CJK punctuation in a sample."""
    sample = text[:4000]
    if not sample:
        return 0.0
    common = latin = 0
    for ch in sample:
        if (ch.isascii() and (ch.isprintable() or ch in "\n\r\t")) or ch in _FREQUENT_HANS or ch in _FREQUENT_HANT \
                or "\u3000" <= ch <= "\u30ff" or "\uff01" <= ch <= "\uff5e":
            common += 1
        elif ch.isalpha() and ord(ch) < 0x250:
            latin += 1
    # Accented letters are common in European text, but only as a sprinkling;
    # a text made mostly of them is mojibake (CJK bytes read as cp1252).
    if latin <= len(sample) * 0.12:
        common += latin
    return common / len(sample)


def _few_controls(sample: bytes, enc: str) -> bool:
    text = sample[: len(sample) // 2 * 2].decode(enc, errors="replace")
    return len(_CONTROL.findall(text)) + text.count("\ufffd") <= len(text) * 0.01


def _quality(text: str) -> float:
    """Higher is more plausible: penalise replacement chars, controls and private-use junk."""
    if not text:
        return 0.0
    bad = text.count("\ufffd") + len(_CONTROL.findall(text))
    bad += sum(1 for ch in text if "\ue000" <= ch <= "\uf8ff")
    return 1.0 - bad / len(text)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name).  Raises IngestError when it is not text."""
    if not data.strip():
        raise IngestError("the file is empty", "empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            unit = 4 if enc == "utf-32" else 2 if enc == "utf-16" else 1
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                pass
            try:  # a file cut in the middle of its last character keeps the rest
                return data[: len(data) - len(data) % unit].decode(enc), enc
            except UnicodeDecodeError as err:
                raise IngestError(f"the file starts with a {enc} byte-order mark but is not valid {enc}",
                                  "bad_encoding", encoding=enc) from err
    utf32 = _utf32_without_bom(data)
    if utf32:
        try:
            return data.decode(utf32), utf32
        except UnicodeDecodeError:
            pass
    seven_bit = _seven_bit_cjk(data)
    if seven_bit:
        return seven_bit
    utf16 = _utf16_without_bom(data[:8192])
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" not in data[:8192]:  # NUL is valid UTF-8, but no UTF-8 text file holds it
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        nearly = _nearly_utf8(data)
        if nearly is not None:
            return nearly, "utf-8"
    options: list[tuple[float, str, str]] = []
    best = from_bytes(data[:200_000]).best() if len(data) <= 200_000 else None
    if best is not None and best.encoding:
        text = str(best)
        options.append((_quality(text) + 0.001, text, best.encoding))
    # UTF-16 of CJK text may hold no NUL at all, so it competes with the legacy encodings.
    candidates = _CANDIDATES + (("utf-16-le", "utf-16-be") if len(data) % 2 == 0 else ())
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _common_share(text) >= 0.3:  # else it decoded to a soup of rare characters
            options.append((_quality(text) + _script_bonus(text, enc), text, enc))
    if not options or max(o[0] for o in options) < 0.9:
        if looks_binary(data):
            raise IngestError("this is a binary file, not text", "binary")
        raise IngestError("the text encoding could not be recognised (not UTF-8, UTF-16, UTF-32, GB18030, Big5, "
                          "Shift_JIS, EUC-JP, ISO-2022-JP, HZ or cp1252)", "unknown_encoding")
    score, text, enc = max(options, key=lambda o: o[0])
    return text, enc


_MOJIBAKE = re.compile("[ÃÂâåæçèéäï][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")


def plausibility_warning(text: str) -> IngestWarning | None:
    """A one-line warning when decoded text does not read like text people write
    (a wrong or unrecognised encoding, a PDF font without a character map), else None.
    The text is still imported; the report tells the user to check it."""
    sample = text[:20000]
    letters = [ch for ch in sample if not ch.isspace()]
    if not letters:
        return None
    bad = sample.count("\ufffd") + len(_CONTROL.findall(sample)) + sum(1 for ch in sample if "\ue000" <= ch <= "\uf8ff")
    if bad > len(letters) * 0.01:
        return IngestWarning("the text holds many undecodable or control characters (a wrong encoding?); check it",
                             "undecodable")
    lost = text.count("\ufffd")
    if lost:
        return IngestWarning(f"{lost} character(s) could not be decoded (damaged bytes) and are missing from the "
                             "text; check it", "chars_lost", count=lost)
    if len(_MOJIBAKE.findall(sample)) > len(letters) * 0.01:
        return IngestWarning("the text looks like UTF-8 read in a Western encoding (mojibake such as 'Ã©'); check it",
                             "mojibake")
    if _common_share(sample) < 0.5:
        return IngestWarning("the text is mostly rare characters, not ordinary Chinese, Japanese, German or English "
                             "(a wrong encoding?); check it", "rare_characters")
    return None


def _script_bonus(text: str, enc: str) -> float:
    """Prefer the decoding made of characters people actually write.

    The same bytes often decode without error as GB18030, Big5, Shift_JIS and
    EUC-JP; only one of them gives common characters, kana and punctuation, the
    others give rare ideographs.  Scored on a sample so huge files stay cheap.
    """
    bonus = 0.1 * _common_share(text)
    # Latin text read as GB18030/Big5 turns each accented letter into a rare ideograph.
    sample = text[:4000]
    rare = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff" and ch not in _FREQUENT_HANS and ch not in _FREQUENT_HANT)
    bonus -= 0.05 * rare / max(len(sample), 1)
    return bonus


# Very common characters in each script; a decoding with many of them is the right one.
_FREQUENT_HANS = set("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞")
_FREQUENT_HANT = set("的一是在不了有和人這中大為上個國我以要他時來用們生到作地於出就分對成會可主發年動同工也能下過子說產種面而方後多定行學法所民得經十三之進著等部度家電力裡如水化高自二理起小物現實加量都兩體制機當使點從業本去把性好應開它合還因由其些然前外天政四日那社義事平形相全表間樣與關各重新線內數正心反你明看原又麼利比或但質氣第向道命此變條只沒結解問意建月公無系軍很情者最立代想已通並提直題黨程展五果料象員革位入常文總次品式活設及管特件長求老頭基資邊流路級少圖山統接知較將組見計別她手角期根論運農指幾九區強放決西被幹做必戰先回則任取據處隊南給色光門即保治北造百規熱領七海口東導器壓志世金增爭濟階油思術極交受聯什認六共權收證改清己美再採轉更單風切打白教速花帶安場身車例真務具萬每目至達走積示議聲報鬥完類八離華名確才科張信馬節話米整空元況今集溫傳土許步群廣石記需段研界拉林律叫且究觀越織裝影算低持音眾書布復容兒須際商非驗連斷深難近礦千周委素技備半辦青省列習響約支般史感勞便團往酸歷市克何除消構府稱太準精值號率族維劃選標寫存候毛親快效斯院查江型眼王按格養易置派層片始卻專狀育廠京識適屬圓包火住調滿縣局照參紅細引聽該鐵價嚴龍飛")
