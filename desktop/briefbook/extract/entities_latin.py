"""People, organisations and places in German and English text.

Names are capitalised word sequences recognised by a given-name list, or as
romanised Chinese (Liu Jiayi: every word splits into pinyin syllables) or Japanese
(Toshihiro Nikai: every word splits into kana syllables).  Titles come from
appositions ("Liu Jiayi, Sekretär des CPC-Komitees der Provinz Shandong") or
stand before the name ("der ehemalige Premier Yukio Hatoyama").  Organisations are
known names (JETRO) or capitalised phrases around a head noun (Partei, Rat,
Council, GmbH) with their genitive/prepositional tail.
"""

from __future__ import annotations

import re

from . import dictionaries
from .base import Doc

WORD = re.compile(r"(?:[A-Z]|Dr|Mr|Mrs|Ms|Prof|St|Jr|Sr|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|Rev|Mme)\.(?=\s[A-Z])"
                  r"|[A-ZÄÖÜa-zäöüß][\w’'\-]*")
PINYIN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|uan|ian|iao|uai|uei|"
    r"ai|ei|ao|ou|an|en|in|un|ia|ie|ua|uo|ue|ui|iu|er|a|o|e|i|u|v|ü|n))+")
ROMAJI = re.compile(r"(?:(?:ky|sh|ch|ts|ny|hy|my|ry|gy|by|py|[kgsztdnhbpmyrwfj])?(?:[aiueo]|ou|uu|ei)|n)+")
CONNECT_ORG = {"der", "des", "für", "zur", "zum", "von", "of", "for", "the", "and", "und", "on", "in"}
DETERMINERS = {"der", "die", "das", "den", "dem", "des", "the", "Der", "Die", "Das", "The"}
ADJ_TITLE = re.compile(r"^(?:ehemalig|stellvertretend|japanisch|chinesisch|deutsch|amtierend|früher|neu|"
                       r"former|deputy|vice|acting|chinese|japanese|german|then|new)\w*$", re.I)
ZONE_HEADS = {"Park", "Zone", "Area", "Industriepark", "Freihandelszone", "Sonderwirtschaftszone"}
NOT_NAME = {"Die", "Der", "Das", "The", "In", "An", "Am", "Im", "Es", "Er", "Sie", "Wir", "Ich", "Und",
            "Mit", "Von", "Zu", "Bei", "Auf", "Für", "Als", "Auch", "Wie", "So", "This", "That", "It",
            "He", "She", "We", "They", "A", "And", "But", "For", "On", "At", "Of", "To", "By", "Mr",
            "Mrs", "Ms", "Dr", "Herr", "Frau", "Prof", "Beide", "Both", "Alle", "All", "Viele", "Many"}


# the field of a minister or secretary written before the title word (Trade Minister)
FIELD_WORDS = {"Trade", "Foreign", "Economy", "Economic", "Economics", "Finance", "Commerce", "Industry", "Energy",
               "Transport", "Health", "Education", "Defence", "Defense", "Interior", "Agriculture", "Environment",
               "Tourism", "Labour", "Labor", "Justice", "Culture", "Investment", "Development", "Cabinet", "State"}
PARTICLES = {"von", "van", "der", "de", "di", "da", "del", "della", "du", "le", "la", "bin", "al", "zu", "ten", "ter"}
SAY_VERBS = {"sagte", "sagt", "erklärte", "erklärt", "betonte", "meinte", "ergänzte", "fügte", "so", "kritisierte",
             "sagten", "forderte", "warnte", "schrieb", "said", "says", "told", "added", "wrote", "asked", "explained",
             "according", "laut", "berichtete", "reported", "announced", "kündigte"}
AFTER_SAY = {"sagte", "sagt", "erklärte", "betonte", "meinte", "said", "says", "told", "added", "wrote", "argued",
             "kritisierte", "forderte", "warnte", "schrieb", "announced", "explained", "believes", "thinks", "glaubt",
             "erklärt", "betont", "meint", "fordert", "warnt", "kündigte", "bestätigte", "räumte", "teilte", "sprach",
             "noted", "stated", "insisted", "replied", "warned", "pledged", "claimed", "admitted", "confirmed",
             "denied", "urged", "insists", "adds", "notes", "tells", "writes"}
# German finite auxiliaries and modal verbs: in a main clause the subject stands right before
# or right after one ("Beck ist wieder ...", "zuvor musste Halmich ...")
DE_AUX = {"ist", "war", "sind", "waren", "hat", "hatte", "haben", "hatten", "wird", "wurde", "werden", "wurden",
          "kann", "konnte", "muss", "musste", "will", "wollte", "soll", "sollte", "darf", "durfte", "möchte",
          "gilt", "galt", "bleibt", "blieb", "kam", "kommt", "ging", "geht", "stand", "steht", "lebte", "lebt",
          "starb", "gewann", "spielte", "spielt", "trat", "tritt", "erhielt", "erhält", "machte", "macht"}
HONORIFICS = {"Herr", "Frau", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Prof", "Prof.", "Sir",
              "Dame", "Madame", "Mme", "Mme.", "Monsieur"}
MONTHS_DAYS = set("""Januar Februar März April Mai Juni Juli August September Oktober November Dezember January February
March May June July October December Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Monday Tuesday
Wednesday Thursday Friday Saturday Sunday Jahr Jahre Jahren Uhr Prozent Euro Dollar Millionen Milliarden""".split())
ORG_COMPOUND_START = ("Bundes", "Landes", "Staats", "Stadt", "Kreis", "Reichs", "Zentral", "Welt", "Europa",
                      "Handels", "Industrie", "Ärzte", "Rechtsanwalts", "Handwerks", "Verfassungs", "Ober")


# endings of German abstract and compound nouns; a long capitalised word ending so is not a name
DE_NOUN_ENDINGS = ("ung", "ungen", "heit", "keit", "schaft", "tion", "ismus", "ität", "logie", "sche", "ische",
                   "isch", "lich", "ieren", "ierung", "nahme", "werk", "zeug", "haus", "gruppe")


ARTICLES = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einem", "einer", "einen", "eines", "the", "a",
            "an", "Der", "Die", "Das", "The", "Ein", "Eine", "A", "An"}
SAINT = {"St", "St.", "Sankt", "San", "Santa", "Saint", "Sainte", "São"}
MONTH_ABBR = {"Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Okt", "Nov", "Dec", "Dez"}
# German place-name endings that hardly end a surname (Pfrondorf, Sindelfingen, Bad Hersfeld)
DE_PLACE_ENDINGS = ("dorf", "hausen", "ingen", "stadt", "furt", "hafen", "kirchen", "leben", "stedt", "münde")
QUOTES_OPEN = set("\"„“”«»‚‘'")
LOCATIVE = {"de": {"in", "im", "nach", "aus", "ins"}, "en": {"in", "at", "near"}}


def toks_end(toks: list, i: int) -> int:
    return toks[i][1]


def _romanised(w: str) -> bool:
    low = w.lower()
    if not low.isascii() or len(low) < 2:
        return False
    return bool(PINYIN.fullmatch(low)) or bool(ROMAJI.fullmatch(low))


def _is_cap(w: str) -> bool:
    return w[:1].isupper()


class Ctx:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.norm = doc.norm
        self.d = dictionaries.get()
        self.tokens = [(m.start(), m.end(), m.group()) for m in WORD.finditer(doc.norm)]
        self.orgs: dict[tuple[int, int], str] = {}
        self.places: dict[tuple[int, int], str] = {}
        self.people: list[tuple[int, int]] = []

    def gap(self, a: int, b: int) -> str:
        return self.norm[a:b]

    def scan_gazetteers(self) -> None:
        toks, d = self.tokens, self.d
        n = len(toks)
        i = 0
        while i < n:
            hit = None
            for k in range(min(d.max_latin_words, n - i), 0, -1):
                s, e = toks[i][0], toks[i + k - 1][1]
                phrase = self.norm[s:e]
                if phrase in d.orgs_latin:
                    hit = ("org", s, e, k)
                    break
                if phrase in d.places_latin:
                    hit = ("place", s, e, k)
                    break
            if hit:
                kind, s, e, k = hit
                (self.orgs if kind == "org" else self.places)[(s, e)] = self.norm[s:e]
                i += k
            else:
                i += 1

    def scan_orgs(self) -> None:
        toks, d = self.tokens, self.d
        heads = d.org_suffixes_latin
        for i, (_s, _e, w) in enumerate(toks):
            base = w.split("-")[-1]
            low = w.lower()
            compound = len(w) > 8 and any(low.endswith(h) or low.endswith(h + "s") or low.endswith(h + "es")
                                          for h in d.org_compound_heads_de if len(low) > len(h) + 3)
            if not _is_cap(w) or not (w in heads or base in heads or base.rstrip("s") in heads or compound):
                continue
            # left: capitalised words and capitalised adjectives directly before; also across
            # "and"/"und" between capitalised words (China Road and Bridge Corporation) and
            # an elided compound (Industrie- und Handelskammer)
            j = i
            while j > 0:
                pw = toks[j - 1][2]
                if _is_cap(pw) and pw not in DETERMINERS and self.gap(toks[j - 1][1], toks[j][0]) == " " \
                        and pw not in NOT_NAME and pw not in MONTHS_DAYS:
                    j -= 1
                    continue
                if pw in ("and", "und", "&") and j >= 2 and self.gap(toks[j - 1][1], toks[j][0]) == " " and \
                        self.gap(toks[j - 2][1], toks[j - 1][0]) == " " and _is_cap(toks[j - 2][2]) and \
                        toks[j - 2][2] not in DETERMINERS and toks[j - 2][2] not in NOT_NAME and \
                        (toks[j - 2][2].endswith("-") or j - 2 > 0 and _is_cap(toks[j - 3][2]) and
                         self.gap(toks[j - 3][1], toks[j - 2][0]) == " " or
                         self.doc.lang == "en" and toks[j - 2][2] not in d.places_latin):
                    j -= 2
                    continue
                break
            # right: "des chinesischen Rats zur internationalen Wirtschaftsförderung Shandong"
            k = i
            while k + 1 < len(toks):
                m = k + 1
                if toks[m][2] not in CONNECT_ORG or self.gap(toks[k][1], toks[m][0]) != " ":
                    # a name after the head: Bank Mandiri, Handelskammer Region Stuttgart
                    if self.doc.lang == "de" and self.gap(toks[k][1], toks[m][0]) == " " and \
                            toks[m][2].endswith("s") and toks[m][2][:-1] in d.places_latin:
                        k = m  # Liberaldemokratische Partei Japans: a country in the genitive
                        continue
                    if self.gap(toks[k][1], toks[m][0]) == " " and _is_cap(toks[m][2]) and \
                            (toks[k][2] in ("Bank", "Gruppe", "Group", "Holding", "Holdings") and k == i or
                             toks[m][2] == "Region") and toks[m][2] not in NOT_NAME and \
                            toks[m][2] not in MONTHS_DAYS and toks[m][2] not in heads:
                        k = m
                        if toks[m][2] == "Region" and m + 1 < len(toks) and _is_cap(toks[m + 1][2]) and \
                                self.gap(toks[m][1], toks[m + 1][0]) == " ":
                            k = m + 1
                        continue
                    break
                if toks[m][2] in ("on",) or toks[m][2] == "in" and self.doc.lang == "en" and \
                        m + 1 < len(toks) and toks[m + 1][2] in d.places_latin and k == i:
                    break
                q = m + 1
                while q < len(toks) and not _is_cap(toks[q][2]) and toks[q][2] not in CONNECT_ORG \
                        and self.gap(toks[q - 1][1], toks[q][0]) == " " and q - m <= 2 \
                        and toks[m][2] not in ("and", "und"):
                    q += 1
                if q >= len(toks) or not _is_cap(toks[q][2]) or self.gap(toks[q - 1][1], toks[q][0]) != " ":
                    break
                if toks[q][2] in MONTHS_DAYS:
                    break
                while q + 1 < len(toks) and _is_cap(toks[q + 1][2]) and self.gap(toks[q][1], toks[q + 1][0]) == " " \
                        and toks[q + 1][2] not in NOT_NAME and toks[q + 1][2] not in MONTHS_DAYS:
                    q += 1
                k = q
            if j == i and k == i and "-" not in w:
                continue  # a bare head noun (das Untergremium) is a reference, not a name
            s0, e0 = toks[j][0], toks[k][1]
            if any(ps <= s0 < pe for ps, pe in self.people):
                continue
            self.orgs[(s0, e0)] = self.norm[s0:e0]
            if w in ZONE_HEADS:
                self.places[(s0, e0)] = self.norm[s0:e0]

    def scan_zones(self) -> None:
        for m in re.finditer(r"(?:[A-Z][\w\-]+ ){1,6}(?:Park|Zone|Area)\b", self.norm):
            self.places[m.span()] = m.group()

    def name_at(self, i: int) -> int:
        """Number of tokens of a personal name starting at token ``i`` (0 if none)."""
        toks, d = self.tokens, self.d
        if i >= len(toks):
            return 0
        w = toks[i][2]
        if not _is_cap(w) or w in NOT_NAME or w.isupper():
            return 0
        k = i
        while k + 1 < len(toks) and k - i < 3 and self.gap(toks[k][1], toks[k + 1][0]) == " " and (
                _is_cap(toks[k + 1][2]) and toks[k + 1][2] not in NOT_NAME and not toks[k + 1][2].isupper()
                or self._particle_then_cap(k + 1)):
            k += 1
        n = k - i + 1
        if n < 2:
            return 0
        words = [t[2] for t in toks[i:i + n]]
        if words[0] in d.surnames_vi_latin and all(len(x) <= 6 and x[1:].islower() for x in words[1:3]):
            return min(n, 3)  # Nguyen Van Long: Vietnamese names are family name first, short syllables

        def stop(m: int) -> bool:
            w = words[m]
            if w in PARTICLES:
                return False
            if m == 0 and w in d.given_latin and w not in d.major_places_latin and n >= 2 and \
                    words[1] not in d.places_latin and words[1] not in d.orgs_latin:
                return False  # George Wismer, Florence Smith: a given name that is also a town
            if m >= 1 and words[0] in d.given_latin and w not in d.major_places_latin:
                # "Paris Hilton", "Michael Jackson": after a given name a city name is a surname
                return w in d.orgs_latin or w in d.org_suffixes_latin
            return w in d.places_latin or w in d.orgs_latin or w in d.org_suffixes_latin

        if any(stop(m) for m in range(n)):
            # stop the name before a place or organisation word
            cut = next((m for m in range(n) if stop(m)), n)
            n = cut
            words = words[:n]
            if n < 2:
                return 0
        while n > 1 and words[n - 1] in PARTICLES:
            n -= 1
        if n < 2:
            return 0
        if words[0] in d.given_latin:
            if any(w in PARTICLES for w in words):
                return min(n, 4)
            # a third capitalised word is part of the name only after two given names
            return 3 if n >= 3 and words[1] in d.given_latin else 2
        if self.doc.lang in ("de", "en") and all(_is_cap(x) and x not in PARTICLES for x in words[:2]):
            w0, w1 = words[0], words[1]
            rare = self._rare_run(i, words, n)
            if rare:
                return rare
            if w0 in d.surnames_zh_latin and PINYIN.fullmatch(w1.lower()):
                return 2  # Liu Jiayi
            if all(ROMAJI.fullmatch(x.lower()) for x in (w0, w1)) and max(len(w0), len(w1)) >= 5 and \
                    all(x[-1] in "aiueon" for x in (w0, w1)):
                return 2  # Toshihiro Nikai, Sasaki Nobuhiko
        return 0

    def _rare_run(self, i: int, words: list[str], n: int) -> int:
        """Two or three capitalised words that are all name-like and not ordinary words
        (Grant Leadbitter, Egino Weinert, Giacomo della Porta) and stand alone: no
        capitalised word directly before or after (Neue Zürcher Zeitung is not read)."""
        toks = self.tokens
        if n > 3 or not self.d.common_latin.get(self.doc.lang):
            return 0
        if i and _is_cap(toks[i - 1][2]) and self.gap(toks[i - 1][1], toks[i][0]) in (" ", "-"):
            return 0
        e = i + n
        if e < len(toks) and self.gap(toks[e - 1][1], toks[e][0]) in (" ", "-") and _is_cap(toks[e][2]):
            return 0
        if e < len(toks) and self.gap(toks[e - 1][1], toks[e][0]) in ("-", "'", "’", "&"):
            return 0
        core = [w for w in words if w not in PARTICLES]
        if len(core) < 2 or not all(self._namey(w) for w in core):
            return 0
        if len(core) == 3 and core[1] in self.d.given_latin and core[0] not in self.d.given_latin:
            return 0  # Biobauer Renzo Blumenthal: the name starts at the given name
        if self._sentence_initial(i) and words[0] not in self.d.given_latin:
            return 0  # Excellent Pizza, Radical Shiite: capitalised because the sentence starts
        s0 = toks[i][0]
        if self.norm[max(0, s0 - 2):s0].strip()[-1:] in QUOTES_OPEN:
            return 0  # a quoted title: „ Große Wurmtrocknis “, " Red Devils "
        if i and toks[i - 1][2] in LOCATIVE.get(self.doc.lang, ()) and self.gap(toks[i - 1][1], s0) == " ":
            return 0  # in Old Trafford, nach Laschkar Gah: a place
        return n

    def _sentence_initial(self, i: int) -> bool:
        if i == 0:
            return True
        before = self.norm[toks_end(self.tokens, i - 1):self.tokens[i][0]]
        prev = self.tokens[i - 1][2]
        return "\n" in before or before.strip()[-1:] in (".", "!", "?", ":", "*", "•", "-", "–", "(", '"', "„", "“") \
            and not prev.endswith(".") or prev.endswith(".") and len(prev) > 4

    def scan_people(self) -> None:
        toks, d, norm, text = self.tokens, self.d, self.norm, self.doc.text
        i = 0
        while i < len(toks):
            n = self.name_at(i)
            if not n:
                i += 1
                continue
            ns, ne = toks[i][0], toks[i + n - 1][1]
            title = org = None
            start, end = ns, ne
            # apposition after: ", Sekretär des CPC-Komitees der Provinz Shandong,"
            m = re.match(r",\s+((?:[a-zäöü]\w*\s+)?[A-ZÄÖÜa-z][\w\-]*(?:\s[a-z]+)?)(?:\s+(des|der|von|of|from|at|im|beim|am|in|bei)\s+"
                         r"([^,;.()]+?))?(?=\s*(?:,|;|\.|\(|\sund\s|\sand\s|$))",
                         norm[ne:ne + 160])
            if m and (m.group(1).split()[-1] in d.titles_latin or m.group(1) in d.titles_latin or
                      self._title_words(m.group(1))):
                title, org_text = m.group(1), m.group(3)
                end = ne + m.end()
                if org_text:
                    os_ = ne + m.start(3)
                    oe = os_ + len(org_text)
                    if norm.startswith(("the ", "The "), os_):
                        os_ += 4
                    # an organisation read before (Bundesministerium für Wirtschaft und Energie)
                    known = [k for k in self.orgs if k[0] == os_ and k[1] >= oe - 1]
                    if known:
                        oe = max(k[1] for k in known)
                        end = oe
                    if known or self._org_like(os_, oe):
                        org = text[os_:oe]
                        self.orgs.setdefault((os_, oe), org)
                    else:
                        title = text[ne + m.start(1):oe]
            elif (tb := self._title_before(ns)) is not None:
                start, title, org = tb
            else:
                # title before: "der ehemalige Premier Yukio Hatoyama", "Der Generalsekretär der
                # Liberaldemokratischen Partei Japans, Toshihiro Nikai"
                before = norm[max(0, ns - 160):ns]
                bm = re.search(r"(?:\b(?:der|die|den|dem|des|the|Der|Die|The|von|von der|mit|with|by|bei|und|and)\s+|^|,\s+|\.\s+)"
                               r"((?:[\w\-äöüß’']+\s+){0,7}?(?:[\w\-äöüß]+(?=,\s*$))?)(,\s*)?$", before)
                if bm and bm.group(1).strip():
                    phrase = bm.group(1).strip()
                    ws = phrase.split()
                    ti = next((x for x in range(len(ws)) if ws[x] in d.titles_latin), None)
                    if ti is None:
                        ti = next((x for x in range(len(ws) - 1, -1, -1) if self._title_words(ws[x])), None)
                    if ti is not None and ti > 0 and not all(ADJ_TITLE.match(x) or x in d.titles_latin
                                                             for x in ws[:ti]):
                        # start the phrase at the title (… mit Vietnams Vizeminister für Industrie)
                        k = ti
                        while k > 0 and (ADJ_TITLE.match(ws[k - 1]) or ws[k - 1] in d.titles_latin or
                                         re.sub(r"['’]s$", "", ws[k - 1]) in d.places_latin and
                                         ws[k - 1][-2:] in ("'s", "’s")):
                            k -= 1  # Canada's Minister …: a title after only a place keeps it
                        cut = len(" ".join(ws[:k])) + (1 if k else 0)
                        phrase = phrase[cut:]
                        bm_start = bm.start(1) + cut
                        ws = ws[k:]
                        ti -= k
                    else:
                        bm_start = bm.start(1)
                    if ti is not None:
                        pstart = ns - len(before) + bm_start
                        after_title = " ".join(ws[ti + 1:])
                        title_words = ws[:ti + 1]
                        mm = re.match(r"(des|der|von|of)\s+(.+)$", after_title)
                        if mm and self._org_like_text(mm.group(2)):
                            title = " ".join(title_words)
                            os_ = pstart + phrase.index(mm.group(2), len(" ".join(title_words)))
                            org = text[os_:os_ + len(mm.group(2))]
                            self.orgs.setdefault((os_, os_ + len(org)), org)
                        else:
                            title = phrase
                        if all(ADJ_TITLE.match(x) or x in d.titles_latin or self._title_words(x) or
                               x[-2:] in ("'s", "’s") for x in title_words):
                            start = pstart
                        else:
                            title = None
            if title:
                title = title.strip()
            self.people.append((ns, ne))
            self.doc.add("person", start, end, {"name": text[ns:ne], "title": title, "org": org},
                         0.8 if title else 0.6)
            i += n

    def _title_words(self, phrase: str) -> bool:
        """A title written in lower case (vice chairman, chief executive) or a German
        compound role (Wirtschaftsministerin)."""
        low = phrase.lower()
        if low in self.d.titles_latin_lower:
            return True
        words = phrase.split()
        return len(words) == 1 and _is_cap(phrase) and self._is_role(phrase) and \
            phrase not in self.d.role_words_latin or False

    def _title_before(self, ns: int) -> tuple[int, str, str | None] | None:
        """A title written directly before the name, without an article: "Vizegouverneur
        Zhang Wei", "Wirtschaftsministerin Nicole Hoffmann", "JETRO President Kenji Morita",
        "Austrade chief executive Sarah Mitchell", "New South Wales Premier David Collins".
        Returns (start, title, org)."""
        toks, d, text = self.tokens, self.d, self.doc.text
        idx = next((x for x, t in enumerate(toks) if t[0] == ns), None)
        if not idx:
            return None
        # the title: one to three words ending right before the name
        best = None
        for k in (3, 2, 1):
            a = idx - k
            if a < 0 or any(self.gap(toks[x][1], toks[x + 1][0]) != " " for x in range(a, idx)):
                continue
            phrase = self.norm[toks[a][0]:toks[idx - 1][1]]
            if phrase.lower() in d.titles_latin_lower or phrase in d.titles_latin or \
                    (k == 1 and _is_cap(phrase) and self._is_role(phrase) and phrase not in HONORIFICS):
                best = a
                break
        if best is None:
            # Cabinet Secretary for Trade Grace Wanjiru: a title with its field before the name
            for a in range(idx - 2, max(-1, idx - 7), -1):
                w = toks[a][2]
                if not (w in d.titles_latin or w.lower() in d.titles_latin_lower):
                    continue
                rest = [t[2] for t in toks[a + 1:idx]]
                if rest and rest[0] in ("for", "of", "für") and all(_is_cap(x) or x in ("and", "und") for x in rest[1:]) \
                        and all(self.gap(toks[x][1], toks[x + 1][0]) == " " for x in range(a, idx)):
                    best = a
                    while best > 0 and best > a - 2 and self.gap(toks[best - 1][1], toks[best][0]) == " " and \
                            _is_cap(toks[best - 1][2]) and toks[best - 1][2] not in NOT_NAME and \
                            toks[best - 1][2] not in d.places_latin and toks[best - 1][2] not in d.orgs_latin:
                        best -= 1  # Kenyan Cabinet Secretary
                    break
        if best is None:
            return None
        a = best
        while a > 0 and (ADJ_TITLE.match(toks[a - 1][2]) or toks[a - 1][2] in FIELD_WORDS) and \
                self.gap(toks[a - 1][1], toks[a][0]) == " ":
            a -= 1  # Trade Minister, Foreign Trade Minister
        start = toks[a][0]
        title_s = start
        org = None
        # an organisation or a place written right before the title
        for (os_, oe) in self.orgs:
            if oe == start - 1 and self.norm[oe] == " ":
                org = text[os_:oe]
                start = os_
                break
        if org is None:
            for (ps, pe) in self.places:
                if pe == start - 1 and self.norm[pe] == " " and self.norm[ps:pe] not in ("China", "Japan"):
                    title_s = start = ps
                    break
        return start, text[title_s:toks[idx - 1][1]], org

    def _particle_then_cap(self, k: int) -> bool:
        toks = self.tokens
        return toks[k][2] in PARTICLES and k + 1 < len(toks) and (
            _is_cap(toks[k + 1][2]) or toks[k + 1][2] in PARTICLES and k + 2 < len(toks) and _is_cap(toks[k + 2][2]))

    def _cap_run(self, i: int, limit: int = 3) -> int:
        """Number of capitalised name-like tokens from ``i`` (no places, orgs or common words)."""
        toks, d = self.tokens, self.d
        k = i
        while k < len(toks) and k - i < limit:
            w = toks[k][2]
            if k > i and self.gap(toks[k - 1][1], toks[k][0]) != " ":
                break
            if not _is_cap(w) or w in NOT_NAME or w in MONTHS_DAYS or w in HONORIFICS or len(w) < 2 \
                    or (w.isupper() and len(w) > 1) or w in d.role_words_latin or w in d.titles_latin:
                if k > i and w in PARTICLES and self._particle_then_cap(k):
                    k += 1
                    continue
                break
            base = w[:-1] if w.endswith("s") else w
            if w in d.places_latin or base in d.places_latin or w in d.orgs_latin or \
                    w in d.org_suffixes_latin or w.split("-")[-1] in d.org_suffixes_latin:
                break
            k += 1
        while k > i and toks[k - 1][2] in PARTICLES:
            k -= 1
        return k - i

    def _common(self, w: str, foreign: bool = False) -> bool:
        """An ordinary word of the text's language (Haus, Regierung, street, White), by the
        wordfreq-derived list in common_words_latin.txt; with ``foreign`` also an ordinary
        word of another listed language (Air Force in German text, La Fiesta, Via Roma)."""
        lists = self.d.common_latin
        low = w.casefold()
        own = lists.get(self.doc.lang)
        if own and (low in own or self.doc.lang == "de" and low.endswith("s") and low[:-1] in own):
            return True
        return foreign and any(low in words for lang, words in lists.items() if lang != self.doc.lang)

    def _namey(self, w: str) -> bool:
        """A capitalised word that may be (part of) a personal name: not an ordinary word
        (of any listed language), month, title, role, place or organisation word, not an
        acronym, not a German noun by its shape (Nanotechnologie, Biobauer = Bio + bauer,
        Hamburger = Hamburg + er, SVP-Nationalrat)."""
        d = self.d
        if not _is_cap(w) or len(w) < 2 or w.isupper() or w in NOT_NAME or w in MONTHS_DAYS or \
                w in HONORIFICS or any(c.isdigit() for c in w) or w.endswith("-"):
            return False
        if w in d.role_words_latin or w in d.titles_latin or w in d.places_latin or w in d.orgs_latin or \
                w in d.org_suffixes_latin or w.split("-")[-1] in d.org_suffixes_latin or self._is_role(w):
            return False
        base = w[:-1] if w.endswith("s") else w
        if base in d.places_latin:
            return False
        if w in d.given_latin:
            return True
        if "-" in w:
            return all(self._namey(p) for p in w.split("-") if p)
        if self._common(w, foreign=True):
            return False
        if self.doc.lang == "de":
            low = w.casefold()
            if len(w) >= 9 and low.endswith(DE_NOUN_ENDINGS):
                return False
            if len(w) >= 7 and low.endswith(DE_PLACE_ENDINGS):
                return False
            if w.endswith("er") and (w[:-2] in d.places_latin or w[:-3] in d.places_latin):
                return False  # Hamburger, Berner: adjectives of places
            if len(w) >= 8 and self._de_compound(low):
                return False  # a compound of two ordinary words (Fels + schlucht, Spielzeug + hersteller)
        return True

    def _de_compound(self, low: str) -> bool:
        own = self.d.common_latin.get("de", ())
        for k in range(3, len(low) - 4):
            if low[k:] in own:
                head = low[:k]
                if any(h in own or self._common(h, foreign=True) for h in (head, head[:-1], head[:-2]) if len(h) >= 3):
                    return True
        return False

    def _is_role(self, w: str) -> bool:
        d = self.d
        if w in d.role_words_latin or w in d.titles_latin:
            return True
        if not _is_cap(w) or len(w) < 6:
            return False
        low = w.lower()
        return any(low.endswith(suf) and len(low) > len(suf) + 2 for suf in d.role_suffixes_de) or \
            any(w.startswith(t) and w[len(t):] in ("en", "n", "s", "in", "innen") for t in d.titles_latin
                if len(t) > 4)

    def _free_for_person(self, s: int, e: int) -> bool:
        return not any(ps < e and s < pe for ps, pe in self.people) and \
            not any(os_ < e and s < oe for (os_, oe) in self.orgs)

    def _add_person(self, i: int, n: int, title: str | None, conf: float) -> None:
        toks = self.tokens
        s, e = toks[i][0], toks[i + n - 1][1]
        # a genitive "Olivier Messiaens" stays as written; drop a trailing possessive "'s"
        if not self._free_for_person(s, e):
            return
        self.people.append((s, e))
        for key in [k for k in self.places if k[0] < e and s < k[1]]:
            del self.places[key]
        self.doc.add("person", s, e, {"name": self.doc.text[s:e], "title": title, "org": None}, conf)

    def scan_people_context(self) -> None:
        """Names known by their context: after an honorific or role word, or a verb of saying."""
        toks = self.tokens
        n_tok = len(toks)
        for i in range(n_tok - 1):
            w = toks[i][2]
            if self.gap(toks[i][1], toks[i + 1][0]) not in (" ", ". ") and not (w.endswith(".")
                                                                               and self.gap(toks[i][1], toks[i + 1][0]) == " "):
                continue
            j = i + 1
            if (w in HONORIFICS or self._is_role(w)) and w not in SAINT:
                # "Herr Dr. Müller", "Bundeskanzlerin Angela Merkel", "Trainer Klopp"
                while j < n_tok and toks[j][2] in HONORIFICS:
                    j += 1
                n = self._cap_run(j)
                if not n:
                    continue
                if n == 1 and not (w in HONORIFICS or w[:1].isupper()) and self.doc.lang == "en" and \
                        not self._at_boundary_after(j + 1):
                    continue
                title = None if w in HONORIFICS else w
                self._add_person(j, n, title, 0.6)
            elif w in SAY_VERBS and w[:1].islower():
                # "..., sagte Petkovic ." / "said Smith"
                n = self._cap_run(j)
                if n and self._at_boundary_after(j + n):
                    self._add_person(j, n, None, 0.55)
        # "Schmidt sagte", "Anna Smith said": two capitalised words before a verb of saying
        for i in range(1, n_tok):
            if toks[i][2] not in AFTER_SAY:
                continue
            for n in (3, 2):
                j = i - n
                if j < 0:
                    continue
                if self._cap_run(j, n) == n and (j == 0 or not _is_cap(toks[j - 1][2]) or
                                                  self.gap(toks[j - 1][1], toks[j][0]) != " "):
                    if toks[j][2] in DETERMINERS:
                        continue
                    self._add_person(j, n, None, 0.5)
                    break

    def scan_given_alone(self) -> None:
        """A given name standing alone ("Daren ,", "with Anil .", "brachte Mathilde am") is a
        person when it is not also an ordinary word (Will, Mark, Grant, Frank; by the
        wordfreq list) or a place, and no capitalised word stands next to it."""
        toks, d = self.tokens, self.d
        if not d.common_latin.get(self.doc.lang):
            return
        n_tok = len(toks)
        for i, (s, e, w) in enumerate(toks):
            if w not in d.given_latin or w.isupper() or w in d.places_latin or w in d.orgs_latin or \
                    w in MONTHS_DAYS or w in MONTH_ABBR or self._common(w, foreign=True):
                continue
            if i and toks[i - 1][2] in ARTICLES | SAINT:
                continue  # der Roman, St. Peter
            if self.doc.lang == "de" and i > 1 and toks[i - 1][2][:1].islower() and \
                    toks[i - 1][2].endswith(("e", "en", "er", "es", "em")) and toks[i - 2][2] in ARTICLES:
                continue  # der erste Roman: an adjective between article and noun
            if i and _is_cap(toks[i - 1][2]) and self.gap(toks[i - 1][1], s) in (" ", "-") or \
                    i + 1 < n_tok and self.gap(e, toks[i + 1][0]) in (" ", "-", "'", "’") and _is_cap(toks[i + 1][2]):
                continue
            if i + 1 < n_tok and self.gap(e, toks[i + 1][0]) in ("-", "'", "’", "@", ".", "/"):
                continue
            if any(a <= s < b for a, b in list(self.orgs) + list(self.places)):
                continue
            self._add_person(i, 1, None, 0.45)

    def scan_single_names(self) -> None:
        """One capitalised word that is not an ordinary word, place or organisation, read
        as a person by its position: before a verb of saying ("Griffin told", "Ramelow
        erklärte"); in German right before or after a finite auxiliary at the start of a
        clause ("Beck ist wieder ...", "zuvor musste Halmich ..."); or listed with a person
        ("Rumsfeld, Wolfowitz und Feith")."""
        toks, d = self.tokens, self.d
        if not d.common_latin.get(self.doc.lang):
            return
        n_tok = len(toks)
        de = self.doc.lang == "de"

        def alone(i: int) -> bool:
            s, e, w = toks[i]
            if not w.isalpha() or not self._namey(w) or not self._free_for_person(s, e) or \
                    any(a <= s < b for a, b in self.places):
                return False
            if i and (_is_cap(toks[i - 1][2]) and self.gap(toks[i - 1][1], s) in (" ", "-") or
                      toks[i - 1][2] in ARTICLES | SAINT):
                return False
            if i + 1 < n_tok and _is_cap(toks[i + 1][2]) and self.gap(e, toks[i + 1][0]) in (" ", "-"):
                return False
            return not (i + 1 < n_tok and self.gap(e, toks[i + 1][0]) in ("-", "'", "’", "@", ".", "/"))

        for i in range(n_tok):
            if not _is_cap(toks[i][2]) or not alone(i):
                continue
            nxt = toks[i + 1][2] if i + 1 < n_tok and self.gap(toks[i][1], toks[i + 1][0]) == " " else ""
            prev = toks[i - 1][2] if i and self.gap(toks[i - 1][1], toks[i][0]) == " " else ""
            if nxt in AFTER_SAY:
                self._add_person(i, 1, None, 0.5)
            elif de and nxt in DE_AUX and self._sentence_initial(i):
                self._add_person(i, 1, None, 0.45)
            elif de and prev in DE_AUX | {"sich"} and (i + 1 >= n_tok or not _is_cap(toks[i + 1][2])) and \
                    (prev != "sich" or i > 1 and toks[i - 2][2] in DE_AUX):
                self._add_person(i, 1, None, 0.45)
        # lists: a name-like word joined by "," / "und" / "and" to a person is one too
        changed = True
        while changed:
            changed = False
            spans = sorted(self.people)
            for i in range(n_tok):
                s, e, w = toks[i]
                if not _is_cap(w) or not alone(i):
                    continue
                right = i + 2 < n_tok and self.gap(e, toks[i + 1][0]) in (" ",) and toks[i + 1][2] in ("und", "and", "or",
                                                                                                       "oder") \
                    and any(ps == toks[i + 2][0] for ps, _ in spans) or \
                    i + 1 < n_tok and self.gap(e, toks[i + 1][0]) == ", " and any(ps == toks[i + 1][0] for ps, _ in spans)
                left = i > 1 and self.gap(toks[i - 1][1], s) == " " and toks[i - 1][2] in ("und", "and", "or", "oder") \
                    and any(pe == toks[i - 2][1] for _, pe in spans) or \
                    i > 0 and self.gap(toks[i - 1][1], s) == ", " and any(pe == toks[i - 1][1] for _, pe in spans)
                if right or left:
                    self._add_person(i, 1, None, 0.45)
                    changed = True
                    spans = sorted(self.people)

    def _at_boundary_after(self, k: int) -> bool:
        toks = self.tokens
        if k >= len(toks):
            return True
        g = self.gap(toks[k - 1][1], toks[k][0])
        return g.strip() != "" or not _is_cap(toks[k][2])

    def scan_mentions(self) -> None:
        """Later mentions of a person by family name alone ("Merkel sagte")."""
        toks = self.tokens
        surnames = {}
        for s, e in self.people:
            last = self.norm[s:e].split()[-1]
            if len(last) >= 3 and _is_cap(last) and last not in PARTICLES:
                surnames[last] = True
        if not surnames:
            return
        for i, (s, e, w) in enumerate(toks):
            base = w[:-1] if w.endswith("s") and w[:-1] in surnames else w
            if base in surnames and self._free_for_person(s, e):
                if self.doc.lang != "de" and i + 1 < len(toks) and _is_cap(toks[i + 1][2]) and \
                        self.gap(e, toks[i + 1][0]) == " ":
                    continue
                if i and _is_cap(toks[i - 1][2]) and self.gap(toks[i - 1][1], s) == " ":
                    continue
                self.people.append((s, s + len(base)))
                self.doc.add("person", s, s + len(base), {"name": self.doc.text[s:s + len(base)], "title": None,
                                                            "org": None}, 0.5)

    def scan_more_orgs(self) -> None:
        toks, d = self.tokens, self.d
        n_tok = len(toks)
        # shouting text (ALL CAPS) makes every word look like an acronym
        shouting = sum(1 for t in toks if t[2].isupper() and len(t[2]) > 1) > 0.15 * n_tok
        for i, (s, e, w) in enumerate(toks):
            if (s, e) in self.orgs or any(os_ <= s < oe for os_, oe in self.orgs):
                continue
            # "FC Bayern München", "VfL Osnabrück", "1. FC Köln"
            if w in d.org_prefixes_latin and i + 1 < n_tok and _is_cap(toks[i + 1][2]) and \
                    self.gap(e, toks[i + 1][0]) == " ":
                k = i + 1
                while k + 1 < n_tok and k - i < 3 and _is_cap(toks[k + 1][2]) and \
                        self.gap(toks[k][1], toks[k + 1][0]) in (" ", "-") and toks[k + 1][2] not in NOT_NAME:
                    k += 1
                s0 = s
                m = re.search(r"\b1\. $", self.norm[max(0, s - 3):s])
                if m:
                    s0 = s - 3
                self.orgs[(s0, toks[k][1])] = self.norm[s0:toks[k][1]]
                continue
            # German compounds: Bundesärztekammer, Landeskriminalamt, Staatsanwaltschaft
            if _is_cap(w) and w.startswith(ORG_COMPOUND_START) and len(w) > 8:
                low = w.lower()
                if any(low.endswith(h) for h in d.org_compound_heads_de):
                    self.orgs[(s, e)] = w
                    continue
            # acronyms: CDU, DHB, EMI (not units, codes or Roman numerals)
            if w.isupper() and len(w) > 3 and w.title() in d.places_latin:
                self.places[(s, e)] = w  # SYDNEY, a dateline
                continue
            if not shouting and 2 <= len(w) <= 6 and w.isupper() and w.isalpha() and w not in d.acronym_stop and \
                    w not in d.places_latin and w not in d.orgs_latin and not any(ps <= s < pe for ps, pe in self.people):
                if not (i and toks[i - 1][2].isupper() and self.gap(toks[i - 1][1], s) == " ") and \
                        not (i + 1 < n_tok and toks[i + 1][2].isupper() and self.gap(e, toks[i + 1][0]) == " "):
                    self.orgs[(s, e)] = w

    def scan_more_places(self) -> None:
        toks, d = self.tokens, self.d
        if self.doc.lang != "de":
            return
        preps = {"in", "aus", "nach", "bei", "von", "bis", "nahe", "zwischen", "Richtung", "um", "über"}
        sufs = d.place_suffixes_de
        for i, (s, e, w) in enumerate(toks):
            if not _is_cap(w) or len(w) < 5 or w in NOT_NAME or w.isupper():
                continue
            low = w.lower()
            street = low.endswith(("straße", "strasse", "platz", "allee", "gasse", "damm", "ufer", "chaussee"))
            if not street:
                if not (i and toks[i - 1][2] in preps and self.gap(toks[i - 1][1], s) == " "):
                    continue
                if not any(low.endswith(suf) and len(low) >= len(suf) + 3 for suf in sufs):
                    continue
                if i + 1 < len(toks) and _is_cap(toks[i + 1][2]) and self.gap(e, toks[i + 1][0]) == " ":
                    continue  # "in Hamburger Firmen": an adjective before a noun
            if any(a <= s < b for a, b in list(self.orgs) + list(self.places)) or \
                    any(ps <= s < pe for ps, pe in self.people):
                continue
            self.places[(s, e)] = w

    def _org_like(self, s: int, e: int) -> bool:
        return self._org_like_text(self.norm[s:e])

    def _org_like_text(self, t: str) -> bool:
        d = self.d
        if t in d.orgs_latin:
            return True
        words = re.findall(r"[\w\-]+", t)
        return any(w in d.org_suffixes_latin or w.split("-")[-1] in d.org_suffixes_latin
                   or w.split("-")[-1].rstrip("s") in d.org_suffixes_latin for w in words)

    def resolve_glosses(self) -> None:
        """"Australian Trade and Investment Commission (Austrade)": the word in parentheses
        is a gloss of the organisation before it, not an organisation of its own; where it
        is used on its own elsewhere ("Austrade chief executive") it is one."""
        norm = self.norm
        for m in re.finditer(r"\(([A-ZÄÖÜ][\w\-&]{1,24})\)", norm):
            a, b = m.span(1)
            before = [k for k in self.orgs if k[1] in (m.start(), m.start() - 1) and k[0] < m.start()] or \
                [f for f in self.doc.facts if f.kind == "organization" and f.end == m.start()]
            if not before:
                continue
            self.orgs.pop((a, b), None)
            self.places.pop((a, b), None)
            word = m.group(1)
            for o in re.finditer(rf"(?<![\w(\-]){re.escape(word)}(?![\w)\-])", norm):
                s, e = o.span()
                if any(os_ <= s < oe for os_, oe in self.orgs) or any(ps <= s < pe for ps, pe in self.people):
                    continue
                self.orgs[(s, e)] = word

    def emit(self) -> None:
        doc = self.doc
        for (s, e) in sorted(self.orgs):
            if any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for (s2, e2) in self.orgs):
                continue
            if (s, e) in self.places:
                continue
            doc.add("organization", s, e, {"name": doc.text[s:e]}, 0.65)
        for (s, e) in sorted(self.places):
            if any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for (s2, e2) in list(self.orgs) + list(self.places)):
                continue
            if any(ps <= s < pe for ps, pe in self.people):
                continue
            doc.add("place", s, e, {"name": doc.text[s:e]}, 0.7)


def extract(doc: Doc) -> None:
    ctx = Ctx(doc)
    if not ctx.tokens:
        return
    ctx.scan_gazetteers()
    ctx.scan_orgs()
    ctx.scan_zones()
    ctx.scan_people()
    ctx.scan_people_context()
    ctx.scan_given_alone()
    ctx.scan_single_names()
    ctx.scan_mentions()
    ctx.scan_more_orgs()
    ctx.scan_more_places()
    ctx.resolve_glosses()
    ctx.emit()
