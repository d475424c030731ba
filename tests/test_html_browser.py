"""The HTML report in a real headless Chromium: hostile input in every field
(claim text, source, URL, id, article front matter) must show up as text and
never execute, with or without the report's Content-Security-Policy.

Drives the system Chromium (Debian package ``chromium``; `.ci/run` installs it)
through Playwright's Python package with ``executable_path``: no browser
download. Skipped only when no Chromium or no Playwright is installed.
"""

from __future__ import annotations

import io
import json
import shutil

import pytest

from consistency import api
from consistency.reporters import ReportOptions, get_renderer

playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (test extras)")

CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome", "chrome"))), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium: apt-get install chromium")

#: Each payload would set window.__pwned (or the title, or open a dialog) if it ran.
#: No digits, so the numbers the rules compare stay the ones in the sentence.
PAYLOADS = [
    "<script>window.__pwned='script'</script>",
    "<img src=x onerror=\"window.__pwned='img'\">",
    "<svg onload=\"document.title='PWNED'\"></svg>",
    "\" onmouseover=\"window.__pwned='dq'\" autofocus onfocus=\"window.__pwned='dq-focus'\" x=\"",
    "' onmouseover='window.__pwned=`sq`' autofocus onfocus='window.__pwned=`sq-focus`' x='",
    "<a href=\"javascript:window.__pwned='link'\">click</a>",
    "javascript:window.__pwned='bare'",
    "<iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>",
    "</blockquote></style></textarea>--><script>alert('closed')</script>",
    "<meta http-equiv=\"refresh\" content=\"zero;url=javascript:window.__pwned='meta'\">",
    "{{ 'jinja' }}{% raw %}",
]
HOSTILE_URLS = [
    "javascript:window.__pwned='url'",
    "https://evil.example/\"><script>window.__pwned='href'</script>",
    "https://evil.example/'onmouseover='window.__pwned=`href-sq`'",
]

WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + (e.sample || '')));
"""


def hostile_corpus(folder):
    """Claim pairs that conflict (200 vs 350 homes), every field carrying a payload."""
    rows = []
    for i, payload in enumerate(PAYLOADS):
        for number in ("200", "350"):
            rows.append({"id": f"{payload}#{number}", "source": payload, "date": "2026-01-10",
                         "url": HOSTILE_URLS[i % len(HOSTILE_URLS)],
                         "text": f"The council approved {number} new homes on the dock site {payload}"})
    (folder / "claims.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    front = PAYLOADS[3].replace('"', "'")
    (folder / "article.md").write_text(
        f"---\nsource: \"{front}\"\nurl: \"{HOSTILE_URLS[1].replace(chr(34), '')}\"\n---\n\n"
        f"The council approved 500 new homes on the dock site {PAYLOADS[0]}\n", encoding="utf-8")
    (folder / "bad.jsonl").write_text(json.dumps({"id": PAYLOADS[1], "date": PAYLOADS[0]}) + "\n",
                                      encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def report_file(embedder, tmp_path_factory):
    folder = hostile_corpus(tmp_path_factory.mktemp("hostile"))
    report = api.check([str(folder)], embedder=embedder)
    conflicts = [f for f in report.findings if f.kind == "conflict"]
    assert len(conflicts) >= len(PAYLOADS), "the hostile pairs must be findings to reach the report"
    assert report.problems, "the bad row must reach the report"
    out = io.StringIO()
    get_renderer("html")(report, out, ReportOptions())
    path = folder / "report.html"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


def open_page(browser, url, *, bypass_csp=False):
    context = browser.new_context(bypass_csp=bypass_csp, java_script_enabled=True)
    page = context.new_page()
    page.add_init_script(WATCH)
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    page.wait_for_load_state("load")
    # Give event handlers (autofocus/onfocus, onerror, meta refresh) a chance to fire.
    page.mouse.move(200, 300)
    page.wait_for_timeout(300)
    return page


def assert_nothing_ran(page):
    assert page.evaluate("window.__pwned") is None
    assert page.title() == "Claim consistency report"
    assert page.dialogs == []
    assert page.url.startswith("file://")  # no meta refresh or navigation
    dom = page.evaluate("""() => ({
        scripts: document.scripts.length,
        handlers: [...document.querySelectorAll('*')].flatMap(
            el => [...el.attributes].filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name)),
        tags: [...document.querySelectorAll('img, svg, iframe, meta[http-equiv=refresh], textarea, body a:not([href^="http"])')]
            .map(el => el.outerHTML),
        links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
    })""")
    assert dom["scripts"] == 1, "only the report's own script"
    assert dom["handlers"] == [] and dom["tags"] == []
    assert all(link.startswith(("https://", "http://")) for link in dom["links"])


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_no_payload_executes(browser, report_file, bypass_csp):
    page = open_page(browser, report_file.as_uri(), bypass_csp=bypass_csp)
    try:
        assert_nothing_ran(page)
        if not bypass_csp:
            # Nothing even tried to run or load: the CSP saw no violation.
            assert page.evaluate("window.__csp") == []
        # The report's own script did run (so "nothing ran" means something).
        assert page.text_content("#shown-count").endswith("findings shown")
    finally:
        page.context.close()


def test_every_payload_is_shown_as_text(browser, report_file):
    page = open_page(browser, report_file.as_uri())
    try:
        text = page.evaluate("document.body.innerText")
        for payload in PAYLOADS:
            assert payload in text  # claim text, source and id are visible, verbatim
        ids = page.evaluate("[...document.querySelectorAll('.finding .meta code')].map(c => c.textContent)")
        # ids are shown verbatim; which rows' ids depends on which 50 pairs of the one disputed fact
        # are the surest (`html.MAX_FACT_PAIRS`), so any of them
        rows = {f"{p}#{n}" for p in PAYLOADS for n in ("200", "350")}
        assert ids and set(ids) <= rows and len(set(ids)) >= 10, ids
        hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
        assert HOSTILE_URLS[1] in hrefs and HOSTILE_URLS[2] in hrefs  # kept whole inside the attribute
        assert not any(h.startswith("javascript") for h in hrefs)
        assert "missing required field 'text'" in text
    finally:
        page.context.close()


def test_filters_by_rule_and_status(browser, report_file):
    page = open_page(browser, report_file.as_uri())
    try:
        total = page.locator(".finding").count()
        assert page.text_content("#shown-count") == f"{total} of {total} findings shown"
        page.select_option("#status-filter", "reviewed")
        assert page.locator(".finding:visible").count() == 0
        page.select_option("#status-filter", "new")
        assert page.locator(".finding:visible").count() == total
        rules = page.evaluate("[...document.querySelectorAll('#rule-filter option')].map(o => o.value)")
        assert rules[0] == "" and "NUM001" in rules
        page.select_option("#rule-filter", "NUM001")
        shown = page.locator(".finding:visible").count()
        assert 0 < shown == page.locator('.finding[data-rule="NUM001"]').count()
        assert page.text_content("#shown-count") == f"{shown} of {total} findings shown"
    finally:
        page.context.close()


def test_the_detector_catches_an_unescaped_payload(browser, tmp_path):
    """The checks above can fail: the same payloads written raw do execute."""
    raw = tmp_path / "raw.html"
    raw.write_text("<!DOCTYPE html><title>Claim consistency report</title><body>"
                   + "".join(f"<p>{p}</p>" for p in PAYLOADS[:2]) + "</body>", encoding="utf-8")
    page = open_page(browser, raw.as_uri())
    try:
        with pytest.raises(AssertionError):
            assert_nothing_ran(page)
        assert page.evaluate("window.__pwned") in ("script", "img")
    finally:
        page.context.close()
