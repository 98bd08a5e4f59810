"""Safe, atomic, deterministic file output shared by every exporter.

Two rules keep a run from destroying what it is given (issue 15):

* **A file** (``kamerxref export csv -o FILE``, ``graph.json`` in a site) is written to a
  temporary file beside it and renamed over it (:func:`write_atomic`), and only over a
  regular file: a FIFO, a device (``-o /dev/full`` as root replaced the system device), a
  folder or one of the input files (``export csv -o letter.txt letter.txt``) is refused
  with an :class:`OutputError` before anything is written (:func:`check_output_file`).
* **A site** (``kamerxref build -o DIR``) is built whole in a temporary sibling folder
  ``.DIR.build-<pid>`` and swapped in by rename (:class:`SiteBuild`), under a lock
  (``.DIR.lock``) so two builds cannot interleave; an interrupted or failed build (SIGINT,
  SIGTERM, a full disk) leaves the old site as it was and no temporary files. The new site
  replaces only a folder kamerxref made: one holding the marker file
  :data:`SITE_MARKER`, an empty one, or one holding nothing but what a build writes. Stale
  letter pages vanish with the old folder.

Errors the user can fix (a read-only folder, a full disk, ``-o`` under a file) are
:class:`OutputError`: one line naming the path, never "internal error".

Incremental builds reuse the previous site: inside ``with SiteBuild(out) as site:``,
``site.previous`` is the old site (or None) and ``site.reuse("letters/x.html")`` links
(or copies) an unchanged file from it into ``site.tmp``, the folder every writer writes to;
:func:`previous_of` gives :func:`exporters.unchanged.write_unless_same` the old file of
any path written there, so an unchanged file is hard-linked, not rewritten.
"""
from __future__ import annotations

import ctypes
import errno
import os
import shutil
import signal
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

#: The file that marks a folder as a kamerxref site (safe to replace on the next build).
SITE_MARKER = ".kamerxref-site"

#: What a build writes at the top of its folder: a folder holding only these (and hidden
#: files) is taken for a site of an older version without the marker.
SITE_ENTRIES = {"index.html", "graph.json", "graph.graphml", "graph.gexf", "questions.csv",
                "citations.csv", "letters", "assets", "parquet", "kamerxref.sqlite"}


class OutputError(OSError):
    """An output that cannot or must not be written; ``str(err)`` is one line naming
    the path: ``out/graph.json: No space left on device``."""

    def __init__(self, path: str | Path, message: str, code: int | None = None):
        super().__init__(code, message, str(path))  # errno kept: ENOSPC is still ENOSPC
        self.path = str(path)
        self.message = message

    def __str__(self) -> str:
        return f"{_show(self.path)}: {self.message}"

    def __reduce__(self):  # from a worker process to the parent, errno and all
        return (type(self), (self.path, self.message, self.errno))


def _show(path: str) -> str:
    from kamerxref.graph.model import printable

    return printable(path)


def _kind(mode: int) -> str:
    from kamerxref.graph.readers.base import file_kind

    return file_kind(mode)


def same_file(a: str | Path, b: str | Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _stat(path: Path) -> os.stat_result | None:
    """``os.stat`` of an output path; None when nothing is there yet."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        raise OutputError(path, "a part of the path is a file, not a folder") from None
    except OSError as err:
        raise OutputError(path, err.strerror or str(err)) from None


def check_output_file(path: str | Path, inputs: Iterable[str | Path] = ()) -> Path:
    """Refuse to write ``path`` when it is not a regular file (a FIFO, a device, a
    folder, a socket), when it is one of ``inputs``, or when its folder cannot hold it
    (``-o letter.txt/out.csv``). Returns the path."""
    path = Path(path)
    st = _stat(path)
    if st is not None:
        if not stat.S_ISREG(st.st_mode):
            raise OutputError(path, f"is a {_kind(st.st_mode)}, not a regular file; refused "
                                    "(kamerxref replaces only regular files)")
        for inp in inputs:
            if same_file(path, inp):
                raise OutputError(path, "is one of the input files; refused (choose another -o)")
    parent = path.parent
    for up in [parent, *parent.parents]:
        if os.path.lexists(up):
            if not up.is_dir():
                raise OutputError(path, f"{_show(str(up))} is a file, not a folder")
            break
    return path


def _fail(path: Path, err: OSError) -> OutputError:
    if isinstance(err, OutputError):
        return err
    what = err.strerror or str(err)
    if err.errno == errno.ENOTDIR:
        what = "a part of the path is a file, not a folder"
    return OutputError(err.filename or path, what, err.errno)


def write_atomic(path: str | Path, data: str | bytes | Iterable[str]) -> Path:
    """Write ``data`` to ``path`` atomically (temp file + ``os.replace``).

    ``data`` may be an iterable of text chunks, so that a 400 MB GraphML file of 10,000
    letters is streamed rather than held in memory. Text is written as UTF-8 with
    ``\\n`` line endings, whatever the platform. Only a regular file is replaced
    (:func:`check_output_file`); an ``OSError`` (read-only folder, full disk) is an
    :class:`OutputError` naming the path, and the temporary file is removed on every
    way out, SIGINT and SIGTERM included.

    A file inside the temporary folder of a :class:`SiteBuild` is written straight
    (:meth:`SiteBuild.write`): nobody sees that folder before it is swapped in whole, so
    the site is atomic as a whole and synced once before the swap, not file by file
    (10,000 letter pages were 10,000 temporary files, renames and fsyncs).
    """
    site = site_build_of(path)
    if site is not None:
        return site.write(path, data)
    path = check_output_file(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise _fail(path, err) from None
    chunks = [data] if isinstance(data, (str, bytes)) else data
    try:
        with terminating_cleanly(), os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
            fh.flush()
            os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
            check_output_file(path)  # still not a FIFO or device put there meanwhile
            os.replace(tmp, path)
    except BaseException as err:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(err, OSError):
            raise _fail(path, err) from None
        raise
    return path


class terminating_cleanly:
    """While active, SIGTERM raises ``SystemExit(143)`` in the main thread (the default
    kills the process without running ``finally`` blocks, so temporary files stayed)."""

    def __enter__(self):
        self.old = None
        try:
            if signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, None):
                self.old = signal.signal(signal.SIGTERM, _raise_exit)
        except ValueError:  # not the main thread: nothing to install
            pass
        return self

    def __exit__(self, *exc):
        if self.old is not None:
            signal.signal(signal.SIGTERM, self.old)
        return False


def _raise_exit(signum, frame):
    raise SystemExit(128 + signum)


# -- sites --------------------------------------------------------------------------------


_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2(RENAME_EXCHANGE)``); False where the
    system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    AT_FDCWD = -100
    rc = fn(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if rc != 0:
        err = ctypes.get_errno()
        if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP if hasattr(errno, "EOPNOTSUPP") else 95):
            return False
        raise OSError(err, os.strerror(err), str(b))
    return True


def _input_inside(out: Path, inputs: Iterable[str | Path]) -> str | Path | None:
    """The first input that is ``out`` or lies inside it, links followed; None if none.

    Each distinct folder of the inputs is resolved once, and a file only when it is a
    link itself: resolving 10,000 letter files one by one (an ``lstat`` per part of each
    path), and ``out`` again for each, took 0.7 s of every build."""
    root = out.resolve()
    prefix = os.path.join(str(root), "")
    folders: dict[Path, Path] = {}
    for inp in inputs:
        p = Path(inp)
        if p.name in ("", ".", "..") or p.is_symlink():
            ip = p.resolve()
        else:
            folder = folders.get(p.parent)
            if folder is None:
                folder = folders[p.parent] = p.parent.resolve()
            ip = folder / p.name
        if ip == root or str(ip).startswith(prefix):
            return inp
    return None


def check_site_folder(out: Path, inputs: Iterable[str | Path] = (),
                      entries: Iterable[str] | None = None) -> Path | None:
    """The old site at ``out`` if there is one kamerxref may replace, None if there is
    nothing; an :class:`OutputError` for anything else (a file, a FIFO, a folder with
    other files, a folder holding an input). ``entries``: the names a folder other than a
    site may hold to be replaced (``DIR/parquet``: ``nodes``, ``edges``)."""
    st = _stat(out)
    inside = _input_inside(out, inputs) if st is not None else None
    if inside is not None:
        raise OutputError(out, f"holds the input {_show(str(inside))}; refused (choose another -o)")
    for up in out.parents:
        if os.path.lexists(up):
            if not up.is_dir():
                raise OutputError(out, f"{_show(str(up))} is a file, not a folder")
            break
    if st is None:
        return None
    if not stat.S_ISDIR(st.st_mode):
        raise OutputError(out, f"is a {_kind(st.st_mode)}, not a folder; refused")
    if out.is_symlink():
        raise OutputError(out, "is a symbolic link; refused (give the folder itself)")
    try:
        names = os.listdir(out)
    except OSError as err:
        raise OutputError(out, err.strerror or str(err)) from None
    if SITE_MARKER in names:
        return out
    if entries is not None:
        ours = set(entries)
    else:
        ours = set(SITE_ENTRIES)
        try:  # every data file a build can write (formats grow: sqlite, parquet ...)
            from kamerxref.exporters import ALL_FORMATS, SITE_FOLDERS, file_name

            ours |= {file_name(f) for f in ALL_FORMATS} | set(SITE_FOLDERS)
        except ImportError:  # pragma: no cover
            pass
    foreign = sorted(n for n in names if n not in ours and not n.startswith("."))
    if foreign:
        raise OutputError(out, f"holds files kamerxref did not write ({', '.join(map(_show, foreign[:3]))}"
                               f"{', ...' if len(foreign) > 3 else ''}); refused: a build replaces the "
                               f"whole folder (choose another -o, or empty it)")
    return out if names else None


_ACTIVE: list["SiteBuild"] = []  # the builds in progress (forked writers inherit it)


def _take_lock(out: Path) -> int:
    """Hold the build lock of folder ``out`` (``.OUT.lock`` beside it, ``flock``): its file
    descriptor, closed to let go. An :class:`OutputError` when another build holds it."""
    import fcntl

    lock = out.parent / f".{out.name}.lock"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        raise _fail(out, err) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise OutputError(out, "another kamerxref build is writing this folder "
                               f"(locked: {_show(str(lock))}); try again when it is done") from None
    return fd


def _sweep_beside(out: Path) -> None:
    """Remove what a killed build of ``out`` (SIGKILL, power cut) left beside it: its
    temporary sibling ``.OUT.build-*`` and a swapped-out ``.OUT.old-*``."""
    prefix = (f".{out.name}.build-", f".{out.name}.old-")
    try:
        names = os.listdir(out.parent)
    except FileNotFoundError:
        return
    for name in names:
        if name.startswith(prefix):
            shutil.rmtree(out.parent / name, ignore_errors=True)


def _temporary_sibling(out: Path) -> Path:
    """A new empty folder ``.OUT.build-<pid>-<random>`` beside ``out``, mode 0755."""
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.build-{os.getpid()}-", dir=out.parent))
    os.chmod(tmp, 0o755)
    return tmp


def _swap_in(tmp: Path, out: Path) -> None:
    """Flush the folder ``tmp`` to disk and put it at ``out``, in one atomic exchange where
    the system has one (else two renames), then remove the folder it replaced."""
    _syncfs(tmp)
    if not os.path.lexists(out):
        os.rename(tmp, out)
        return
    if _exchange(tmp, out):
        shutil.rmtree(tmp, ignore_errors=True)  # now the old folder
        return
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    os.rename(out, old)
    os.rename(tmp, out)
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def replacing_folder(out: str | Path, lock: str | Path | None = None) -> Iterator[Path]:
    """Write the whole folder ``out`` atomically: the block gets a new empty sibling
    (``.OUT.build-<pid>-...``) to write into; when it ends without an exception, that
    folder is flushed and swapped in at ``out`` and the old one removed; when it ends in
    one (Ctrl-C, SIGTERM, a full disk, a failed worker), the sibling is removed and ``out``
    stays as it was. The build lock of ``lock`` (default: ``out``) is held meanwhile.

    ``kamerxref build DIR --scheduler ...`` writes ``DIR/parquet/`` this way, under the
    lock of ``DIR``, so it cannot interleave with a site build of the same folder::

        with replacing_folder(Path("out/parquet"), lock=Path("out")) as tmp:
            nodes.to_parquet(str(tmp / "nodes")); edges.to_parquet(str(tmp / "edges"))
    """
    out = Path(out)
    lock = Path(lock) if lock is not None else out
    with terminating_cleanly():
        fd = _take_lock(lock)
        tmp: Path | None = None
        try:
            try:
                out.parent.mkdir(parents=True, exist_ok=True)
                _sweep_beside(out)
                tmp = _temporary_sibling(out)
            except OSError as err:
                raise _fail(out, err) from None
            yield tmp
            try:
                _swap_in(tmp, out)
            except OSError as err:
                raise _fail(out, err) from None
            tmp = None
        finally:
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)
            os.close(fd)


def previous_of(path: str | Path) -> Path | None:
    """For a file being written into the temporary folder of a :class:`SiteBuild`, the
    same file in the site it replaces (None if there is none): what
    :func:`exporters.unchanged.write_unless_same` compares against and hard-links, so an
    unchanged page of a rebuild keeps its inode and modification time."""
    site = site_build_of(path)
    if site is None or site.previous is None:
        return None
    old = site.previous / Path(path).relative_to(site.tmp)
    return old if old.is_file() and not old.is_symlink() else None


def site_build_of(path: str | Path) -> "SiteBuild | None":
    """The :class:`SiteBuild` whose temporary folder ``path`` is in, if any."""
    for site in _ACTIVE:
        if site.tmp is not None and Path(path).is_relative_to(site.tmp):
            return site
    return None


def _syncfs(folder: Path) -> None:
    """Flush every file written under ``folder`` to disk: Linux ``syncfs`` on the folder's
    file system (one call, whichever process wrote the files: the forked page writers
    too), else an ``fsync`` of each file."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fn = ctypes.CDLL(None, use_errno=True).syncfs
        except (OSError, AttributeError):
            fn = None
        if fn is not None and fn(fd) == 0:
            return
    finally:
        os.close(fd)
    for root, _, files in os.walk(folder):
        for name in files:
            with open(os.path.join(root, name), "rb") as fh:
                os.fsync(fh.fileno())


class SiteBuild:
    """Build a site into a temporary sibling folder and swap it in (see the module
    docstring)::

        with SiteBuild(Path("kamerxref-out"), inputs) as site:
            write_all(G, site.tmp); write_site(G, site.tmp, today)
        # now kamerxref-out/ is the new site; the old one is gone

    Leaving the block with an exception (KeyboardInterrupt, SystemExit from SIGTERM,
    OSError of a full disk) removes the temporary folder and keeps the old site.
    """

    def __init__(self, out: str | Path, inputs: Iterable[str | Path] = ()):
        self.out = Path(out)
        self.inputs = list(inputs)
        self.previous: Path | None = None
        self.tmp: Path | None = None
        self._built: Path | None = None
        self._lock_fd: int | None = None
        self._guard = terminating_cleanly()

    # -- the lock
    def _lock(self) -> None:
        self._lock_fd = _take_lock(self.out)

    def _unlock(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing drops the flock; the file may stay (harmless)
            self._lock_fd = None

    def __enter__(self) -> "SiteBuild":
        self.previous = check_site_folder(self.out, self.inputs)
        self._guard.__enter__()
        try:
            self._lock()
            self.previous = check_site_folder(self.out, self.inputs)  # again, under the lock
            self._sweep()
            self.tmp = _temporary_sibling(self.out)
            _ACTIVE.append(self)
            if not self.reuse(SITE_MARKER):  # the old marker, mtime and all
                (self.tmp / SITE_MARKER).write_text(
                    "This folder was written by kamerxref build; the next build replaces it whole.\n",
                    encoding="utf-8")
        except BaseException as err:
            self._cleanup()
            if isinstance(err, OSError):
                raise _fail(self.out, err) from None
            raise
        return self

    def _sweep(self) -> None:
        _sweep_beside(self.out)

    def reuse(self, rel: str | Path) -> bool:
        """Put the previous site's ``rel`` into the new site unchanged (a hard link, else
        a copy); False when there is no such file to reuse."""
        if self.previous is None:
            return False
        src = self.previous / rel
        if not src.is_file() or src.is_symlink():
            return False
        dst = self.tmp / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)
        return True

    def write(self, path: Path, data: str | bytes | Iterable[str | bytes]) -> Path:
        """Write a file of the new site (under ``tmp``): straight, no temporary file, no
        fsync (see :func:`write_atomic`; :meth:`_swap` syncs the folder first). A file
        already there is unlinked first, never written through: it may be a hard link to
        the old site's file (:meth:`reuse`)."""
        path = Path(path)
        if not path.is_relative_to(self.tmp):
            raise OutputError(path, "is not a file of the site being built; refused")
        chunks = [data] if isinstance(data, (str, bytes)) else data
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
            with os.fdopen(fd, "wb") as fh:
                for chunk in chunks:
                    fh.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
            os.chmod(path, 0o644)  # whatever the umask, as write_atomic
        except OSError as err:
            raise _fail(path, err) from None
        return path

    def path(self, written: Path) -> Path:
        """Where a file written under ``tmp`` stands once the site is swapped in."""
        base, path = str(self._built or self.tmp), str(written)
        if path.startswith(base + os.sep):  # the common case, without pathlib's relative_to
            return self.out / path[len(base) + 1:]
        return self.out / Path(written).relative_to(self._built or self.tmp)

    def _swap(self) -> None:
        _swap_in(self.tmp, self.out)  # the pages were written without an fsync each (see write)

    def _cleanup(self) -> None:
        if self in _ACTIVE:
            _ACTIVE.remove(self)
        if self.tmp is not None and self.tmp.exists():
            shutil.rmtree(self.tmp, ignore_errors=True)
        self._unlock()
        self._guard.__exit__(None, None, None)

    def __exit__(self, exc_type, exc, tb):
        try:
            if exc_type is None:
                try:
                    self._swap()
                except OSError as err:
                    raise _fail(self.out, err) from None
                self._built, self.tmp = self.tmp, None
        finally:
            tmp = self.tmp
            self._cleanup()
        if isinstance(exc, OSError):
            err = _fail(self.out, exc)
            if tmp is not None and Path(err.path).is_relative_to(tmp):  # name the real path
                err = OutputError(self.out / Path(err.path).relative_to(tmp), err.message, err.errno)
            raise err from exc
        return False
