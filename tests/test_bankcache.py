"""The bank cache: a second load skips parsing, any change to the files is a miss."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ontwikkelscan.files import bank as bank_module
from ontwikkelscan.files import bankcache
from ontwikkelscan.files.bank import load_bank
from ontwikkelscan.errors import InputError

from .conftest import QUESTIONS, BankMaker


def test_second_load_comes_from_the_cache(bank_dir: Path, _private_bank_cache: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_bank(bank_dir)
    files = list(_private_bank_cache.iterdir())
    assert len(files) == 1 and os.stat(files[0]).st_mode & 0o777 == 0o600

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(bank_module, "_inspect", no_parsing)
    second = load_bank(bank_dir)
    assert second == first
    assert second.sha256 == first.sha256 and second.items == first.items


def test_a_changed_file_is_read_again(make_bank: BankMaker) -> None:
    folder = make_bank()
    assert load_bank(folder).version == "t1"
    questions = folder / "questions.yaml"
    questions.write_text(questions.read_text().replace('"t1"', '"t2"'))
    assert load_bank(folder).version == "t2"
    questions.write_text(questions.read_text().replace("competency: beta", "competency: bèta"))
    with pytest.raises(InputError):
        load_bank(folder)


def test_a_broken_bank_is_never_cached(make_bank: BankMaker, _private_bank_cache: Path) -> None:
    folder = make_bank(questions="version: 1\n")
    with pytest.raises(InputError):
        load_bank(folder)
    assert list(_private_bank_cache.iterdir()) == []


def test_a_corrupt_or_foreign_cache_file_is_a_miss(bank_dir: Path, _private_bank_cache: Path) -> None:
    expected = load_bank(bank_dir)
    (cache_file,) = _private_bank_cache.iterdir()
    for junk in (b"", b"\x00garbage", bankcache.marshal.dumps(("other", "x", {}, {}))):
        cache_file.write_bytes(junk)
        assert load_bank(bank_dir) == expected


def test_cache_can_be_switched_off(bank_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ONTWIKKELSCAN_CACHE_DIR", "")
    assert bankcache.cache_dir() is None
    load_bank(bank_dir)
    monkeypatch.delenv("ONTWIKKELSCAN_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert bankcache.cache_dir() == tmp_path / "xdg" / "ontwikkelscan"


def test_no_cache_without_a_home_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ONTWIKKELSCAN_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(bankcache.os.path, "expanduser", lambda path: path)
    assert bankcache.cache_dir() is None


def test_two_banks_used_alternately_keep_their_own_entries(make_bank: BankMaker, _private_bank_cache: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    first_dir = make_bank(name="eerste")
    second_dir = make_bank(questions=QUESTIONS.replace('"t1"', '"t2"'), name="tweede")
    first, second = load_bank(first_dir), load_bank(second_dir)
    assert (first.version, second.version) == ("t1", "t2")
    assert len(list(_private_bank_cache.iterdir())) == 2

    parsed: list[Path] = []
    real_inspect = bank_module._inspect

    def counting(folder: Path, **kwargs: bool) -> object:
        parsed.append(folder)
        return real_inspect(folder, **kwargs)

    monkeypatch.setattr(bank_module, "_inspect", counting)
    for _ in range(3):
        assert load_bank(first_dir) == first
        assert load_bank(second_dir) == second
    assert parsed == []  # every load after the first of each bank was a cache hit
