"""Word lists of the German and English rules (which words are articles, particles,
honorifics, verbs of saying ...)."""

from __future__ import annotations

import re

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
