"""A real, private PostgreSQL server for the store tests.

`initdb` into a fresh temporary folder and `pg_ctl start` with TCP off and its
socket in that folder, so nothing outside this machine's file system can reach
it. PostgreSQL refuses to run as root (CI runs as root): then the server runs as
the unprivileged user ``nobody`` (through ``setpriv``), owning only its folder.
Each test gets a database of its own. When the server binaries are absent the
tests are skipped with the reason (Debian package ``postgresql-15``; `.ci/run`
installs it).
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

#: The major versions looked for, newest first (Debian installs them under /usr/lib/postgresql/N/bin).
VERSIONS = ("15", "16", "17")


def binaries() -> Path | None:
    for version in VERSIONS:
        folder = Path(f"/usr/lib/postgresql/{version}/bin")
        if (folder / "pg_ctl").exists() and (folder / "initdb").exists():
            return folder
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(folder, "pg_ctl").exists():
            return Path(folder)
    return None


class Server:
    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        # as root, in /tmp: the server's user must be able to reach its folder
        where = "/tmp" if os.geteuid() == 0 and os.path.isdir("/tmp") else None
        self.root = Path(tempfile.mkdtemp(prefix="consistency-pg-", dir=where))
        self.data, self.socket = self.root / "data", self.root / "socket"
        self.socket.mkdir()
        self.port = 15432 + os.getpid() % 1000
        self.prefix: list[str] = []
        if os.geteuid() == 0:  # PostgreSQL will not run as root
            user = pwd.getpwnam("nobody")
            for path in (self.root, self.socket):
                os.chown(path, user.pw_uid, user.pw_gid)
            self.prefix = ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups", "--"]
        self._names = itertools.count(1)

    def _run(self, *argv: str) -> None:
        subprocess.run([*self.prefix, *argv], check=True, capture_output=True, timeout=120, cwd=self.root,
                       env={**os.environ, "LC_ALL": "C"})

    def start(self) -> None:
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "-E", "UTF8", "--locale=C", "--no-sync")
        options = (f"-c listen_addresses='' -c unix_socket_directories='{self.socket}' -p {self.port} "
                   "-c fsync=off -c max_connections=60 -c shared_buffers=32MB")
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", options, "-l",
                  str(self.root / "server.log"), "-w", "-t", "60", "start")

    def stop(self) -> None:
        try:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@/{database}?host={self.socket}&port={self.port}"

    def new_database(self) -> str:
        """The URL of a new, empty database."""
        import psycopg

        name = f"store_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)
