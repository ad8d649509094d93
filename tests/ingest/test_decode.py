import os

import pytest

from briefbook.ingest.decode import decode_bytes
from briefbook.ingest.errors import IngestError

ZH_HANS = "山东省贸促会与日本贸易振兴机构在济南举行会谈，双方就扩大经贸合作交换了意见。今年上半年双边贸易额保持稳定增长。"
ZH_HANT = "青島市企業聯合會與日本貿易振興機構在東京舉行會談，雙方就擴大經貿合作交換了意見。日本已成為青島第三大貿易夥伴。"
JA = "日本貿易振興機構の理事長は、東京で記者会見を行い、山東省との経済協力について話した。今後も交流を続けるという。"
DE = "Die Außenhandelskammer in München begrüßt die Zusammenarbeit mit Qingdao; Unternehmen erwarten größere Märkte."


@pytest.mark.parametrize("text,encoding", [
    (ZH_HANS, "utf-8"), (ZH_HANS, "gb18030"), (ZH_HANS, "gbk"), (ZH_HANT, "big5"),
    (JA, "shift_jis"), (JA, "euc_jp"), (DE, "cp1252"), (ZH_HANS, "utf-16"),
    (ZH_HANS, "utf-16-le"), (ZH_HANS, "utf-16-be"), (DE, "utf-16-le"), (ZH_HANS, "utf-8-sig"),
])
def test_decodes_common_encodings(text, encoding):
    decoded, _ = decode_bytes(text.encode(encoding))
    assert decoded.lstrip("\ufeff") == text


def test_empty_is_refused():
    with pytest.raises(IngestError, match="empty"):
        decode_bytes(b"   \n ")


def test_random_bytes_are_binary():
    data = bytes(range(256)) * 20 + os.urandom(2000)
    with pytest.raises(IngestError, match="binary"):
        decode_bytes(data)


def test_png_header_is_binary():
    with pytest.raises(IngestError):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\x01" * 500)
