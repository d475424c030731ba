"""``consistency serve --store DB``: the review page over a store, in a browser."""

from __future__ import annotations

import ipaddress
import secrets
import signal

import click

from ..config import load_settings
from ..errors import UsageError
from ..store import open_store, resolve_store_path
from ..store.hooks import crash_point
from .app import EXIT_INTERRUPTED, EXIT_OK
from .review import who
from .run import store_name, store_option

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Beyond loopback a token is required (--token, or one is generated).")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free one).")
@click.option("--token", metavar="TOKEN", help="Require this token from every browser (?token=TOKEN once).")
@click.option("--by", metavar="NAME",
              help="Record decisions as NAME until a browser sets its own. [default: $CONSISTENCY_REVIEWER, "
                   "else the login name]")
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 32), help="Worker threads.")
def serve(store, host, port, token, by, threads) -> int:
    """Serve the review page for a store: a queue of open conflicts, a page per finding with both
    claims in their paragraphs, keyboard shortcuts (y confirm, n dismiss, s skip, e note, j/k next
    and previous), the review log per finding, and exports of decisions and a baseline.

    Listens on 127.0.0.1 by default. Decisions go into the store's append-only review log, the
    same one `consistency review` writes; a nightly `consistency run` may work at the same time.
    Stop it with Ctrl-C.
    """
    from waitress.server import create_server

    from ..serve import create_app

    settings = load_settings()
    target = resolve_store_path(store or settings.store)
    with open_store(target, create=False, timeout=settings.lock_timeout):
        pass  # fail now, with a one-line error, when there is no store
    if token is not None and len(token) < 8:
        raise UsageError("--token must be at least 8 characters", hint="or leave it out to get a generated one")
    if token is None and not is_loopback(host):
        token = secrets.token_urlsafe(24)
    hosts = [*LOOPBACK_NAMES, "[::1]"] + ([] if is_loopback(host) else [host])
    app = create_app(target, token=token, reviewer=who(by), hosts=hosts, timeout=settings.lock_timeout)
    server = create_server(app, host=host, port=port, threads=threads, max_request_body_size=app.config[
        "MAX_CONTENT_LENGTH"], max_request_header_size=16 * 1024, ident="consistency", clear_untrusted_proxy_headers=True)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{server.effective_port}/" + (f"?token={token}" if token else "")
    stopped = []

    def interrupt(signum, frame):  # waitress swallows KeyboardInterrupt: remember it for the exit code
        stopped.append(signum)
        raise KeyboardInterrupt

    # The handler goes in before the URL is shown: from that line on, Ctrl-C stops the server, also
    # when the launcher handed us SIGINT ignored (a Ctrl-C between the line and the handler was lost).
    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        click.echo(f"reviewing {store_name(target)} at {url}  (Ctrl-C stops)", err=True)
        crash_point("serve:ready")
        server.run()  # returns when waitress has swallowed the KeyboardInterrupt
    except KeyboardInterrupt:
        pass  # raised before the server loop ran; `stopped` has it
    finally:
        signal.signal(signal.SIGINT, previous)
        server.close()
    if stopped:
        click.echo("stopped", err=True)
        return EXIT_INTERRUPTED
    return EXIT_OK
