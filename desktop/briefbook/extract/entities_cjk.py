"""Organisations, places and people in Chinese (Simplified/Traditional) and Japanese.

All matching runs on the normalised text (Simplified, ASCII punctuation), so one
Simplified dictionary entry serves both scripts; names are reported as written.

Organisations: known names from ``organizations.txt`` plus any name that ends in an
organisation suffix (集团, 有限公司, 贸促会, 事务所 ...).  The start of such a name
is found by walking back to a boundary (punctuation, a function word such as 的/在/与)
and then trimming leading verbs (考察, 拜访 ...) and generic descriptions
(日本知名养老企业|木下集团).

People: "[org][title][name]" (中国贸促会会长高燕), chained titles
(省委副书记、省长李干杰: the whole chain is the title, org None), lists after one
title (市领导张海波、闫剑波), titles after the name (习近平主席), bylines
(记者 高少帅 衣玉林), and Japanese "org の name title" (佐々木伸彦理事長).
"""

from __future__ import annotations

import re

from . import dictionaries
from .base import Doc
from .cjk_names import STOP_AFTER, read_name_at, read_name_before
from .spans import is_cjk

# Single characters that never sit inside an organisation name at its left edge.
ORG_STOP = set("的了在是和与及由对向把被将给跟让使也都就还又并而但我你他她它们这那此该其各每等以于到说看曾已请邀赴访为同从之"
               "，。、；：！？,.;:!?\n\t “”\"《》|")
LEAD_VERBS = sorted("""拜访 考察 参观 访问 会见 会晤 出席 参加 举办 主办 承办 协办 支持 邀请 组织 对接 推介 走访 来到 前往 抵达 进入 加入 成为 作为 依托 通过 围绕 面向 联手 签约 入驻 落户 授牌 推动 协助 包括 联合 携手 带领 率领 率 发布 设立 成立 建设 打造 融入 深化 加强 扩大 获得 得到 位于 来自 隶属 感谢 致谢 了 赴 据 与 和 同 向 为 在 由 是 让 被 将 给 把 对 及 以 共同 分别 全面 重点 实地 积极 正式 首次 再次 今后
实现 争取 学习 借鉴 进一步 帮助 鼓励 吸引 引进 促进 推进 开展 希望 欢迎 今年 去年 明年 当天 此次 本次 近日 日前 目前 同时 此外
可达 达到 涵盖 覆盖 构建 接待 搭建 对标 考察对接了 对接了 拜访了 参加了 出席了 会见了""".split(), key=len, reverse=True)
GENERIC = sorted("""大型 跨国 综合 金融 服务 经济 社团 非银行 最大 最重要 重要 知名 重点 相关 有关 国际化 国际 龙头 科技型 医疗 健康 养老
生产 销售 企业 民营 国有 外资 合资 独资 上市 全球 世界 该 本 各 多 新 老 大 小 多家 一家 一个 这家 此 其他 其它 部分 当地 本地
地方 一流 领先 优秀 著名 顶级 头部 行业 产品 工业 商业 贸易 投资 发展 合作 交流 多品种 多领域 经营 主要 知名度 高端 中小 小微
政府 机构 组织 单位 公司 集团 非 科研 精细 双方 各方 商协会 商品 体验 电商 跨境 消费 我 本 贵""".split(), key=len, reverse=True)
# field words that name what a public body or agency is for (商务, 贸易发展 ...)
DOMAIN_WORDS = {"经济", "金融", "服务", "贸易", "投资", "发展", "合作", "交流", "工业", "商业", "科技", "医疗", "健康"}
GENERIC_HEADS = ("企业", "公司", "机构", "组织", "单位", "集团", "成员", "会员")
# after an organisation suffix, these characters mean the suffix was part of a word
BAD_CONTINUATION = {"部": "门分署件位", "会": "议员谈见面场展上晤同", "委": "员托屈", "所": "有以在谓得属",
                    "局": "面势部", "处": "理于在置", "办": "理法事", "院": "士", "行": "业动为政程",
                    "社": "会区交", "党": "员性", "中心": "城", "厅": "堂", "司": "机法", "署": "名",
                    "集团": "化", "银行": "业", "人会": "议", "机构": "改", "组织": "者部"}
PLACE_SUFFIX_ZONES = ("自由贸易试验区", "自贸试验区", "综合保税区", "自贸区", "示范区", "合作区", "经济区",
                      "开发区", "高新区", "保税区", "经济圈", "经济带", "专区", "片区", "产业园", "工业园", "园区")
ADMIN_SUFFIX = "省市县区府州都道"
INDUSTRY_SUFFIXES = {"能源", "化学", "化工", "石化", "制药", "药业", "电器", "电子", "科技", "汽车", "重工",
                     "钢铁", "物流", "航空", "电力", "控股", "证券", "保险", "基金", "组织", "物产", "商事"}
BYLINE = re.compile(
    r"(?:(?<=^)|(?<=[\s(|]))(?P<role>责任编辑|作者|记者|编辑|策划|责编|摄影|通讯员|撰稿|审核|校对|文|图)"
    r"\s*(?:[|:/]\s*|\s+)(?P<names>[\u3400-\u9fff]{2,4}(?:[ \t、]+(?!(?:责任编辑|作者|记者|编辑|策划|责编|摄影|通讯员|撰稿|审核|校对)"
    r"\s*[|:/\s])[\u3400-\u9fff]{2,4}){0,4})"
    r"(?=$|[\s)|]|\n)", re.M)


BYLINE_ROLES = {"责任编辑", "作者", "记者", "编辑", "策划", "责编", "摄影", "通讯员", "撰稿", "审核", "校对"}


def _is_katakana(c: str) -> bool:
    return "\u30a1" <= c <= "\u30fa" or c == "ー"


def _is_word_char(c: str) -> bool:
    return is_cjk(c) or (c.isascii() and c.isalnum()) or c in "()·・&-" or _is_katakana(c)


class Ctx:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.norm = doc.norm
        self.d = dictionaries.get()
        self.orgs: dict[tuple[int, int], str] = {}
        self.places: dict[tuple[int, int], str] = {}
        self.person_spans: list[tuple[int, int]] = []
        self.title_spans: list[tuple[int, int]] = []
        self._place_starts = None

    # ----------------------------------------------------------------- helpers
    def place_at(self, i: int) -> int:
        """Length of a gazetteer place (with an optional 省/市/县 suffix) at ``i``."""
        n = self.d.places_cjk.match_at(self.norm, i)
        if n and i + n < len(self.norm) and self.norm[i + n] in ADMIN_SUFFIX and \
                self.norm[i + n - 1] not in ADMIN_SUFFIX and \
                self.norm[i:i + n + 1] not in self.d.places_cjk:
            n += 1
        return n

    def place_at_end(self, e: int) -> bool:
        return any(self.place_at(q) == e - q for q in range(max(0, e - 8), e))

    def anchor_at(self, i: int) -> bool:
        norm = self.norm
        if self.place_at(i) or self.d.orgs_cjk.match_at(norm, i):
            return True
        return norm.startswith(("市", "省", "区", "县", "国家", "全国", "中国", "中日", "日中", "中韩",
                                "中德", "中欧", "国际", "亚洲"), i)

    def trim_left(self, s: int, e: int) -> int:
        """Drop leading verbs and generic descriptions from a name candidate."""
        norm = self.norm
        changed = True
        while changed and s < e:
            changed = False
            for v in LEAD_VERBS:
                if norm.startswith(v, s) and e - s - len(v) >= 2 and not self.anchor_at(s):
                    s += len(v)
                    changed = True
                    break
        # a generic head noun inside the candidate starts the real name after it:
        # 日本知名养老企业|木下集团, 在青日本企业代表|瑞穗银行
        for head in GENERIC_HEADS:
            k = norm.rfind(head, s, e)
            while k != -1:
                after = k + len(head)
                if e - after >= 3 and self.d.org_suffixes_zh.match_at(norm, after, e) != e - after \
                        and self.generic_only(s, after, 0, places_too=True):
                    s = after
                    # 我市企业|学习借鉴|三得利集团: verbs after the head go too
                    changed = True
                    while changed and s < e:
                        changed = False
                        for v in LEAD_VERBS:
                            if norm.startswith(v, s) and e - s - len(v) >= 2 and not self.anchor_at(s):
                                s += len(v)
                                changed = True
                                break
                    break
                k = norm.rfind(head, s, k)
        # a known organisation inside an unanchored candidate is the real start
        # (黄河流域可达|上合组织); a place or known name in front is kept (日本|自民党)
        if not self.anchor_at(s):
            for q in range(s + 1, e - 1):
                k = self.d.orgs_cjk.match_at(norm, q, e)
                if k and q + k == e:
                    s = q
                    break
        return s

    def generic_only(self, s: int, e: int, suffix_len: int, places_too: bool = False) -> bool:
        """True when the name before its suffix is only generic words (大型跨国|集团)."""
        i, end = s, e - suffix_len
        generic_seen = False
        place_seen = False
        descriptor_seen = False
        domain = []
        while i < end:
            for g in GENERIC:
                if self.norm.startswith(g, i) and i + len(g) <= end:
                    i += len(g)
                    generic_seen = True
                    if g in DOMAIN_WORDS:
                        domain.append(g)
                    else:
                        descriptor_seen = True
                    break
            else:
                k = self.place_at(i) if places_too or generic_seen else 0
                if k and i + k <= end:
                    i += k
                    place_seen = True
                    continue
                if self.norm[i] in "市省" and places_too:
                    i += 1
                    continue
                return False
        if place_seen and domain and not descriptor_seen and suffix_len and \
                self.norm[e - suffix_len:e] not in GENERIC_HEADS:
            return False  # 香港|贸易发展|局, 沙特|投资|部: a place's body for a field is a name
        return generic_seen

    def org_ending_at(self, e: int, suffix_len: int, floor: int = 0) -> int | None:
        """Start of the organisation name that ends at ``e``; None if none looks real."""
        norm = self.norm
        s = e - suffix_len
        hit_boundary = False
        taken = self.doc.taken
        while s > floor and e - s < 30:
            c = norm[s - 1]
            if c in ORG_STOP or not _is_word_char(c) or taken[s - 1]:
                hit_boundary = True
                break
            if c == "和" and s >= 2 and norm[s - 2] == "共":
                s -= 1
                continue
            s -= 1
        else:
            hit_boundary = True
        # a known name cut by a stop character (大和房屋|工业株式会社: 和 is also "and")
        for (ks, ke) in self.orgs:
            if ks < s < ke < e and ke - ks >= 3 and self.norm[ks:ke] in self.d.orgs_cjk:
                s = ks
                hit_boundary = True
                break
        # never swallow a title that belongs to the previous person (会长|高燕|中国...)
        for ts, te in self.title_spans:
            if s <= ts < e - suffix_len and te <= e - suffix_len:
                s = te
        for _ps, pe in self.person_spans:
            if s < pe <= e - suffix_len:
                s = pe
        s = self.trim_left(s, e)
        if e - s < 2 or e - s <= suffix_len and norm[s:e] not in self.d.orgs_cjk:
            # a bare suffix (集团, 委员会) is not a name; short forms like 省委 and
            # 发改委 are, when they are listed or are two characters with a local prefix
            listed = (s > 0 and norm[s - 1] == "、") or (e < len(norm) and norm[e] == "、")
            if not (e - s == suffix_len == 2 and norm[s] in "省市区县") and \
                    not (listed and e - s >= 3 and floor == 0 and suffix_len):
                if norm[s:e] not in self.d.orgs_cjk:
                    return None
        if s > 0 and norm[s - 1] in "我本贵该其":
            return None  # 我会, 本公司: a reference, not a name
        if norm.startswith("商协会", e - 3) and norm[s:e] not in self.d.orgs_cjk:
            return None  # 日本商协会, 双方商协会: chambers and associations as a group
        if suffix_len and norm[s:e] not in self.d.orgs_cjk and (
                self.generic_only(s, e, suffix_len, places_too=True) or self.generic_only(s, e, suffix_len)):
            return None
        if not hit_boundary and not self.anchor_at(s):
            return None
        return s

    # ------------------------------------------------------------------ passes
    def find_titles(self) -> list[tuple[int, int, int]]:
        """(start, end, core_start) of every title word with its modifiers."""
        norm, d = self.norm, self.d
        out = []
        i, n = 0, len(norm)
        while i < n:
            if not is_cjk(norm[i]):
                i += 1
                continue
            j = i
            while True:
                k = d.title_affixes_zh.match_at(norm, j)
                if not k:
                    break
                if d.titles_zh.match_at(norm, j + k):
                    j += k
                    continue
                # an affix that is itself followed by another affix (二级 + 巡视员)
                k2 = d.title_affixes_zh.match_at(norm, j + k)
                if k2 and d.titles_zh.match_at(norm, j + k + k2):
                    j += k
                    continue
                break
            t = d.titles_zh.match_at(norm, j)
            if t:
                end = j + t
                nxt = norm[end] if end < n else ""
                if nxt and nxt in "会处团馆室部局厅组级委":
                    i += 1
                    continue  # 理事会, 代表处, 大使馆: part of an organisation name
                out.append((i, end, j))
                i = end
                continue
            i += 1
        return out

    def scan_known(self) -> None:
        norm, d = self.norm, self.d
        i, n = 0, len(norm)
        while i < n:
            c = norm[i]
            if not is_cjk(c) and not c.isascii():
                i += 1
                continue
            if c.isascii():
                # Latin abbreviations of known organisations (JETRO) as whole words
                if c.isupper() and (i == 0 or not norm[i - 1].isascii() or not norm[i - 1].isalnum()):
                    j = i
                    while j < n and norm[j].isascii() and (norm[j].isalnum() or norm[j] in "&-"):
                        j += 1
                    w = norm[i:j]
                    if w in d.orgs_latin and len(w) >= 2:
                        self.orgs[(i, j)] = d.orgs_latin[w]
                    i = max(j, i + 1)
                    continue
                i += 1
                continue
            k = d.orgs_cjk.match_at(norm, i)
            if k:
                e = i + k
                nxt = norm[e] if e < n else ""
                prev = norm[i - 1] if i else ""
                word_after = norm[e:e + 2] in d.zh_common or norm[e:e + 3] in d.zh_common
                if k <= 3 and (is_cjk(prev) and prev not in ORG_STOP or is_cjk(nxt) and nxt not in STOP_AFTER
                               and not d.titles_zh.match_at(norm, e) and not d.org_suffixes_zh.match_at(norm, e)
                               and not d.title_affixes_zh.match_at(norm, e)
                               and not (word_after and (not is_cjk(prev) or prev in ORG_STOP))):
                    i += 1
                    continue  # 松下|正幸, 变局|中共|开新局: a short name glued into other words
                self.orgs[(i, e)] = d.orgs_cjk.get(norm[i:e])
            i += 1

    def scan_suffix_orgs(self) -> None:
        norm, d = self.norm, self.d
        n = len(norm)
        ends = {}
        for i in range(n):
            c = norm[i]
            if c not in d.org_suffixes_zh.by_first:
                continue
            k = d.org_suffixes_zh.match_at(norm, i)
            if not k:
                continue
            suf = norm[i:i + k]
            e = i + k
            # extend over a trailing branch: 瑞穗银行(中国)有限公司|青岛分行 is handled
            # by the longer suffix match starting later, so just record every end
            nxt = norm[e] if e < n else ""
            bad = BAD_CONTINUATION.get(suf) or BAD_CONTINUATION.get(suf[-1:], "")
            if nxt and nxt in bad and not norm.startswith(("会长", "部长", "局长", "处长", "行长", "社长", "院长", "所长", "委员"), e - 1):
                continue
            if suf in d.weak_org_suffixes_zh and k == 1:
                # weak one-character suffixes (部, 司, 处 ...) need a listed or local name
                pass
            if any(ts < e < te for ts, te in self.title_spans):
                continue  # 商务厅|厅长, 商务部副|部长: the suffix is the start of a title
            prev = norm[i - 1] if i else ""
            if suf in ("署", "部") and prev in "签部":
                continue  # 签署, 部署: verbs
            if suf == "局" and prev in "大变迷布格结时全当僵开新骗饭":
                continue
            if suf == "部" and prev in "干内外全局头面胸腹背脚底顶中东西南北俱总":
                continue
            if suf in INDUSTRY_SUFFIXES and nxt and is_cjk(nxt) and nxt not in STOP_AFTER \
                    and not d.titles_zh.match_at(norm, e) and not d.org_suffixes_zh.match_at(norm, e):
                continue  # 烟台能源|投资..., 科技|创新: the word goes on
            ends[e] = max(ends.get(e, 0), k)
        for e, k in sorted(ends.items()):
            s = self.org_ending_at(e, k)
            if s is None:
                continue
            suf = norm[e - k:e]
            if suf in d.weak_org_suffixes_zh and k == 1 and not self.anchor_at(s):
                continue
            if suf in INDUSTRY_SUFFIXES and not self.anchor_at(s) and not (s and norm[s - 1] in "、，,"):
                continue
            cut = max((k2 + len(v) for v in ORG_CUT_VERBS for k2 in [norm.rfind(v, s + 1, e)] if k2 != -1),
                      default=s)
            if cut > s:
                if e - cut < 2 or self.generic_only(cut, e, k):
                    continue  # 周骏彦出任|南京国民政府: a person and a verb are no part of the name
                s = self.trim_left(cut, e)
            self.orgs.setdefault((s, e), norm[s:e])
        # 伊藤忠(中国), 丸红(青岛): a subsidiary named by its parent and a place
        for (s, e) in list(self.orgs):
            m = re.match(r"\(([\u4e00-\u9fff]{2,3})\)", norm[e:e + 6])
            if m and self.place_at(e + 1) == len(m.group(1)) and not d.org_suffixes_zh.match_at(norm, e + m.end()):
                self.orgs[(s, e + m.end())] = norm[s:e + m.end()]
        # an organisation mention strictly inside a longer one is part of its name
        # (日本贸易振兴机构|青岛事务所); the parent is listed where it stands alone
        spans = sorted(self.orgs, key=lambda x: (x[0], -x[1]))
        keep = {}
        for s, e in spans:
            if any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for (s2, e2) in spans):
                continue
            keep[(s, e)] = self.orgs[(s, e)]
        self.orgs = keep

    def scan_places(self) -> None:
        norm = self.norm
        n = len(norm)
        i = 0
        while i < n:
            c = norm[i]
            if _is_katakana(c):
                # a katakana place is a whole katakana word (ハノイ, not ハノイ|ール)
                if i and (_is_katakana(norm[i - 1]) or norm[i - 1] == "・"):
                    i += 1
                    continue
                m = JA_KANA_PLACE.match(norm, i)
                if m and self.doc.lang == "ja" and not any(a <= i < b for a, b in self.orgs):
                    self.places[(i, m.end())] = "kana"  # デラウェア州, ジャワ島, フェラーラ地方
                    i = m.end()
                    continue
                k = self.place_at(i)
                if k and not (i + k < n and _is_katakana(norm[i + k])):
                    self.places[(i, i + k)] = "gaz"
                    i += k
                    continue
                i += 1
                continue
            if not is_cjk(c):
                i += 1
                continue
            # zones and parks: 中国(山东)自贸试验区, 青岛国际经济合作区, 上合示范区
            k = self.place_at(i)
            if k:
                self.places[(i, i + k)] = "gaz"
                i += k
                continue
            i += 1
        for suf in PLACE_SUFFIX_ZONES:
            start = 0
            while True:
                p = norm.find(suf, start)
                if p == -1:
                    break
                start = p + 1
                e = p + len(suf)
                if any(s <= p and e <= oe for (s, oe) in self.orgs):
                    continue
                s = self.org_ending_at(e, len(suf))
                if s is None or e - s <= len(suf):
                    continue
                if not self.anchor_at(s) and not norm.startswith(("上合", "中日", "鲁日"), s):
                    continue
                self.places[(s, e)] = "zone"

    def scan_people(self) -> None:
        doc, norm, d = self.doc, self.norm, self.d
        zh_s, ja_s = d.surnames_zh, d.surnames_ja
        titles = self.find_titles()
        self.title_spans = [(s, e) for s, e, _ in titles]
        title_by_end = {e: (s, c) for s, e, c in titles}
        for ts, te, core in titles:
            preceded = ts > 0 and (any(oe == ts for (_, oe) in self.orgs) or self.place_at_end(ts)
                                   or norm[ts - 1] == "、")
            got = read_name_at(norm, te, zh_s, ja_s, allow_unknown=preceded)
            if got and any(s <= te < e for (s, e) in self.orgs):
                got = None  # the "name" is the start of an organisation
            if got:
                nlen, kind = got
                org_s = self.org_ending_at(ts, 0) if ts > 0 else None
                org = None
                title_s = ts
                # a known organisation or a suffix organisation right before the title
                for (os_, oe) in self.orgs:
                    if oe == ts and (org is None or os_ < org[0]):
                        org = (os_, oe)
                if org is None and org_s is not None and org_s < ts:
                    cand = norm[org_s:ts]
                    if self.d.org_suffixes_zh.match_ending_at(norm, ts, 8) or cand in self.d.orgs_cjk:
                        org = (org_s, ts)
                # place-only prefix (中国驻日本大使, 日本前首相, 北海道知事) joins the title
                if org is None:
                    p = ts
                    while p > 0:
                        moved = False
                        for q in range(max(0, p - 8), p):
                            k = self.place_at(q)
                            if k and (q + k == p or q + k == p + 1 and p == ts and norm[p] in ADMIN_SUFFIX
                                      and norm[q + k - 1] == norm[p]):
                                p = q  # 北海道|知事, 珠海|市长 (the place's 市 starts the title)
                                moved = True
                                break
                        if not moved and p >= 1 and norm[p - 1] == "驻":
                            p -= 1
                            moved = True
                        if not moved:
                            break
                    if p < ts:
                        title_s = p
                # chained titles: 省委副书记、省长 / 市政府副秘书长、市投促办第一副主任
                chain_s = org[0] if org else title_s
                chained = False
                while chain_s > 0 and norm[chain_s - 1] == "、" and (chain_s - 1) in title_by_end:
                    prev_s, _ = title_by_end[chain_s - 1]
                    po = self.org_ending_at(prev_s, 0) if prev_s > 0 else None
                    pst = prev_s
                    for (os_, oe) in self.orgs:
                        if oe == prev_s:
                            pst = min(pst, os_)
                    if po is not None and po < prev_s and pst == prev_s:
                        pst = po
                    chain_s = pst
                    chained = True
                if chained:
                    title_s, org = chain_s, None
                title_text = doc.text[title_s:te]
                org_text = doc.text[org[0]:org[1]] if org else None
                start = org[0] if org else title_s
                name_s, name_e = te, te + nlen
                conf = 0.9 if kind != "unknown" else 0.55
                self._person(start, name_e, name_s, name_e, title_text, org_text, conf)
                # a list after one title: 市领导张海波、闫剑波、张宏伟
                p = name_e
                while p < len(norm) - 2 and norm[p] == "、":
                    nxt = read_name_at(norm, p + 1, zh_s, ja_s)
                    if not nxt or any(os_ == p + 1 for os_, _ in self.orgs):
                        break  # 铃木直道、关西经济联合会…: the list goes on with an organisation
                    ne = p + 1 + nxt[0]
                    after = norm[ne] if ne < len(norm) else ""
                    if after and after not in "、等，。 " and d.titles_zh.match_at(norm, ne) == 0 \
                            and after not in STOP_AFTER:
                        break
                    if any(s <= ne - 1 < e for s, e, _ in titles):
                        break
                    self._person(p + 1, ne, p + 1, ne, title_text, org_text, 0.8)
                    p = ne
                continue
            # title after the name: 习近平主席, 安倍晋三首相
            if norm[ts:te] in d.titles_after_zh or norm[core:te] in d.titles_after_zh and ts == core:
                after = norm[te] if te < len(norm) else ""
                k = read_name_before(norm, ts, zh_s, ja_s)
                if after and is_cjk(after) and after not in STOP_AFTER and after not in "多亲":
                    # 习近平总书记赋予…: a verb may follow when the name starts a sentence
                    if not (k == 3 and (ts - k == 0 or norm[ts - k - 1] in "\n。！？!?;；")):
                        continue
                if k and doc.lang == "ja" and ts - k > 0 and norm[ts - k - 1] == "の":
                    continue  # 外務省の高橋誠一大臣: read with its organisation by scan_people_ja
                if k:
                    self._person(ts - k, te, ts - k, ts, doc.text[ts:te], None, 0.8)
        # bylines: 作者 | 杨光, 记者 高少帅 衣玉林, (文/姚墨笛)
        for m in BYLINE.finditer(norm):
            role = m.group("role")
            title = None if role in ("文", "图") else doc.text[m.start("role"):m.end("role")]
            if role in ("文", "图") and norm[m.end("role"):m.end("role") + 1] != "/":
                continue
            for nm in re.finditer(r"[\u3400-\u9fff]{2,4}", m.group("names")):
                if nm.group() in BYLINE_ROLES:
                    break
                s = m.start("names") + nm.start()
                e = s + len(nm.group())
                self._person(s, e, s, e, title, None, 0.7)

    def scan_people_ja(self) -> None:
        """Japanese word order: 組織の 佐々木伸彦 理事長 / 佐々木伸彦氏."""
        doc, norm, d = self.doc, self.norm, self.d
        for m in re.finditer(r"[\u3400-\u9fff々]{2,6}", norm):
            s, e = m.span()
            run = m.group()
            title = None
            name_e = e
            for k in range(len(run) - 1, 1, -1):
                t = run[k:]
                if t in d.titles_ja or t in d.titles_zh:
                    title = t
                    name_e = s + k
                    break
            follows = norm[e:e + 2]
            if title is None and not follows.startswith(("氏", "さん", "様", "首相", "知事", "社長")):
                continue
            name = norm[s:name_e]
            if not (2 <= len(name) <= 5):
                continue
            if not (name[:2] in d.surnames_ja or name[:3] in d.surnames_ja or name[0] in d.surnames_ja
                    or name[:1] in d.surnames_zh):
                continue
            org = None
            if s >= 2 and norm[s - 1] == "の":
                j = s - 1
                j = self._ja_org_start(s - 1)
                if j is not None:
                    org = doc.text[j:s - 1]
                    self.orgs.setdefault((j, s - 1), norm[j:s - 1])
            self._person(s, e if title else name_e, s, name_e, doc.text[name_e:e] if title else None, org, 0.75)

    def _ja_org_start(self, e: int) -> int | None:
        """Start of an organisation that ends at ``e`` before の (ベトナム商工省|の)."""
        norm, d = self.norm, self.d
        j = e
        while j > 0 and e - j < 24 and (is_cjk(norm[j - 1]) or _is_katakana(norm[j - 1]) or norm[j - 1] == "・"):
            j -= 1
        if j >= e:
            return None
        for q in range(j, e - 1):
            if norm[q:e] in d.orgs_cjk:
                return q
        if d.org_suffixes_zh.match_ending_at(norm, e, 8):
            return j
        if e - j >= 3 and norm[e - 1] in "省厅" and not self.place_at_end(e):
            return j  # 経済産業省, ベトナム商工省: a ministry, not a province
        return None

    def scan_people_ja_katakana(self) -> None:
        """Foreign names in katakana with a title after them: (組織の)グエン・ヴァン・タン大臣."""
        doc, norm, d = self.doc, self.norm, self.d
        for m in re.finditer(r"[\u30a1-\u30fa\u30fc]{2,}(?:・[\u30a1-\u30fa\u30fc]{1,}){0,4}", norm):
            s, e = m.span()
            t = 0
            for k in range(6, 1, -1):
                if norm[e:e + k] in d.titles_ja or norm[e:e + k] in d.titles_zh:
                    t = k
                    break
            if not t or (e + t < len(norm) and is_cjk(norm[e + t])):
                continue
            if "・" not in m.group() and not (s >= 1 and norm[s - 1] == "の"):
                continue  # a single katakana word before a title is more often a company
            if self.place_at(s) == e - s:
                continue
            org = None
            if s >= 2 and norm[s - 1] == "の":
                j = self._ja_org_start(s - 1)
                if j is not None:
                    org = doc.text[j:s - 1]
                    self.orgs.setdefault((j, s - 1), norm[j:s - 1])
            self._person(s, e + t, s, e, doc.text[e:e + t], org, 0.7)

    def scan_orgs_ja(self) -> None:
        """Japanese company and body names that end in an industry word or 社 and stand
        before a particle: 日本製紙の, 美的集団による, フェンダー社の, JR貨物の, IBMと."""
        norm, d = self.norm, self.d
        n = len(norm)
        for m in JA_ORG_END.finditer(norm):
            e = m.end()
            if e < n and not (norm[e] in JA_PARTICLE or not (is_cjk(norm[e]) or _is_katakana(norm[e]) or
                                                              norm[e].isalnum())):
                continue  # 釧路工場: the word goes on
            suf = m.group()
            s = m.start()
            while s > 0 and m.start() - s < 12 and (
                    is_cjk(norm[s - 1]) or _is_katakana(norm[s - 1]) or norm[s - 1] == "&" or
                    norm[s - 1] == "・" and s >= 2 and _is_katakana(norm[s - 2]) and _is_katakana(norm[s]) or
                    norm[s - 1].isascii() and norm[s - 1].isalnum()):
                s -= 1
            if s >= m.start() or any(a < e and s < b for a, b in self.orgs):
                continue
            body = norm[s:m.start()]
            if suf == "社" and (not all(_is_katakana(c) or c.isascii() or c == "・" for c in body) or
                               not any(_is_katakana(c) or c.isalpha() for c in body)):
                continue  # 本社, 神社, 同社, 200社: an ordinary word or a count
            if body in JA_NOT_ORG_BODY or self.place_at(s) == len(body) and suf in ("社",):
                continue
            if len(body) < 2 and not body.isascii():
                continue
            self.orgs[(s, e)] = norm[s:e]
        # Latin acronyms (IBM, NHK) and JR-style prefixes (JR貨物) in Japanese text
        for m in re.finditer(r"(?<![A-Za-z0-9])([A-Z][A-Z0-9&]{1,5})(?![A-Za-z0-9])([\u4e00-\u9fff]{2})?", norm):
            w = m.group(1)
            if w in d.acronym_stop or w in d.places_latin or any(a <= m.start() < b for a, b in self.orgs):
                continue
            nxt = norm[m.end(1):m.end(1) + 1]
            if m.group(2) and w in ("JR", "JA", "NTT", "KDDI"):
                self.orgs[(m.start(), m.end())] = m.group()
                continue
            if nxt and not (nxt in JA_PARTICLE or nxt in "・、。)）」") or norm[m.end(1):m.end(1) + 2].strip() == "" and \
                    m.end(1) + 1 < len(norm) and norm[m.end(1) + 1].isascii() and norm[m.end(1) + 1].isalnum():
                continue  # BMW JAPAN, YAPPA 3D: part of a Latin-script name
            self.orgs[(m.start(), m.end(1))] = w

    def scan_kabushiki(self) -> None:
        """株式会社日立製作所: a company named after 株式会社 (the name runs to a particle)."""
        norm = self.norm
        for m in re.finditer(r"株式会社|有限会社|合同会社", norm):
            s, e = m.span()
            self.orgs.pop((s, e), None)  # the bare 株式会社 read as a listed suffix
            if any(a <= s < b for a, b in self.orgs):
                continue  # トヨタ自動車株式会社: the suffix form, already read
            j = e
            while j < len(norm) and j - e < 16 and (is_cjk(norm[j]) or _is_katakana(norm[j]) or norm[j] in "・&"):
                j += 1
            if j - e < 2 or self.d.titles_ja.get(norm[e:j]) is not None:
                continue
            for k in range(j - 1, e + 1, -1):
                if norm[k:j] in self.d.titles_ja or norm[k:j] in self.d.titles_zh:
                    j = k  # 株式会社日立製作所|社長
                    break
            self.orgs[(s, j)] = norm[s:j]

    def scan_bare_names_zh(self) -> None:
        """Chinese names without a title: 姚夏就入选, 凌统骗曹仁, 安德鲁·洛伊·韦伯, 卡斯特罗出现."""
        norm, d = self.norm, self.d
        n = len(norm)
        if not d.zh_given1:
            return
        used = bytearray(n)
        for spans in (self.person_spans, list(self.orgs), list(self.places), self.title_spans):
            for a, b in spans:
                used[a:b] = b"\x01" * (b - a)
        common = d.zh_common

        def free(a: int, b: int) -> bool:
            return 0 <= a < b <= n and not any(used[a:b])

        def cue_after(e: int) -> bool:
            return e >= n or not is_cjk(norm[e]) or norm.startswith(CUE_AFTER, e) or norm.startswith(CUE_VERB, e)

        def cue_before(s: int) -> bool:
            return s == 0 or not is_cjk(norm[s - 1]) or norm[s - 1] in "、和与及跟同" or \
                (s > 1 and norm[s - 1] in "年月日" and norm[s - 2].isdigit()) or \
                any(norm.endswith(c, 0, s) for c in CUE_BEFORE)

        def add(a: int, b: int, conf: float) -> None:
            self._person(a, b, a, b, None, None, conf)
            used[a:b] = b"\x01" * (b - a)

        # transliterated foreign names: runs of transliteration characters joined by "·"
        tr = d.zh_translit
        self._dot_names(used, add)
        i = 0
        while i < n:
            if norm[i] not in tr or (i and norm[i - 1] in tr):
                i += 1
                continue
            j = i
            parts = 0
            while True:
                k = j
                while k < n and norm[k] in tr and k - j < 6:
                    k += 1
                if k == j:
                    break
                parts += 1
                j = k
                if j + 1 < n and norm[j] in "·・•." and norm[j + 1] in tr:
                    j += 1
                    continue
                break
            e = j
            if norm[e - 1] in "·・•.":
                e -= 1
            if parts == 1 and e - i >= 3 and e + 1 < n and is_cjk(norm[e]) and norm[e] not in STOP_AFTER and \
                    norm[e] not in PLACE_OR_THING_AFTER and norm[e:e + 2] not in common and \
                    (not is_cjk(norm[e + 1]) or norm[e + 1] in STOP_AFTER):
                e += 1  # 苏格拉底|和, 卢克莱修|(: one more character before a clear boundary
            prev = norm[i - 1] if i else ""
            if is_cjk(prev) and prev not in STOP_AFTER and prev not in ORG_STOP and \
                    not any(te == i for _ts, te in self.title_spans) and not any(c in "·・" for c in norm[i:e]) and \
                    norm[i - 2:i] not in common and norm[i - 3:i] not in common:
                i = max(e, i + 1)
                continue  # 中集|来福士: glued to the word before, part of a company name
            if free(i, e) and not self.place_at(i) and (
                    parts >= 2 or (e - i >= 3 and (norm.startswith(CUE_AFTER_STRONG, e) or
                                                   any(norm.endswith(c, 0, i) for c in CUE_BEFORE[:35]) or
                                                   (norm.startswith(CUE_VERB, e) and cue_before(i))))):
                glued = parts < 2 and (norm[i:i + 2] in common or norm[e - 2:e] in common or
                                       norm[e - 1:e + 1] in common or  # 亚齐特|别: 特别 is a word
                                       (i and norm[i - 1] in DEGREE_BEFORE))
                if norm[i:e] not in common and d.places_cjk.get(norm[i:e]) is None and not glued:
                    add(i, e, 0.5 if parts < 2 else 0.6)
            i = max(e, i + 1)

        def listed(a: int, b: int) -> bool:
            """the name is in a 、-list or a 和/与-pair with a person already found"""
            left = a > 1 and norm[a - 1] in "、和与及同" and any(pe == a - 1 for _ps, pe in self.person_spans)
            right = b < n - 1 and norm[b] in "、和与及同" and any(ps == b + 1 for ps, _pe in self.person_spans)
            return left or right

        # Chinese names: family name + one or two given characters
        for _pass in (0, 1):  # the second pass reads the left member of a pair found later
            self._bare_zh_pass(used, add, free, cue_after, cue_before, listed)

    def _bare_zh_pass(self, used, add, free, cue_after, cue_before, listed) -> None:
        norm, d = self.norm, self.d
        n = len(norm)
        common, sur, tr = d.zh_common, d.surnames_zh, d.zh_translit
        i = 0
        while i < n - 1:
            if used[i] or not is_cjk(norm[i]):
                i += 1
                continue
            k = 2 if norm[i:i + 2] in sur else (1 if norm[i] in sur and norm[i] not in BARE_SURNAME_STOP else 0)
            if k and (norm[i:i + 2] in d.surnames_ja or norm[i:i + 3] in d.surnames_ja):
                k = 0  # a Japanese family name (丰臣秀吉): read only next to a title
            if not k or (i and is_cjk(norm[i - 1]) and norm[i - 1:i + 1] in common):
                i += 1
                continue
            best = None
            for glen in (2, 1):
                e = i + k + glen
                if e > n or not all(is_cjk(c) for c in norm[i + k:e]):
                    continue
                over = []
                if not free(i, e):
                    over = self._known_over_place(i, e, used, cue_before(i) and cue_after(e))
                    if not over:
                        continue
                cand = norm[i:e]
                given = norm[i + k:e]
                if all(c in tr for c in cand) and (e < n and norm[e] in tr or i and norm[i - 1] in tr):
                    continue  # a piece of a transliterated name (艾森豪|威尔)
                if (given[-1] in NOT_LAST_GIVEN and not over) or (e < n and norm[e] in PLACE_OR_THING_AFTER):
                    continue  # 杜鹃花, 宁武县, 夏道镇
                stopped = any(c in STOP_AFTER or c in NOT_GIVEN for c in given)
                if stopped and glen == 2 and cand in d.zh_known and given[-1] not in STOP_AFTER and \
                        given[-1] not in NOT_GIVEN and cue_before(i) and cue_after(e):
                    stopped = False  # 吴三桂: a known name whose middle character often starts a word
                if stopped or cand in common or \
                        norm[i:i + k + 1] in common or (e < n and norm[e - 1:e + 1] in common and
                                                       not cue_after(e)):
                    continue
                if glen == 2 and (given in common or given[0] == norm[i]) and not norm.startswith(CUE_AFTER_STRONG, e) \
                        and not over:
                    continue  # 高|水平, 许|许多多: the "given name" is an ordinary word
                prev = norm[i - 1] if i else ""
                if is_cjk(prev) and prev not in STOP_AFTER and prev not in ORG_STOP and prev not in "、" and \
                        not any(te == i for _ts, te in self.title_spans) and not cue_before(i) and \
                        norm[i - 2:i] not in common and norm[i - 3:i] not in common and not listed(i, e):
                    continue  # 中集|来福士: glued to the word before
                if (e < n and norm[e] in "·・•") or (i and norm[i - 1] in "·・•"):
                    continue  # 但|哈利·华纳: part of a foreign name joined by a dot
                if e < n and norm.startswith(CUE_VERB_LONG, e - 1):
                    continue  # 马勒|成为, 克林姆|创作: the last "given" character starts the verb
                known = cand in d.zh_known
                stats = given[0] in d.zh_given1 and (glen == 1 or given[1] in d.zh_given2)
                if glen == 1:
                    stats = given in d.zh_given2 or given in d.zh_given1
                loose = all(c in d.zh_given1 or c in d.zh_given2 or c in d.zh_given_rare for c in given)
                after, before = cue_after(e), cue_before(i)
                verb = norm.startswith(CUE_VERB, e)
                if over:
                    if known:
                        for p in over:
                            self.places.pop(p, None)
                        used[i:e] = bytes(e - i)
                        best = (e, 0.55)
                elif known and (after or before or e >= n or norm[e] in STOP_AFTER):
                    best = (e, 0.6)
                elif stats and glen == 2 and (after and before or norm.startswith(CUE_AFTER_STRONG, e)):
                    best = (e, 0.5)
                elif stats and glen == 1 and norm.startswith(CUE_AFTER_STRONG, e) and before:
                    best = (e, 0.45)
                elif loose and glen == 2 and (before and verb or listed(i, e)):
                    best = (e, 0.45)
                elif stats and glen == 1 and before and verb:
                    best = (e, 0.4)
                if best:
                    break
            if best:
                add(i, best[0], best[1])
                i = best[0]
            else:
                i += 1

    def _known_over_place(self, s: int, e: int, used: bytearray, cued: bool) -> list:
        """孙|中山: a known three-character name read as a place after its family name; with a
        cue on both sides the name wins (the places returned are dropped when it is taken)."""
        if not cued or e - s != 3 or self.norm[s:e] not in self.d.zh_known:
            return []
        inner = [p for p in self.places if s < p[0] and p[1] <= e]
        if not inner or any(used[x] and not any(a <= x < b for a, b in inner) for x in range(s, e)):
            return []
        return inner

    def _dot_names(self, used: bytearray, add) -> None:
        """安德里亚·皮萨诺, 田纳西·威廉斯, 朱斯廷·苏敏德: parts joined by "·" are one foreign
        name; each part is transliteration characters with at most one other character
        (田, 廉, 敏), and it ends at a function word or punctuation."""
        norm, tr = self.norm, self.d.zh_translit
        n = len(norm)
        stop = STOP_AFTER | set("的了是和与及从由为对向把被将给于在也都就自但而")
        common = self.d.zh_common

        def part_left(e: int) -> int:
            s, other = e, 0
            while s > 0 and e - s < 6 and is_cjk(norm[s - 1]) and norm[s - 1] not in stop:
                if norm[s - 1] not in tr:
                    if other or not (s - 1 == 0 or not is_cjk(norm[s - 2]) or norm[s - 2] in stop or
                                      norm[s - 2] in tr):
                        break
                    other += 1
                s -= 1
            return s

        def part_right(s: int) -> int:
            e, other = s, 0
            while e < n and e - s < 6 and is_cjk(norm[e]) and (
                    norm[e] not in stop or e > s and norm[e] in tr and e + 1 < n and norm[e + 1] in tr):
                # 卡斯|特|罗: a transliteration character between two others is no function word
                if norm[e] not in tr:
                    if other:
                        break
                    nxt = norm[e + 1] if e + 1 < n else ""
                    if not (nxt in tr or not is_cjk(nxt) or nxt in stop) or (e > s and norm[e:e + 2] in common):
                        break  # 克林姆|创作: the character starts the next word
                    other += 1
                e += 1
            return e

        for m in re.finditer(r"[·・•]", norm):
            d0 = m.start()
            if d0 == 0 or not is_cjk(norm[d0 - 1]) or used[d0 - 1]:
                continue
            if d0 > 1 and norm[d0 - 2] in "·・•":
                continue  # handled from the first dot
            s = part_left(d0)
            for w in CUE_BEFORE:
                if len(w) > 1 and norm.startswith(w, s) and d0 - s > len(w):
                    s += len(w)  # 哥哥|洛马纳·卢阿卢阿
                    break
            if d0 - s < 1 or not any(c in tr for c in norm[s:d0]):
                continue
            e = d0
            parts = 1
            while e < n and norm[e] in "·・•" and e + 1 < n and is_cjk(norm[e + 1]):
                pe = part_right(e + 1)
                if pe == e + 1:
                    break
                e = pe
                parts += 1
            if parts < 2 or any(used[s:e]):
                continue
            share = 2 if norm.startswith(CUE_VERB, e) else 3  # 山姆·华纳|逝世: a verb makes half enough
            if sum(1 for c in norm[s:e] if c in tr) * share < (share - 1) * (e - s - parts + 1):
                continue  # mostly ordinary characters: 日本・山东, not a name
            if self.place_at(s) == e - s:
                continue
            add(s, e, 0.6)

    def scan_bare_names_ja(self) -> None:
        """Japanese names without a title: 鈴木一郎は, 大久保嘉人のゴール, カレル・ゼマンと."""
        norm, d = self.norm, self.d
        n = len(norm)
        used = bytearray(n)
        for spans in (self.person_spans, list(self.orgs), list(self.places)):
            for a, b in spans:
                used[a:b] = b"\x01" * (b - a)
        # katakana names joined by "・" (or "=" as some texts write it): オットー・フランク
        for m in JA_KATAKANA_NAME.finditer(norm):
            a, b = m.span()
            if any(used[a:b]) or self.place_at(a):
                continue
            words = re.split(r"[・=＝]", m.group())
            if any(w in JA_NOT_NAME_WORDS for w in words) or norm[b:b + 1] in JA_ORG_AFTER:
                continue
            self._person(a, b, a, b, None, None, 0.5)
            used[a:b] = b"\x01" * (b - a)
        # kanji names: a listed family name, one to three given characters, then a particle
        for m in re.finditer(r"[\u3400-\u9fff々]{3,6}", norm):
            a, b = m.span()
            if any(used[a:b]):
                continue
            run = m.group()
            k = 3 if run[:3] in d.surnames_ja else (2 if run[:2] in d.surnames_ja else 0)
            if not k:
                continue
            after = norm[b:b + 1]
            if after not in JA_NAME_AFTER and not norm.startswith(("さん", "氏", "様", "君", "ら", "監督", "選手"), b):
                continue
            if len(run) - k > 3 or run[-1] in JA_NOT_NAME_END or run in d.orgs_cjk or self.place_at(a) == len(run):
                continue
            self._person(a, b, a, b, None, None, 0.5)
            used[a:b] = b"\x01" * (b - a)

    def _person(self, s, e, ns, ne, title, org, conf) -> None:
        norm, tr = self.norm, self.d.zh_translit
        n = len(norm)
        while e == ne and ne + 1 < n and norm[ne] in "·・" and norm[ne + 1] in tr and \
                all(c in tr for c in norm[ns:ne]):
            k = ne + 1  # 主席菲德尔|·卡斯特罗: the rest of a foreign name after a title
            while k < n and k - ne <= 6 and norm[k] in tr:
                k += 1
            ne = e = k
        if any(ps == ns and pe == ne for ps, pe in self.person_spans):
            return
        self.person_spans.append((ns, ne))
        self.doc.add("person", s, e, {"name": self.doc.text[ns:ne], "title": title or None, "org": org},
                     conf)

    def _glued_ja(self, s: int, e: int) -> bool:
        norm = self.norm
        if e >= len(norm):
            return False
        c = norm[e]
        if not (is_cjk(c) or _is_katakana(c)) or c in "县府都道市区町村州省":
            return False
        if self.place_at(e) or any(a == e for a, _ in self.places) or any(a == e for a, _ in self.orgs):
            return False  # 中国|江苏省: a place followed by a place
        if c in "内外人系产制" or norm.startswith(("政府", "大使", "首相", "知事", "市长", "代表"), e):
            return False  # 県内, 日本人, 日系, 日本産: still about the place
        return True

    def _bare_used(self, bare: str) -> bool:
        norm = self.norm
        i = norm.find(bare)
        while i != -1:
            e = i + len(bare)
            if (e >= len(norm) or norm[e] not in "省市县州府") and \
                    (i == 0 or not is_cjk(norm[i - 1]) or norm[i - 1] not in "省市县州府"):
                return True
            i = norm.find(bare, i + 1)
        return False

    def drop_glosses(self) -> None:
        """日本科学技术国际交流中心(JST): a Latin abbreviation in parentheses right after an
        organisation is a gloss, listed only where the text also uses it on its own."""
        norm = self.norm
        for (s, e) in list(self.orgs):
            if not (s > 0 and e < len(norm) and norm[s - 1] == "(" and norm[e] == ")" and norm[s:e].isascii()):
                continue
            if not any(oe == s - 1 for (_os, oe) in self.orgs):
                continue
            word = norm[s:e]
            elsewhere = any(norm[m.start() - 1:m.start()] != "(" for m in re.finditer(re.escape(word), norm)
                            if m.start() != s)
            if not elsewhere:
                del self.orgs[(s, e)]

    def emit(self) -> None:
        doc = self.doc
        person_names = {doc.text[s:e] for s, e in self.person_spans}
        for (s, e) in sorted(self.orgs):
            name = doc.text[s:e]
            if name in person_names:
                continue
            doc.add("organization", s, e, {"name": name}, 0.7)
        org_spans = list(self.orgs)
        for (s, e), src in sorted(self.places.items()):
            if any(os_ <= s and e <= oe and (os_, oe) != (s, e) for os_, oe in org_spans):
                continue  # 青岛 inside 青岛市政府 is part of the organisation's name
            if any(ps <= s < pe for ps, pe in self.person_spans):
                continue
            if doc.lang == "ja" and src == "gaz" and self._glued_ja(s, e):
                continue  # 釧路|工場, 札幌|オリンピック, 日本|映画: part of a longer noun
            name = doc.text[s:e]
            # 青岛市 / 山东省 are listed under the place's standalone name
            # (the form without the suffix when the text also uses it on its own;
            # 常州市 / 江苏省 stay as written when they are never shortened)
            if src == "gaz" and len(name) > 2 and self.norm[e - 1] in "省市县" and \
                    self.d.places_cjk.get(self.norm[s:e - 1]) and self._bare_used(self.norm[s:e - 1]):
                name = name[:-1]
            doc.add("place", s, e, {"name": name}, 0.75)


# what follows a bare name in running text (a verb of saying, a particle, punctuation)
CUE_AFTER = ("说", "表示", "指出", "认为", "称", "透露", "介绍", "强调", "坦言", "说道", "回忆", "先生", "女士", "小姐",
             "教授", "博士", "同志", "等人", "等", "曾", "也", "则", "就", "又", "还", "便", "已", "在", "于", "将", "的",
             "和", "与", "及", "、", "，", "。", "是", "为", "被", "把", "对", "向", "从", "出生", "生于", "担任",
             "任", "进入", "加入", "率领", "带领", "带着", "决定", "发现", "获得", "成为", "当选", "去世", "逝世",
             "出任", "出现", "创建", "创作", "主演", "执导", "领导", "指挥", "骗", "误", "先后", "随即", "以",
             "(", ")", "“", "”", ":", ";", "!", "?", " ")
# verbs of speech and action that follow a bare name (张三|表示, 李四|出席)
CUE_VERB = ("说", "表示", "认为", "指出", "强调", "介绍", "出席", "会见", "会晤", "接见", "率团", "率领", "率军", "带领",
            "获得", "获颁", "荣获", "担任", "出任", "接任", "继任", "兼任", "改任", "出掌", "出生", "生于", "去世", "逝世",
            "病逝", "死于", "宣布", "宣称", "宣誓", "下令", "承认", "否认", "回答", "拒绝", "同意", "访问", "参加",
            "参与", "加入", "协助", "签署", "领导", "任命", "主持", "提出", "发表", "撰写", "写道", "毕业", "就读",
            "曾任", "随后", "随即", "不幸", "亲自", "决定", "希望", "透露", "坦言", "笑称", "回忆", "起兵", "继承",
            "辞职", "辞去", "当选", "成为", "创立", "创办", "创建", "成立", "主演", "执导", "饰演", "赢得", "击败",
            "打败", "杀害", "邀请", "早年", "晚年", "幼年", "本人", "自幼", "指挥", "出现", "出演", "入选", "告诉",
            "解释", "补充", "呼吁", "建议", "要求", "称赞", "批评", "质询", "致辞", "讲话", "发言", "答道", "问道",
            "任", "历任", "连任", "接替", "受封", "代表", "归国", "回国", "辞世", "病故", "遇害", "牺牲", "逃往", "前往", "返回")
CUE_VERB_LONG = tuple(v for v in CUE_VERB if len(v) > 1)
# verbs that never stand inside an organisation's name: a candidate is cut after them
ORG_CUT_VERBS = ("表示", "认为", "指出", "强调", "出席", "会见", "会晤", "接见", "率团", "担任", "出任", "接任", "继任",
                 "兼任", "改任", "出掌", "宣布", "签署", "任命", "当选", "创立", "创办", "成立", "毕业于", "就读于")
CUE_AFTER_STRONG = ("说", "表示", "指出", "认为", "先生", "女士", "小姐", "教授", "博士", "同志", "等人", "称", "透露",
                    "出生", "生于", "担任", "去世", "逝世")
CUE_BEFORE = ("会见", "会晤", "接见", "宣布", "记者", "导演", "作者", "主演", "演员", "歌手", "球员", "教练", "作家",
              "诗人", "画家", "学者", "将领", "将军", "皇帝", "父亲", "母亲", "儿子", "女儿", "妻子", "丈夫", "哥哥",
              "弟弟", "姐姐", "妹妹", "朋友", "名叫", "由", "据", "被", "让", "请", "向", "给", "对", "跟", "和",
              "与", "同", "使", "令", "骗", "杀", "派", "封", "任命", "提拔", "嫁给", "娶", "生父", "生母", "女婿",
              "旧主子", "富商", "主教", "外婆", "外公", "祖父", "祖母", "爷爷", "奶奶", "学家", "宦官", "侄子", "侄女",
              "外甥", "师父", "徒弟", "弟子", "部下", "手下", "大臣", "议员", "选手", "官员", "人士", "之子", "之女",
              "之弟", "之妻")
# adverbs of degree before a verb or adjective (更加密切, 很快): what follows is no name
DEGREE_BEFORE = set("更很最越太较挺愈极颇")
# family-name characters that are far more often ordinary words when no title is near
BARE_SURNAME_STOP = set("人于和与及在的是了上下中大小不也都就以而为之其所有本可多少新老位由向从对把被将第一二三四五六七八九十"
                        "加和同全时国家成文明方路但")
# last characters of place names and words for things, not of given names
NOT_LAST_GIVEN = set("花木石物草树岩县镇村乡州省市区路街港桥园馆寺庙宫殿楼院校队党部局厅处族语体式鸟鱼虫药酒茶菜车船机器厂店"
                     "站场所室门湖河江海洋岛湾山峰岭谷")
PLACE_OR_THING_AFTER = set("县镇市省区村乡州路街港桥园馆寺庙宫殿楼院校队党部局厅处族语山湖河江岛湾峰岭谷站场厂店")
# characters that are rarely a given name (they start or end ordinary words)
NOT_GIVEN = set("们个这那里些么吗呢吧啊哪谁什怎此其该每各某本该")


JA_ORG_END = re.compile("製紙|汽车|集团|空输|电机|グループ|ホールディングス|HD|工业|重工|建设|铁道|新闻|放送|电力|"
                        "制作所|制药|电气|石油|海运|商事|物产|证券|协会|机构|银行|大学|委员会|财团|"
                        "生命|损保|保险|电工|通信|化学|化成|自动车|产业|不动产|航空|制铁|钢管|商会|党|社")
JA_KANA_PLACE = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}(?:・[\u30a1-\u30fa\u30fc]{2,}){0,3}"
                           r"(?:州|岛|半岛|诸岛|地区|地方|县|省|市|湾)(?=[はがのとにをもやへでから、。・\s)）」]|$)")
JA_PARTICLE = set("はがのとにをもやへでから、。・)）」』 \n")
JA_NOT_ORG_BODY = {"日本", "同", "各", "当", "本", "自", "他", "全", "同じ", "この", "その"}
JA_KATAKANA_NAME = re.compile(r"(?<![\u30a0-\u30ff])[\u30a1-\u30fa\u30fc]{2,}(?:[・=＝][\u30a1-\u30fa\u30fc]{2,}){1,3}"
                              r"(?![\u30a0-\u30ff])")
JA_NAME_AFTER = set("はがのとにをもや、。（(「」")
JA_ORG_AFTER = set("社党軍団会線駅港州市県")
JA_NOT_NAME_END = set("県市町村区都道府郡島山川駅寺社線党省庁局院校園館会団部課所場港湾橋城宮殿店屋家門")
JA_NOT_NAME_WORDS = {"アンド", "オブ", "ザ", "デ", "ニュー", "サン", "セント", "ホテル", "センター", "グループ",
                     "カンパニー", "システム", "ネットワーク", "プロジェクト", "シリーズ", "ゲーム", "クラブ", "チーム",
                     "リーグ", "カップ", "フィルムズ", "レコード", "レコーズ", "エンターテインメント", "ホールディングス",
                     "マーケット", "スタジオ", "スタジオズ", "フェスティバル", "フェア", "ストア", "ビジネス", "サイエンス",
                     "インターナショナル", "スター", "コンサルタント", "コンサルティング", "サービス", "テクノロジー",
                     "ロンドン", "パリ", "ベルリン", "ユニバーサル", "イレブン", "コーラ", "ディビシオン"}


def extract(doc: Doc) -> None:
    if not any(is_cjk(c) for c in doc.norm[:20000]) and not any(is_cjk(c) for c in doc.norm[20000:]):
        return
    ctx = Ctx(doc)
    ctx.title_spans = [(s, e) for s, e, _ in ctx.find_titles()]
    ctx.scan_known()
    ctx.scan_suffix_orgs()
    ctx.scan_people()
    if doc.lang == "ja":
        ctx.scan_kabushiki()
        ctx.scan_orgs_ja()
        ctx.scan_people_ja()
        ctx.scan_people_ja_katakana()
    ctx.scan_places()
    if doc.lang in ("zh-Hans", "zh-Hant"):
        ctx.scan_bare_names_zh()
    elif doc.lang == "ja":
        ctx.scan_bare_names_ja()
    ctx.drop_glosses()
    ctx.emit()
