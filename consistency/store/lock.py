"""One run at a time per store: an advisory lock on ``STORE.lock`` next to it.

The operating system releases the lock when its process ends, however it ends
(kill -9 included), so a stale lock never blocks anyone. The holder writes its
pid, host and start time into the file, so a run that cannot get the lock can
say who has it. A waiting run polls until ``timeout`` seconds have passed, then
raises `StoreLockedError` (exit code 2). The lock file stays in place between
runs; deleting it while no run is going is harmless.
"""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

from ..errors import StoreError, StoreLockedError
from .connection import now

POLL_SECONDS = 0.1

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".lock")


class RunLock:
    """``with RunLock(store_path, timeout=10):`` holds the store for one run."""

    def __init__(self, store_path: Path, *, timeout: float) -> None:
        self.store_path = Path(store_path)
        self.path = lock_path(self.store_path.resolve())  # one lock however the store is named (symlinks)
        self.timeout = timeout
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot create the lock file {self.path}: {exc.strerror or exc}",
                             hint="check the store's folder is writable") from None
        deadline = time.monotonic() + self.timeout
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                holder = _read_holder(fd)
                os.close(fd)
                raise StoreLockedError(
                    f"store {self.store_path} is in use by another run ({holder}); "
                    f"waited {self.timeout:g}s",
                    hint="let that run finish, or wait longer with --lock-timeout SECONDS",
                )
            time.sleep(POLL_SECONDS)
        self._fd = fd
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"pid {os.getpid()} on {socket.gethostname()}, started {now()}\n".encode())

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> "RunLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def _read_holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 500).decode("utf-8", "replace").strip()
    except OSError:
        text = ""
    return text or "pid unknown"
