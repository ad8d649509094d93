"""The units of counts (the extractor's unit names: "companies", "person_trips") in the UI
language, in the plural form of the number: "46 companies", "46 Unternehmen", "46家企业"."""

from __future__ import annotations

from ..runtime.i18n import _, ngettext

# Each a literal ngettext call, so that pybabel finds the forms; unit -> forms of n.
_FORMS = {
    "companies": lambda n: ngettext("company", "companies", n),
    "people": lambda n: ngettext("person", "people", n),
    "items": lambda n: ngettext("item", "items", n),
    "countries": lambda n: ngettext("country", "countries", n),
    "years": lambda n: ngettext("year", "years", n),
    "universities": lambda n: ngettext("university", "universities", n),
    "units": lambda n: ngettext("unit", "units", n),
    "tonnes": lambda n: ngettext("tonne", "tonnes", n),
    "square_metres": lambda n: ngettext("m²", "m²", n),
    "products": lambda n: ngettext("product", "products", n),
    "organisations": lambda n: ngettext("organisation", "organisations", n),
    "months": lambda n: ngettext("month", "months", n),
    "kinds": lambda n: ngettext("kind", "kinds", n),
    "kilometres": lambda n: ngettext("km", "km", n),
    "flights": lambda n: ngettext("flight", "flights", n),
    "events": lambda n: ngettext("event", "events", n),
    "cities": lambda n: ngettext("city", "cities", n),
    "weeks": lambda n: ngettext("week", "weeks", n),
    "visitors": lambda n: ngettext("visitor", "visitors", n),
    "vehicles": lambda n: ngettext("vehicle", "vehicles", n),
    "times": lambda n: ngettext("time", "times", n),
    "square_kilometres": lambda n: ngettext("km²", "km²", n),
    "ships": lambda n: ngettext("ship", "ships", n),
    "sets": lambda n: ngettext("set", "sets", n),
    "sessions": lambda n: ngettext("session", "sessions", n),
    "schools": lambda n: ngettext("school", "schools", n),
    "regions": lambda n: ngettext("region", "regions", n),
    "provinces": lambda n: ngettext("province", "provinces", n),
    "projects": lambda n: ngettext("project", "projects", n),
    "person_trips": lambda n: ngettext("person-trip", "person-trips", n),
    "parties": lambda n: ngettext("party", "parties", n),
    "sides": lambda n: ngettext("side", "sides", n),
    "parks": lambda n: ngettext("park", "parks", n),
    "mu": lambda n: ngettext("mu", "mu", n),
    "metres": lambda n: ngettext("m", "m", n),
    "member_units": lambda n: ngettext("member unit", "member units", n),
    "megawatts": lambda n: ngettext("MW", "MW", n),
    "kilowatts": lambda n: ngettext("kW", "kW", n),
    "issues": lambda n: ngettext("issue", "issues", n),
    "institutions": lambda n: ngettext("institution", "institutions", n),
    "industries": lambda n: ngettext("industry", "industries", n),
    "households": lambda n: ngettext("household", "households", n),
    "hours": lambda n: ngettext("hour", "hours", n),
    "hospitals": lambda n: ngettext("hospital", "hospitals", n),
    "hectares": lambda n: ngettext("hectare", "hectares", n),
    "fold": lambda n: ngettext("-fold", "-fold", n),
    "exhibitors": lambda n: ngettext("exhibitor", "exhibitors", n),
    "districts": lambda n: ngettext("district", "districts", n),
    "departments": lambda n: ngettext("department", "departments", n),
    "days": lambda n: ngettext("day", "days", n),
    "countries_and_regions": lambda n: ngettext("country or region", "countries and regions", n),
    "counties": lambda n: ngettext("county", "counties", n),
    "participants": lambda n: ngettext("participant", "participants", n),
    "employees": lambda n: ngettext("employee", "employees", n),
    "agreements": lambda n: ngettext("agreement", "agreements", n),
    "contracts": lambda n: ngettext("contract", "contracts", n),
    "delegations": lambda n: ngettext("delegation", "delegations", n),
    "seminars": lambda n: ngettext("seminar", "seminars", n),
    "booths": lambda n: ngettext("booth", "booths", n),
    "batches": lambda n: ngettext("batch", "batches", n),
    "TEU": lambda n: ngettext("TEU", "TEU", n),
}


def unit_label(unit: str | None, n: float | int | None) -> str:
    """``unit`` for the number ``n`` in the UI language; a unit without forms as it is."""
    if not unit:
        return ""
    forms = _FORMS.get(unit)
    if forms is None:
        return unit.replace("_", " ")
    count = int(n) if isinstance(n, int | float) and float(n).is_integer() else 2
    return forms(count)


def count_text(n, unit: str | None) -> str:
    """A count with its unit: "46 companies", "46家企业", "3-fold"."""
    label = unit_label(unit, n)
    if not label:
        return f"{n}"
    if label.startswith("-"):
        return f"{n}{label}"
    return _("{n} {unit}").format(n=n, unit=label)
