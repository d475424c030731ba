"""``consistency serve``: a local review page over the store, for one reviewer or a desk.

A queue of open conflicts, a page per finding with both claims in their
paragraphs, keyboard shortcuts, decisions into the store's append-only review
log, exports. `create_app` builds the Flask application; `consistency.cli.serve`
runs it with waitress. docs/serve.md describes it.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
