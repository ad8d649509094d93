"""Knowledge ranked for a trip: a 2024 Yantai figure does not enter a 2020 Qingdao book."""

from briefbook.services.extraction import extract_library
from briefbook.services.relevance import book_figures, rank_entities, rank_figures
from briefbook.services.review import decide_many, list_figures
from briefbook.store.books import TripRow, save_trip


def test_a_qingdao_trip_in_2020_ranks_qingdao_figures_first_and_leaves_2024_yantai_out(seed_library):
    lib = seed_library
    extract_library(lib)
    trip = save_trip(lib, TripRow(None, "Qingdao delegation to Tokyo", ["青岛", "东京"], "2020-09-01", "2020-09-05"))
    figures = list_figures(lib)
    decide_many(lib, "figure", [f["uuid"] for f in figures], "accepted")
    ranked = rank_figures(lib, trip)
    top = ranked[0]
    assert "青岛" in top["subject"] and top["period"]["end"].startswith("2020")
    yantai = [f for f in ranked if f["subject"] == "烟台" and (f["period"] or {}).get("start", "").startswith("2024")]
    assert yantai and all(f["relevance"] < top["relevance"] for f in yantai)
    assert all("after the trip" in f["reasons"] for f in yantai)
    chosen = {f["uuid"] for f in book_figures(lib, trip)}
    assert chosen and not chosen & {f["uuid"] for f in yantai}
    # chosen for the trip on purpose, it goes in
    decide_many(lib, "figure", [yantai[0]["uuid"]], "edited", {"trip": trip})
    assert yantai[0]["uuid"] in {f["uuid"] for f in book_figures(lib, trip)}
    places = [e for e in rank_entities(lib, trip) if e["relevance"] == 1.0]
    assert any(e["name"] in ("青岛", "青岛市", "青島") for e in places)
