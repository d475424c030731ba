"""The review page in a real headless Chromium, served by the real console script
(`consistency serve` on a free loopback port): reviewing by keyboard, two reviewers at
once, hostile text in every field, CSRF, and the README's walk-through on seeds/.

Drives the system Chromium (Debian package ``chromium``) through Playwright with
``executable_path``: no browser download. Skipped only when no Chromium or no
Playwright is installed. ``UPDATE_SCREENSHOT=1`` rewrites docs/serve-finding.png.
"""

from __future__ import annotations

import json
import os
import signal

import pytest

from consistency.store import open_store

from conftest import ROOT, SEEDS
from test_html_browser import CHROMIUM, PAYLOADS, WATCH, hostile_corpus
from test_serve import serve_process
from test_store import invoke, run_json, write_corpus

playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (test extras)")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium: apt-get install chromium")

SCREENSHOT = ROOT / "docs" / "serve-finding.png"


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        yield b
        b.close()


def served(db):
    """Start `consistency serve` on ``db``; returns (process, base URL)."""
    return serve_process(db)


def stop(proc) -> None:
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=30)


def new_page(browser, url: str, name: str | None = None):
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(WATCH)
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    if name is not None:
        page.fill("#reviewer", name)
        page.press("#reviewer", "Enter")
        page.wait_for_load_state()
    return page


def current_id(page) -> str:
    page.wait_for_selector("#finding")
    return page.get_attribute("#finding", "data-id")


def press(page, key: str) -> None:
    with page.expect_navigation():
        page.keyboard.press(key)


@pytest.fixture()
def three(tmp_path, embedder):
    corpus = write_corpus(tmp_path / "articles")
    (corpus / "bridge-c.md").write_text("The Halden bridge is 150 metres long, officials confirmed on Friday.\n")
    db = tmp_path / "s.db"
    _, report = run_json(db, corpus)
    ids = [c["id"] for c in report["conflicts"]]
    assert len(ids) == 3
    proc, url = served(db)
    yield db, url, ids
    stop(proc)


def test_review_three_findings_by_keyboard_reload_and_see_the_decisions(browser, three):
    db, url, ids = three
    page = new_page(browser, url, "ana")
    try:
        page.click(".item .open >> nth=0")
        first = current_id(page)
        press(page, "j")  # next
        assert current_id(page) != first
        press(page, "k")  # previous
        assert current_id(page) == first
        decided = []
        for key, note in (("y", "checked with the ministry"), ("n", ""), ("y", "")):
            fid = current_id(page)
            if note:
                page.keyboard.press("e")
                page.keyboard.type(note)
                page.keyboard.press("Escape")
            decided.append((fid, key))
            press(page, key)
        assert sorted(fid for fid, _ in decided) == sorted(ids)
        page.reload()
        assert "Nothing to review" in page.text_content("main")
        for fid, key in decided:
            page.goto(f"{url}finding/{fid}")
            state = page.text_content("#state")
            assert ("confirmed" if key == "y" else "dismissed") in state.lower() and "ana" in state
            assert page.locator("#log li").count() == 1
        assert "checked with the ministry" in page.content() or any(
            "checked with the ministry" in (d.note or "") for d in open_store(db).decisions.history())
        assert page.dialogs == []
    finally:
        page.context.close()
    with open_store(db) as store:
        log = store.decisions.history()
    assert [(d.fingerprint, d.decision, d.by) for d in log] == [
        (fid, "confirmed" if key == "y" else "dismissed", "ana") for fid, key in decided]
    assert log[0].note == "checked with the ministry"


def test_two_reviewers_in_two_browsers(browser, three):
    db, url, ids = three
    ana, ben = new_page(browser, url, "ana"), new_page(browser, url, "ben")
    try:
        for page in (ana, ben):
            page.goto(f"{url}finding/{ids[0]}")
        press(ana, "y")
        press(ben, "n")  # ben's page was shown before ana decided
        assert current_id(ben) == ids[0]
        assert "Someone else decided meanwhile: ana (confirmed" in ben.text_content(".flash")
        state = ben.text_content("#state")
        assert "dismissed" in state.lower() and "ben" in state and "disagreement: confirmed by ana" in state
        assert [li.split(" · ")[0] for li in ben.locator("#log li").all_text_contents()] == [
            "confirmed by ana", "dismissed by ben"]
    finally:
        ana.context.close()
        ben.context.close()
    with open_store(db) as store:
        assert [(d.by, d.decision) for d in store.decisions.history()] == [("ana", "confirmed"), ("ben", "dismissed")]


def assert_nothing_ran(page) -> None:
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == [] and page.evaluate("window.__csp") == []
    assert not page.title().startswith("PWNED")
    dom = page.evaluate("""() => ({
        scripts: [...document.scripts].map(s => s.getAttribute('src')),
        handlers: [...document.querySelectorAll('*')].flatMap(
            el => [...el.attributes].filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name)),
        tags: [...document.querySelectorAll('img, svg, iframe, meta[http-equiv=refresh]')].map(el => el.outerHTML),
        links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
    })""")
    assert dom["scripts"] == ["/static/review.js"], "only the page's own script"
    assert dom["handlers"] == [] and dom["tags"] == []
    assert all(link.startswith(("/", "http://", "https://")) and not link.startswith("//") for link in dom["links"])


def test_hostile_text_in_every_field_never_executes(browser, tmp_path, embedder):
    (tmp_path / "hostile").mkdir()
    folder = hostile_corpus(tmp_path / "hostile")
    db = tmp_path / "s.db"
    result = invoke("run", "--store", str(db), str(folder), "-f", "json", "-q")
    assert result.exit_code == 2  # the bad row is reported; the good rows are stored
    ids = [c["id"] for c in json.loads(result.stdout)["conflicts"]]
    assert len(ids) >= len(PAYLOADS)
    proc, url = served(db)
    page = new_page(browser, url, PAYLOADS[0])  # the reviewer name is hostile too
    try:
        assert_nothing_ran(page)
        assert PAYLOADS[0] in page.input_value("#reviewer")
        for number, fid in enumerate(ids):
            page.goto(f"{url}finding/{fid}")
            assert_nothing_ran(page)
            if number < 3:  # hostile notes through the form, shown in the log and the queue
                page.fill("#note", PAYLOADS[number + 1])
                with page.expect_navigation():
                    page.click("#confirm")
                page.goto(f"{url}finding/{fid}")
                assert PAYLOADS[number + 1] in page.text_content("#log")
                assert_nothing_ran(page)
            for side in ("a", "b"):
                page.goto(f"{url}finding/{fid}/article/{side}")
                assert_nothing_ran(page)
        page.goto(f"{url}?status=all&q=" + "%3Cscript%3E")
        assert_nothing_ran(page)
        text = page.evaluate("document.body.innerText")
        assert any(p in text for p in PAYLOADS)
    finally:
        page.context.close()
        stop(proc)


def test_csrf_is_rejected_in_the_browser(browser, three, tmp_path):
    db, url, ids = three
    page = new_page(browser, url, "ana")
    try:
        # a POST with the reviewer's session cookie but no token (the page's CSP even blocks fetch())
        answer = page.request.post(f"{url}finding/{ids[0]}/decide", form={"decision": "confirmed", "seen": "0"})
        assert answer.status == 400 and "CSRF" in answer.text()
        # a form on another origin posting to the review page (the session cookie is SameSite=Strict)
        evil = tmp_path / "evil.html"
        evil.write_text(f"""<!DOCTYPE html><form id=f method=post action="{url}finding/{ids[0]}/decide">
            <input name=decision value=dismissed><input name=seen value=0></form>
            <script>document.getElementById('f').submit()</script>""", encoding="utf-8")
        other = page.context.new_page()
        with other.expect_navigation():
            other.goto(evil.as_uri())
        assert "Request refused" in other.text_content("body")
    finally:
        page.context.close()
    with open_store(db) as store:
        assert store.decisions.count() == 0


def test_readme_walkthrough_on_the_seeds(browser, tmp_path, embedder, monkeypatch):
    """run --store news.db seeds/, serve it, review every finding in the browser, and the next
    run reports none of them as new. Takes the screenshot of the finding page in docs/."""
    monkeypatch.chdir(ROOT)  # relative paths, as a user in the repository sees them
    seeds = SEEDS.relative_to(ROOT)
    db = tmp_path / "news.db"
    code, first = run_json(db, seeds)
    ids = [c["id"] for c in first["conflicts"]]
    assert code == 1 and ids
    proc, url = served(db)
    page = new_page(browser, url, "night desk")
    try:
        page.set_viewport_size({"width": 1200, "height": 860})
        page.click(".item .open >> nth=0")
        current_id(page)
        shot = SCREENSHOT if os.environ.get("UPDATE_SCREENSHOT") == "1" else tmp_path / "finding.png"
        page.screenshot(path=str(shot), full_page=False)
        assert shot.stat().st_size > 10_000
        for number in range(len(ids)):
            current_id(page)
            press(page, "y" if number % 2 == 0 else "n")
        assert "Nothing to review" in page.text_content("main")
    finally:
        page.context.close()
        stop(proc)
    code, second = run_json(db, seeds)
    assert code == 0 and not [c for c in second["conflicts"] if c["status"] == "new"]
    with open_store(db) as store:
        assert {d.fingerprint for d in store.decisions.history()} == set(ids)
    print(json.dumps({"seeds_findings_reviewed": len(ids)}))
