"""Offices for the bundle tests: a province P with two enrolled children A and B (demo
offices of 100 members, built once per session and copied per test), plus helpers to
craft bundles that the exporter would never make and to compare database contents."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from cadre_desktop.demo import generate_demo
from cadre_desktop.services import offices as office_service
from cadre_desktop.store import migrate
from cadre_desktop.store import offices as office_store
from cadre_desktop.store.db import Database, open_database
from cadre_desktop.sync import crypto, payload
from cadre_desktop.sync.exporter import collect_snapshot, seal_compressed
from cadre_desktop.sync.header import FULL, BaseRef, OfficeRef
from cadre_desktop.sync.keys import OfficeKeys, unlock
from cadre_desktop.sync.payload import Snapshot
from cadre_desktop.sync.strict import canonical

PASS = "mật khẩu thử nghiệm"
NAMES = {"P": ("TD-TN", "Tỉnh đoàn Tây Ninh"), "A": ("DP-GL", "Đoàn phường Gia Lộc"),
         "B": ("DX-TH", "Đoàn xã Tân Hưng")}


@dataclass
class Office:
    db: Database
    path: Path

    @property
    def id(self) -> str:
        return self.db.office_id

    @property
    def ref(self) -> OfficeRef:
        row = office_store.self_office(self.db)
        return OfficeRef(row.id, row.code, row.name)

    def keys(self) -> OfficeKeys:
        return unlock(self.db, PASS)


def new_office(path: Path, key: str, members: int = 0, seed: int = 1) -> Database:
    db = open_database(path)
    if members:
        generate_demo(db, members=members, seed=seed)
    code, name = NAMES.get(key, (key, f"Đơn vị {key}"))
    office_service.init_office(db, code, name, PASS, "province" if key == "P" else "office")
    return db


def link(parent: Database, child: Database) -> None:
    """Enrol both ways, the clerks having read the fingerprints to each other."""
    p_info = office_service.identity_info(parent)
    c_info = office_service.identity_info(child)
    assert p_info is not None and c_info is not None
    office_service.enrol(child, office_service.identity_file(parent), "parent",
                         p_info.fingerprint_display)
    office_service.enrol(parent, office_service.identity_file(child), "child",
                         c_info.fingerprint)


@pytest.fixture(scope="session")
def fast_scrypt() -> Iterator[None]:
    old = crypto.SCRYPT_N
    crypto.SCRYPT_N = 2**10  # the cost is stored with each key; tests need no strength
    yield
    crypto.SCRYPT_N = old


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory, fast_scrypt: None) -> Path:
    folder = tmp_path_factory.mktemp("bundle-template")
    p = new_office(folder / "P.sqlite3", "P")
    a = new_office(folder / "A.sqlite3", "A", members=100, seed=11)
    b = new_office(folder / "B.sqlite3", "B", members=100, seed=12)
    link(p, a)
    link(p, b)
    for db in (p, a, b):
        db.close()
    return folder


@pytest.fixture
def offices(template: Path, tmp_path: Path) -> Iterator[dict[str, Office]]:
    result = {}
    for key in ("P", "A", "B"):
        target = tmp_path / f"{key}.sqlite3"
        shutil.copy(template / f"{key}.sqlite3", target)
        result[key] = Office(open_database(target), target)
    yield result
    for office in result.values():
        office.db.close()


def digest(db: Database) -> str:
    """Every row of every table, in a stable order: 'unchanged in content'."""
    h = hashlib.sha256()
    tables = [r[0] for r in db.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for table in tables:
        h.update(table.encode())
        for row in sorted(db.conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr):
            h.update(repr(row).encode())
    return h.hexdigest()


def dump(db: Database) -> list[str]:
    """The schema and every row as SQL text: 'byte-for-byte unchanged in content'."""
    return list(db.conn.iterdump())


def snapshot_of(office: Office) -> Snapshot:
    return collect_snapshot(office.db, office.id)


def craft(sender: Office, receiver: Office, *, sequence: int = 1,
          snapshot: Snapshot | None = None,
          edit: Callable[[Snapshot], None] | None = None,
          plain: bytes | None = None, edit_plain: Callable[[bytes], bytes] | None = None,
          compressed: bytes | None = None, raw_length: int | None = None,
          keys: OfficeKeys | None = None, claimed: OfficeRef | None = None,
          recipient_id: str | None = None, recipient: Office | None = None,
          content: str = FULL, base: BaseRef | None = None) -> bytes:
    """A bundle from `sender` to `receiver` built by hand, so that any part can lie."""
    if compressed is None:
        if plain is None:
            snap = snapshot or snapshot_of(sender)
            if edit:
                edit(snap)
            plain = payload.encode(snap)
        if edit_plain:
            plain = edit_plain(plain)
        compressed = payload.compress(plain)
        raw_length = len(plain) if raw_length is None else raw_length
    assert raw_length is not None
    target = recipient or receiver
    identity = office_store.active_identity(target.db)
    assert identity is not None
    data, _, _ = seal_compressed(
        keys or sender.keys(), claimed or sender.ref, recipient_id or receiver.id,
        bytes.fromhex(identity.key_id), identity.enc_public, sequence, compressed, raw_length,
        migrate.current_version(sender.db.conn), content=content, base=base)
    return data


def section_rows(snap: Snapshot, name: str) -> list[tuple[Any, ...]]:
    section = snap.section(name)
    assert section is not None
    return section.rows


def replace_row(snap: Snapshot, name: str, index: int, **changes: Any) -> None:
    section = snap.section(name)
    assert section is not None
    row = list(section.rows[index])
    for column, value in changes.items():
        row[section.columns.index(column)] = value
    section.rows[index] = tuple(row)


def plain_with(snap: Snapshot,
               lines: Callable[[str, list[bytes]], list[bytes]] | None = None,
               manifest_edit: Callable[[bytes], bytes] | None = None) -> bytes:
    """The payload with some record lines replaced by raw bytes, its manifest's counts and
    its hashes made to match, so that the check under test is the one that fires."""
    blocks, manifest = [], []
    for section in [snap.offices, *snap.tables]:
        raw = [canonical(list(row)) for row in section.rows]
        if lines is not None:
            raw = lines(section.name, raw)
        blocks.append(b"".join(line + b"\n" for line in raw))
        manifest.append({"name": section.name, "columns": list(section.columns),
                         "count": len(raw)})
    head = canonical({"format": payload.PAYLOAD_FORMAT, "sections": manifest})
    if manifest_edit is not None:
        head = manifest_edit(head)
    tail = payload.trailer_line([hashlib.sha256(block).hexdigest() for block in blocks])
    return head + b"\n" + b"".join(blocks) + tail


def resign(data: bytes, keys: OfficeKeys, edit_header: Callable[[dict[str, Any]], None],
           new_payload: bytes | None = None) -> bytes:
    """Parse a framed file's header, change it, and sign it again with `keys`."""
    import json

    from cadre_desktop.sync import framing
    from cadre_desktop.sync.strict import DEFAULT_LIMITS

    frame = framing.split(data, DEFAULT_LIMITS)
    header = json.loads(frame.header)
    body = frame.payload if new_payload is None else new_payload
    if new_payload is not None:
        header["payload"]["length"] = len(body)
        header["payload"]["sha256"] = hashlib.sha256(body).hexdigest()
    edit_header(header)
    return keys.frame(canonical(header), body)
