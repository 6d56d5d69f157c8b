"""Files read with a cap counted as read, and written atomically through links, keeping modes."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from quiz.errors import QuizError
from quiz.files import (
    STALE_TEMP_SECONDS,
    read_capped,
    sweep_stale_temps,
    write_bytes_atomic,
    write_target,
)

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
needs_dev_zero = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")


def test_reads_a_regular_file_under_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    assert read_capped(path, 100) == b"x" * 100
    with pytest.raises(QuizError, match="too large"):
        read_capped(path, 99)


@needs_dev_zero
def test_a_device_is_refused_not_read() -> None:
    # /dev/zero reports size 0 and never ends: a size check lets it through, reading never stops.
    with pytest.raises(QuizError, match="is a device, not a deck file"):
        read_capped(Path("/dev/zero"), 10**9, what="deck file")


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets")
def test_a_socket_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    with socket.socket(socket.AF_UNIX) as server:
        try:
            server.bind(str(path))
        except OSError:
            pytest.skip("cannot bind a Unix socket here")
        with pytest.raises(QuizError, match="is a socket, not a deck file"):
            read_capped(path, 1000, what="deck file")


@needs_fifo
def test_a_pipe_without_writer_reads_empty_instead_of_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert read_capped(fifo, 1000) == b""


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="no /dev/fd")
def test_a_pipe_is_capped_by_the_bytes_read() -> None:
    read_end, write_end = os.pipe()
    written: list[int] = []

    def writer() -> None:
        try:
            with os.fdopen(write_end, "wb", buffering=0) as stream:
                for _ in range(64):
                    stream.write(b"y" * 4096)
                    written.append(4096)
        except BrokenPipeError:
            pass  # the reader stopped at the cap and closed its end

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        with pytest.raises(QuizError, match="too large"):
            read_capped(Path(f"/dev/fd/{read_end}"), 10_000)
    finally:
        os.close(read_end)
    thread.join(10)
    assert not thread.is_alive()
    assert sum(written) < 64 * 4096  # stopped reading at the cap, not at the writer's end


@needs_dev_zero
def test_quiz_check_refuses_dev_zero_in_one_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "check", "/dev/zero"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == "/dev/zero: is a device, not a deck file"


@needs_fifo
def test_quiz_check_does_not_hang_on_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "deck.yaml"
    os.mkfifo(fifo)
    # Before the cap counted bytes read, opening the pipe waited for a writer forever.
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "check", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


# Writing ---------------------------------------------------------------------------------------


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "private.yaml"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o600)
    write_bytes_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_symlink_is_written_through(tmp_path: Path) -> None:
    target = tmp_path / "real" / "deck.yaml"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    write_bytes_atomic(link, b"new")
    assert link.is_symlink()
    assert target.read_bytes() == b"new"


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(tmp_path / "later.yaml")
    write_bytes_atomic(link, b"new")
    assert link.is_symlink()
    assert (tmp_path / "later.yaml").read_bytes() == b"new"


@needs_fifo
def test_a_pipe_or_device_is_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "out.apkg"
    os.mkfifo(fifo)
    with pytest.raises(QuizError, match="is a pipe, not a file"):
        write_bytes_atomic(fifo, b"data")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    link = tmp_path / "to-null.apkg"
    link.symlink_to("/dev/null")
    with pytest.raises(QuizError, match="is a device, not a file"):
        write_target(link)


def _temp(folder: Path, name: str, age: float) -> Path:
    path = folder / f".{name}.0123456789ab.tmp"
    path.write_bytes(b"half")
    stamp = time.time() - age
    os.utime(path, (stamp, stamp))
    return path


def test_stale_temporary_files_are_swept_on_the_next_write(tmp_path: Path) -> None:
    stale = _temp(tmp_path, "d.apkg", STALE_TEMP_SECONDS * 10)
    other_file = _temp(tmp_path, "other.apkg", STALE_TEMP_SECONDS * 10)
    not_ours = tmp_path / ".d.apkg.notours.tmp"
    not_ours.write_bytes(b"x")
    write_bytes_atomic(tmp_path / "d.apkg", b"new")
    assert not stale.exists()
    assert other_file.exists() and not_ours.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".d.apkg.notours.tmp",
        ".other.apkg.0123456789ab.tmp",
        "d.apkg",
    ]


def test_a_young_or_locked_temporary_file_is_left_to_its_writer(tmp_path: Path) -> None:
    young = _temp(tmp_path, "d.apkg", 0)
    assert sweep_stale_temps(tmp_path / "d.apkg", now=time.time()) == []
    assert young.exists()
    fcntl = pytest.importorskip("fcntl")
    old = _temp(tmp_path, "e.apkg", STALE_TEMP_SECONDS * 10)
    with open(old, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # a writer still at work holds its lock
        assert sweep_stale_temps(tmp_path / "e.apkg", now=time.time()) == []
    assert old.exists()
    assert sweep_stale_temps(tmp_path / "e.apkg", now=time.time()) == [old]
