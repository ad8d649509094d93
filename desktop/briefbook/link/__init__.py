"""Entity linking: which facts name the same person, organisation or place,
across articles, scripts (Simplified/Traditional/kana/Latin) and languages.

This package holds the rules only (keys, readings, the alias dictionary,
confidences); it never touches the library.  ``services.linking.link_article``
runs them over an article after its facts are saved.  For each person, organisation and place fact that
is not rejected it links the fact to an entity (role "subject"), and for a
person whose fact names an organisation, also to that organisation (role
"org").  A fact that already has a link for a role is left alone, so re-running
adds nothing and never undoes what the user accepted, rejected or merged.

Confidence rules
================

Certain: the fact is linked, status ``accepted``
-----------------------------------------------
* **Exact name** (confidence 0.97): the name's ``match_key`` (NFKC, Traditional
  folded to Simplified, case, spaces and punctuation dropped) equals an alias of
  exactly one live entity of the same kind.  張琳 = 张琳, "JETRO" = "Jetro".
  The written form is added to the entity's aliases, so its page shows every script.
* **Alias dictionary** (0.97; 0.95 when only German/English inflection endings
  differ, "Liberaldemokratischen Partei" = "Liberaldemokratische Partei"): the
  name is listed in resources/dict/entity_aliases.tsv, organizations.txt or
  places.txt.  All the names on that line join the entity with their language
  and script: JETRO / 日本贸易振兴机构 / 日本貿易振興機構 / Japan External Trade
  Organization; 中国贸促会 / CCPIT; Tokio / 东京 / 東京.  People listed there link
  certainly too: the dictionary is the only way a Japanese reading is certain.
* **German organisation in the nominative** (0.95 when the nominative names an entity
  already): in German text an organisation written with inflected adjectives or its
  head noun in the genitive ("im Bayerischen Landtag", "des Bayerischen Landtags",
  "Volkskongresses der Provinz Shandong") is resolved by its nominative ("Bayerischer
  Landtag", "Volkskongress der Provinz Shandong"; the head noun's gender from
  resources/dict/de/head_genders.txt), which names the entity; the written form is an alias.
  The alias dictionary comes first.
* **New entity** (1.0): nothing matches, so the fact names a new entity.

Proposals: the fact stays linked to its own entity, and a merge proposal
(``entity_merge_proposals``, with a confidence and a reason in words) asks the
user whether two entities are one
--------------------------------------------------------------------------
* **Pinyin** (0.85 surname first as in "Liu Jiayi", 0.80 "Jiayi Liu"): a
  Chinese name in characters and a Latin name with the same toneless pinyin of
  surname and joined given name.  Only across scripts: two character names that
  merely sound alike are never proposed.
* **Japanese reading** (0.70 to 0.85): a name in Chinese characters or kanji and
  a Latin name whose surname and given name (either order) are among the
  candidate readings; +0.05 each when the surname is a known Japanese surname,
  the surname reading is the most likely one (core/ja_reading.py), the given-name reading is.
  二阶俊博 / Toshihiro Nikai 0.85; 鸠山友纪夫 / Yukio Hatoyama 0.80.
* **Same Latin name in the other order** ("Liu Jiayi" / "Jiayi Liu"): 0.80.
* **German/English inflection** of a multi-word Latin name: 0.80.
* **Place without 市/省** (青岛市 / 青岛): 0.75.  (大阪府 is not 大阪: not proposed.)
* **Organisation without a legal-form or group suffix** (歐力士集團 / 歐力士,
  ORIX Corporation / ORIX): 0.70.
* **Ambiguous exact name**: several live entities share the key (the user split
  them): the fact gets a *proposed* link (0.5) to the oldest one.
* Entities found to share one dictionary entry after the fact: 0.97.
* **One name, two organisations** (0.5, ``may_be_one_organisation``): a person the
  article names with an organisation that cannot be the body any existing person of
  that name was named with (neither name inside the other: 济南大学 / 青岛市商务局) is a
  new person, proposed as the same as each of them; 市商务局 or 青岛市商务局党组 can be
  青岛市商务局 and link as usual.  Every mention of the name in that article goes with
  it, and a later article naming one of the organisations links to that person.
  A name never seen with an organisation, or one of the alias dictionary, is not split.

A proposal the user rejected stays rejected (proposals are unique per pair).
"""

from __future__ import annotations

from typing import Any

__all__ = ["alias_keys", "find_proposals", "is_local_short_form", "main_places"]


def __getattr__(name: str) -> Any:
    """The matching rules, loaded when first asked for: a module of this package
    (romanise.py for an export) does not load them with the package."""
    if name in __all__:
        from . import matching

        return getattr(matching, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
