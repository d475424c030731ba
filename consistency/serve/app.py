"""The review page's web application (Flask): routes, safety, sessions.

Safety, in one place:

* every page is rendered by Jinja2 with autoescaping, and carries the same kind of
  Content-Security-Policy as the HTML report (nothing but the app's own script
  and style; no inline code, no frames, forms post only here);
* state changes only by POST, each with a CSRF token (Flask-WTF); GET never writes;
* bound beyond loopback, a token is required (``--token``, or one generated and
  printed): the first visit with ``?token=...`` stores it in the session cookie;
* the Host header must name this server (no DNS rebinding from a web page);
* request bodies, form fields and query strings have size limits;
* nothing from the data is used as a file path: articles are shown from the
  store's copy of their text, finding ids are hex fingerprints looked up in it.
"""

from __future__ import annotations

import hmac
import re
import secrets
import threading
from importlib.resources import files
from typing import Any

from flask import Flask, abort, flash, g, redirect, render_template, request, session, url_for
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.routing import BaseConverter

from ..errors import ConsistencyError, NotFoundError
from ..reporters.base import segments
from ..store import open_store
from . import desk
from .queue import STATUSES, Filters

#: Largest request body accepted (a decision with a note is well under 8 kB).
MAX_BODY = 64 * 1024
MAX_NOTE = 2000
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")


#: where "back to this page" may point: a path of this app, never another site ("//host", "/\\host").
LOCAL_PATH = re.compile(r"/(?![/\\])[\w\-./?=&%+:]*")


class Fingerprint(BaseConverter):
    regex = "[0-9a-f]{8,64}"


def create_app(store: Any, *, token: str | None = None, reviewer: str | None = None,
               hosts: list[str] | None = None, timeout: float = 10.0) -> Flask:
    """The review app over the store at ``store`` (a path or a postgresql:// URL).

    ``token``: required from every browser (None: no token, for loopback only).
    ``reviewer``: the name decisions are recorded under until a browser sets its own.
    ``hosts``: the Host header values accepted (None: any; the CLI always passes them).
    """
    app = Flask(__name__, template_folder=str(files("consistency.serve").joinpath("templates")),
                static_folder=str(files("consistency.serve").joinpath("static")))
    app.config.update(
        SECRET_KEY=secrets.token_hex(32), MAX_CONTENT_LENGTH=MAX_BODY, MAX_FORM_MEMORY_SIZE=MAX_BODY,
        MAX_FORM_PARTS=20, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_NAME="consistency_review", WTF_CSRF_TIME_LIMIT=None, TRUSTED_HOSTS=hosts,
    )
    app.jinja_env.autoescape = True
    app.jinja_env.globals["segments"] = segments
    app.url_map.converters["fp"] = Fingerprint
    CSRFProtect(app)
    stores = threading.local()

    def db():
        if getattr(stores, "store", None) is None:
            stores.store = open_store(store, create=False, timeout=timeout)
        return stores.store

    @app.before_request
    def gate():
        if token is None or request.endpoint == "static":
            return None
        given = request.args.get("token", "")
        if given and hmac.compare_digest(given.encode(), token.encode()):
            session["token"] = token
            return redirect(url_for("queue"))
        if not hmac.compare_digest(str(session.get("token", "")).encode(), token.encode()):
            return render_template("token.html.jinja"), 401
        return None

    @app.before_request
    def who():
        g.reviewer = session.get("reviewer") or reviewer

    @app.after_request
    def headers(response):
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.errorhandler(CSRFError)
    def csrf_error(exc):
        return render_template("error.html.jinja", message=f"Request refused: {exc.description}"), 400

    @app.errorhandler(ConsistencyError)
    def store_error(exc):
        code = 404 if isinstance(exc, NotFoundError) else 503
        return render_template("error.html.jinja", message=exc.one_line()), code

    @app.errorhandler(413)
    def too_large(exc):
        return render_template("error.html.jinja", message="Request too large."), 413

    @app.get("/")
    def queue():
        filters = Filters.from_query(request.args)
        view = desk.queue(db(), filters)
        return render_template("queue.html.jinja", view=view, filters=filters, statuses=STATUSES)

    @app.get("/finding/<fp:fingerprint>")
    def finding(fingerprint: str):
        filters = Filters.from_query(request.args)
        page = desk.finding_page(db(), fingerprint, filters)
        if page is None:
            abort(404)
        return render_template("finding.html.jinja", page=page, filters=filters)

    @app.get("/finding/<fp:fingerprint>/article/<side>")
    def article(fingerprint: str, side: str):
        if side not in ("a", "b"):
            abort(404)
        page = desk.article_page(db(), fingerprint, side)
        if page is None:
            abort(404)
        return render_template("article.html.jinja", page=page)

    @app.post("/finding/<fp:fingerprint>/decide")
    def decide(fingerprint: str):
        if not g.reviewer:
            flash("Say who you are first (top of the page): decisions are recorded with your name.")
            return redirect(url_for("finding", fingerprint=fingerprint))
        decision = request.form.get("decision", "")
        note = request.form.get("note", "")[:MAX_NOTE]
        try:
            seen = int(request.form.get("seen", "0"))
        except ValueError:
            seen = 0
        filters = Filters.from_query(request.form)
        if decision == "skip":
            target = desk.next_after(db(), fingerprint, filters)
        else:
            outcome = desk.decide(db(), fingerprint, decision, by=g.reviewer, note=note, seen=seen)
            if outcome.meanwhile:
                names = ", ".join(f"{d.by} ({d.decision}, {d.at})" for d in outcome.meanwhile)
                flash(f"Someone else decided meanwhile: {names}. Your decision ({outcome.entry.decision}) was "
                      "recorded after theirs; both are in the log.")
                return redirect(url_for("finding", fingerprint=fingerprint, **filters.query()), 303)
            flash(f"{outcome.entry.decision} by {outcome.entry.by}")
            target = desk.next_after(db(), fingerprint, filters)
        if target is None:
            return redirect(url_for("queue", **filters.query()), 303)
        return redirect(url_for("finding", fingerprint=target, **filters.query()), 303)

    @app.post("/reviewer")
    def set_reviewer():
        name = request.form.get("name", "")
        try:
            session["reviewer"] = desk.check_name(name)
        except ConsistencyError as exc:
            flash(exc.message)
        back = request.form.get("back", "")
        return redirect(back if LOCAL_PATH.fullmatch(back) else url_for("queue"), 303)

    @app.get("/export/decisions.<fmt>")
    def export_decisions(fmt: str):
        if fmt not in ("jsonl", "csv"):
            abort(404)
        body, mime = desk.export_decisions(db(), fmt)
        return app.response_class(body, mimetype=mime, headers={
            "Content-Disposition": f"attachment; filename=decisions.{fmt}"})

    @app.get("/export/baseline.json")
    def export_baseline():
        return app.response_class(desk.export_baseline(db()), mimetype="application/json", headers={
            "Content-Disposition": "attachment; filename=consistency-baseline.json"})

    return app
