"""`consistency baseline create|update` and `check --baseline`: the CI workflow."""

from __future__ import annotations

import json

from test_store import BRIDGE_B, invoke, run_json, write_corpus


def check_json(*args: str):
    result = invoke("check", *args, "-f", "json", "-q")
    return result.exit_code, json.loads(result.stdout) if result.stdout.strip() else None, result.stderr


def test_baseline_round_trip(tmp_path, embedder):
    corpus = write_corpus(tmp_path / "articles")
    base = tmp_path / "baseline.json"
    assert check_json(str(corpus))[0] == 1
    result = invoke("baseline", "create", str(base), str(corpus), "-q")
    assert result.exit_code == 0, result.stderr
    text = base.read_text()
    data = json.loads(text)
    assert data["version"] == 1 and len(data["findings"]) >= 1
    assert [e["id"] for e in data["findings"]] == sorted(e["id"] for e in data["findings"])
    assert all(list(e) == ["id", "rule", "explanation", "claims", "decision"] for e in data["findings"])
    assert "line" not in text and "20" + "26-" not in text  # no line numbers, no timestamps
    assert text.endswith("\n") and text == json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    # recreating gives the same bytes: diff-friendly
    invoke("baseline", "create", str(base), str(corpus), "-q")
    assert base.read_text() == text

    code, report, _ = check_json(str(corpus), "--baseline", str(base))
    assert code == 0 and report["summary"]["new"] == 0 and report["summary"]["baselined"] >= 1
    assert {c["status"] for c in report["conflicts"]} == {"baselined"}

    # a new conflict fails the check; the baselined one does not
    (corpus / "bridge-c.md").write_text("The Halden bridge is 150 metres long, officials confirmed on Friday.\n")
    code, report, _ = check_json(str(corpus), "--baseline", str(base))
    assert code == 1
    new = [c for c in report["conflicts"] if c["status"] == "new"]
    assert new and all(c["id"] not in text for c in new)
    assert all("bridge-c.md" in c["claims"][0]["path"] + c["claims"][1]["path"] for c in new)


def test_update_keeps_decisions_and_trims_entries_whose_claims_are_gone(tmp_path, embedder):
    corpus = write_corpus(tmp_path / "articles")
    base = tmp_path / "baseline.json"
    invoke("baseline", "create", str(base), str(corpus), "-q")
    data = json.loads(base.read_text())
    data["findings"][0]["decision"] = "dismissed"
    data["findings"][0]["note"] = "two different bridges"
    base.write_text(json.dumps(data, indent=2))
    kept_id = data["findings"][0]["id"]

    (corpus / "bridge-c.md").write_text("The Halden bridge is 150 metres long, officials confirmed on Friday.\n")
    result = invoke("baseline", "update", str(base), str(corpus))  # -q would drop the summary
    assert result.exit_code == 0 and "trimmed" in result.stderr
    updated = json.loads(base.read_text())
    entry = {e["id"]: e for e in updated["findings"]}
    assert entry[kept_id]["decision"] == "dismissed" and entry[kept_id]["note"] == "two different bridges"
    assert len(updated["findings"]) > len(data["findings"])

    # the 180 m claim goes away: its entries are trimmed on update
    (corpus / "bridge-b.md").write_text(BRIDGE_B.replace("The Halden bridge is 180 metres long, according to "
                                                         "the regional ministry.\n", ""))
    invoke("baseline", "update", str(base), str(corpus), "-q")
    trimmed = json.loads(base.read_text())
    assert kept_id not in {e["id"] for e in trimmed["findings"]}
    assert all("bridge-b.md" not in c for e in trimmed["findings"] for c in e["claims"])
    assert check_json(str(corpus), "--baseline", str(base))[0] == 0


def test_baseline_takes_decisions_from_a_store(tmp_path, embedder):
    corpus = write_corpus(tmp_path / "articles")
    db = tmp_path / "s.db"
    _, report = run_json(db, corpus)
    fid = report["conflicts"][0]["id"]
    invoke("review", "set", fid, "confirmed", "--note", "ministry figure is wrong", "--store", str(db))
    base = tmp_path / "b.json"
    assert invoke("baseline", "create", str(base), str(corpus), "--store", str(db), "-q").exit_code == 0
    (entry,) = [e for e in json.loads(base.read_text())["findings"] if e["id"] == fid]
    assert entry["decision"] == "confirmed" and entry["note"] == "ministry figure is wrong"
    # check --store marks decided findings reviewed
    code, checked, _ = check_json(str(corpus), "--store", str(db))
    assert {c["id"]: c["status"] for c in checked["conflicts"]}[fid] == "reviewed"


def test_bad_baselines_are_one_line_errors(tmp_path):
    corpus = write_corpus(tmp_path / "articles")
    cases = {"missing.json": None, "broken.json": "{not json", "wrong.json": '{"version": 1, "findings": {}}',
             "version.json": '{"version": 9, "findings": []}',
             "entry.json": '{"version": 1, "findings": [{"id": "XYZ", "rule": "NUM001", "claims": []}]}'}
    for name, content in cases.items():
        path = tmp_path / name
        if content is not None:
            path.write_text(content)
        code, _, err = check_json(str(corpus), "--baseline", str(path))
        assert code == 2 and err.startswith("error[CNS140]") and len(err.strip().splitlines()) == 1, (name, err)
    result = invoke("baseline", "update", str(tmp_path / "nothing.json"), str(corpus))
    assert result.exit_code == 2 and "baseline create" in result.stderr
