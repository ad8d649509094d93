"""`briefbook review accept|reject|reset` and `briefbook mention …`: decisions headless,
through the same use cases as the GUI (the figures read from a rejected mention go)."""

import json

from briefbook.cli import main
from briefbook.store.db import open_library

ARTICLE = ("青岛与日本经贸往来密切\n\n2019年，青岛与日本进出口贸易总额为76.43亿美元，同比增长2.1%。"
           "青岛市商务局局长王伟表示，日本是青岛第三大贸易伙伴。\n")


def _json(capsys, *argv):
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_rejecting_a_mention_and_an_entity_from_the_command_line(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    lib = str(tmp_path / "lib.briefbook")
    assert main(["import", "--library", lib, str(src)]) == 0
    capsys.readouterr()
    figures = _json(capsys, "figures", "list", "--library", lib, "--json")
    trade = next(f for f in figures if f["measure"] == "trade_volume")
    with open_library(tmp_path / "lib.briefbook") as opened:
        fact_id = opened.scalar("SELECT fact_id FROM figure_sources WHERE figure_id = "
                                "(SELECT id FROM figures WHERE uuid = ?)", (trade["uuid"],))
    out = _json(capsys, "mention", "reject", str(fact_id), "--library", lib, "--json")
    assert trade["uuid"] in out["figures"]["removed"] and out["articles"] == [1]
    assert trade["uuid"] not in {f["uuid"] for f in _json(capsys, "figures", "list", "--library", lib, "--json")}
    out = _json(capsys, "mention", "reset", str(fact_id), "--library", lib, "--json")
    assert len(out["figures"]["added"]) >= 1       # read again from the mention (a new claim: no decision was kept)
    back = _json(capsys, "figures", "list", "--library", lib, "--json")
    assert [f["value"] for f in back if f["measure"] == "trade_volume"] == [trade["value"]]

    queue = _json(capsys, "review", "list", "--all", "--library", lib, "--json")
    person = next(r for r in queue if r["kind"] == "entity" and r["name"] == "王伟")
    out = _json(capsys, "review", "reject", person["uuid"], "--library", lib, "--json")
    assert out["rows"] == 1 and out["mentions"] >= 1 and out["statements"]["removed"]
    rows = _json(capsys, "review", "list", "--all", "--library", lib, "--json")
    assert next(r for r in rows if r["uuid"] == person["uuid"])["status"] == "rejected"
    assert main(["review", "accept", "no-such-uuid", "--library", lib]) == 2
    assert "no review row" in capsys.readouterr().err
