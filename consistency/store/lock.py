"""One run at a time per SQLite store, from reading its inputs until its report is marked.

The lock is an OS advisory lock (``flock``) on the store file itself, so it is
keyed by the file's device and inode: a symlink, a relative path or a hard
link to the same store is the same lock, and a store replaced by another file
is a different one. The operating system releases it when its process ends,
however it ends (kill -9 included), so a stale lock never blocks anyone.

SQLite keeps its own (POSIX ``fcntl``) locks on the same file, and closing any
descriptor of a file drops all of a process's POSIX locks on it; so the
descriptor used here is opened once per process and store and never closed
(``flock`` and ``fcntl`` locks do not interact on local file systems). Threads
of one process also exclude each other, and a forked child opens its own.

The holder writes its pid, host and start time into ``STORE.lock`` next to the
store, so a run that cannot get the lock can say who has it. A waiting run
polls until ``timeout`` seconds have passed, then raises `StoreLockedError`
(exit code 2). On Windows the lock is taken on ``STORE.lock`` instead.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from pathlib import Path

from ..errors import StoreError, StoreLockedError
from .migrate import now

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


class _Handle:
    """A never-closed descriptor of one store file (by device and inode) in this process."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.threads = threading.Lock()


_handles: dict[tuple[int, int], _Handle] = {}
_handles_guard = threading.Lock()
if hasattr(os, "register_at_fork"):
    # a child shares its parent's open file descriptions (and so their flocks): it opens its own
    os.register_at_fork(after_in_child=_handles.clear)


def _handle(path: Path) -> _Handle:
    if os.name == "nt":  # pragma: no cover
        return _Handle(os.open(lock_path(path), os.O_RDWR | os.O_CREAT, 0o644))
    st = os.stat(path)
    with _handles_guard:
        known = _handles.get((st.st_dev, st.st_ino))
        if known is not None:
            return known
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        st = os.fstat(fd)
        known = _handles.setdefault((st.st_dev, st.st_ino), _Handle(fd))
        if known.fd != fd:  # replaced meanwhile by a file already open here: keep, never close, this one
            _spare_fds.append(fd)
        return known


#: descriptors opened but not needed: closing them could drop SQLite's locks on the file.
_spare_fds: list[int] = []


def read_head(path: Path, size: int) -> bytes:
    """The first ``size`` bytes of the store file at ``path``, read through this process's
    never-closed descriptor of it: reading through a descriptor that is then closed would drop the
    process's POSIX locks on the file, SQLite's included (an open connection then looks closed to
    other processes, and the last of them to close deletes the write-ahead log under it)."""
    if os.name == "nt":  # pragma: no cover - no POSIX locks to drop
        with open(path, "rb") as handle:
            return handle.read(size)
    return os.pread(_handle(path).fd, size, 0)


class RunLock:
    """``with RunLock(store_path, timeout=10):`` holds the (existing) store file for one run."""

    def __init__(self, store_path: Path, *, timeout: float) -> None:
        self.store_path = Path(store_path)
        self.path = lock_path(self.store_path.resolve())  # who holds it, for the message
        self.timeout = timeout
        self._handle: _Handle | None = None

    def acquire(self) -> None:
        try:
            handle = _handle(self.store_path.resolve())
        except OSError as exc:
            raise StoreError(f"cannot lock the store {self.store_path}: {exc.strerror or exc}",
                             hint="check the store's path and permissions") from None
        deadline = time.monotonic() + self.timeout
        if not handle.threads.acquire(timeout=self.timeout) if self.timeout > 0 else \
                not handle.threads.acquire(blocking=False):
            raise self._locked()
        try:
            while not _try_lock(handle.fd):
                if time.monotonic() >= deadline:
                    raise self._locked()
                time.sleep(POLL_SECONDS)
        except BaseException:
            handle.threads.release()
            raise
        self._handle = handle
        with contextlib.suppress(OSError):
            info = f"pid {os.getpid()} on {socket.gethostname()}, started {now()}\n"
            self.path.write_text(info, encoding="utf-8")

    def _locked(self) -> StoreLockedError:
        return StoreLockedError(
            f"store {self.store_path} is in use by another run ({_read_holder(self.path)}); "
            f"waited {self.timeout:g}s",
            hint="let that run finish, or wait longer with --lock-timeout SECONDS",
        )

    def release(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        try:
            _unlock(handle.fd)
        finally:
            handle.threads.release()

    def __enter__(self) -> "RunLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def _read_holder(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")[:500].strip()
    except OSError:
        text = ""
    return text or "pid unknown"
