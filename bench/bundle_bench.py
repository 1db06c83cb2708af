"""Bundle benchmarks: `run(tmp_dir)` returns one dict per measurement.

On a demo office of 20,000 members (generate_demo: roster, classes with attendance,
rotations and evaluations, member programme, as far as the demo has them) enrolled with
an empty province:
- export (bundles.export_to_file, passphrase unlock included), median of 3, against
  SQLite's own backup of the same file (requirement: under 2 s);
- the bundle's size against the office's SQLite file (requirement: at most 30 %);
- the dry run at the province, median of 3 (under 4 s);
- the import at the province, median of 3 on fresh copies of the empty province (under 4 s);
- a province importing 30 such bundles in one go (bundles.import_files: each bundle in its
  own transaction, the write-ahead log checkpointed between them; under 2 minutes). The 30
  offices are the demo office's snapshot under 30 different office identities and keys,
  every record id moved to a per-office value (a bijection on the id's last 48 bits), each
  bundle sealed, encrypted and signed as its office would; making them is not timed.

Run alone: `PYTHONPATH=src python bench/bundle_bench.py [TMP_DIR] [--members N]
[--offices N]`.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from common import Entry, entry, print_table

from cadre_desktop.demo import generate_demo
from cadre_desktop.services import bundles
from cadre_desktop.services import offices as office_service
from cadre_desktop.store import migrate
from cadre_desktop.store import offices as office_store
from cadre_desktop.store.db import Database, now_utc, open_database
from cadre_desktop.sync import payload
from cadre_desktop.sync.exporter import collect_snapshot, seal_compressed
from cadre_desktop.sync.header import OfficeRef
from cadre_desktop.sync.keys import OfficeKeys, build_identity
from cadre_desktop.sync.payload import Section, Snapshot
from cadre_desktop.sync.registry import synchronised_tables

PASS = "mật khẩu đo hiệu năng"
RUNS = 3
MEMBERS = 20_000
OFFICES = 30


def _timed(fn: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _copy(source: Path, target: Path) -> Path:
    _remove(target)
    shutil.copy(source, target)
    return target


def _link(parent: Database, child: Database) -> None:
    p_info, c_info = office_service.identity_info(parent), office_service.identity_info(child)
    assert p_info is not None and c_info is not None
    office_service.enrol(child, office_service.identity_file(parent), "parent",
                         p_info.fingerprint)
    office_service.enrol(parent, office_service.identity_file(child), "child",
                         c_info.fingerprint)


def _backup_seconds(path: Path, tmp: Path) -> float:
    def backup() -> None:
        source, target = sqlite3.connect(path), sqlite3.connect(tmp / "backup.sqlite3")
        source.backup(target)
        source.close()
        target.close()

    seconds, _ = _timed(backup)
    (tmp / "backup.sqlite3").unlink()
    return seconds


def _moved(snapshot: Snapshot, office: OfficeRef, parent_id: str, mask: int,
           id_columns: dict[str, set[str]]) -> Snapshot:
    """The snapshot as another office's: its own ids moved, shared list ids kept."""
    own = {row[0] for s in snapshot.tables for row in s.rows}
    old_office = snapshot.offices.rows[0][0]

    def move(value: str) -> str:
        return f"{value[:-12]}{int(value[-12:], 16) ^ mask:012x}"

    mapping = {value: move(value) for value in own}
    mapping[old_office] = office.id
    tables = []
    for section in snapshot.tables:
        table_cols = [i for i, c in enumerate(section.columns) if c in id_columns[section.name]]
        rows = []
        for row in section.rows:
            values = list(row)
            for i in table_cols:
                value = values[i]
                if value is not None:
                    values[i] = mapping.get(value, value)
            rows.append(tuple(values))
        tables.append(Section(section.name, section.columns, rows))
    first = snapshot.offices.rows[0]
    office_row = (office.id, office.code, office.name, parent_id, first[4], first[5])
    return Snapshot(Section("office", snapshot.offices.columns, [office_row]), tables)


def _province_bundles(source: Database, province: Database, folder: Path, count: int,
                      first: int = 1) -> list[Path]:
    snapshot = collect_snapshot(source, source.office_id)
    identity = office_store.active_identity(province)
    assert identity is not None
    schema = migrate.current_version(source.conn)
    id_columns = {t.name: {"id", "office_id", *(c for c, _ in t.references)}
                  for t in synchronised_tables(source)}
    paths = []
    for k in range(first, first + count):
        keys = OfficeKeys.generate()
        office = OfficeRef(str(uuid.uuid4()), f"DX-{k:02d}", f"Đoàn xã số {k}")
        office_service.enrol(province, build_identity(keys, office, now_utc()), "child",
                             keys.public.fingerprint)
        moved = _moved(snapshot, office, province.office_id, 0x5A5A5A000000 + k, id_columns)
        compressed, raw = payload.write_compressed(payload.sources(moved))
        data, _, _ = seal_compressed(keys, office, province.office_id,
                                     bytes.fromhex(identity.key_id), identity.enc_public, 1,
                                     compressed, raw, schema)
        path = folder / f"office-{k:02d}.cadre"
        path.write_bytes(data)
        paths.append(path)
    return paths


def run(tmp_dir: Path, members: int = MEMBERS, offices: int = OFFICES) -> list[Entry]:
    tmp = Path(tmp_dir)
    results: list[Entry] = []
    office_path, province_path = tmp / "office.sqlite3", tmp / "province.sqlite3"
    for path in (office_path, province_path):
        _remove(path)
    office = open_database(office_path)
    generate_demo(office, members=members, seed=1)
    office_service.init_office(office, "DP-GL", "Đoàn phường Gia Lộc", PASS)
    province = open_database(province_path)
    office_service.init_office(province, "TD-TN", "Tỉnh đoàn Tây Ninh", PASS)
    _link(province, office)
    rows = sum(office.conn.execute(f'SELECT COUNT(*) FROM "{t.name}"').fetchone()[0]
               for t in synchronised_tables(office))
    province.close()
    empty_province = _copy(province_path, tmp / "province-empty.sqlite3")

    bundle = tmp / "office.cadre"
    times = [_timed(lambda: bundles.export_to_file(office, bundle, PASS))[0]
             for _ in range(RUNS)]
    office.close()
    backup = _backup_seconds(office_path, tmp)
    export_s = statistics.median(times)
    results.append(entry(f"bundle export, {members:,} members ({rows:,} rows)", export_s, "s",
                         "< 2 s", export_s < 2.0, baseline=backup,
                         baseline_is="SQLite backup of the office file"))
    size, db_size = bundle.stat().st_size, office_path.stat().st_size
    share = 100.0 * size / db_size
    results.append(entry("bundle size / office SQLite file", share, "%", "≤ 30 %", share <= 30,
                         bundle_bytes=size, database_bytes=db_size))

    province = open_database(_copy(empty_province, province_path))
    dry = statistics.median(
        _timed(lambda: bundles.preview_file(province, bundle, PASS))[0] for _ in range(RUNS))
    province.close()
    results.append(entry("bundle dry run at the province", dry, "s", "< 4 s", dry < 4.0))
    imports = []
    for _ in range(RUNS):
        province = open_database(_copy(empty_province, province_path))
        seconds, report = _timed(lambda db=province: bundles.import_file(db, bundle, PASS))
        assert report.status == "imported"
        province.close()
        imports.append(seconds)
    imported = statistics.median(imports)
    results.append(entry("bundle import at the province", imported, "s", "< 4 s",
                         imported < 4.0))

    results.append(_province(tmp, office_path, empty_province, offices))
    return results


def _province(tmp: Path, office_path: Path, empty_province: Path, count: int) -> Entry:
    folder = tmp / "offices"
    folder.mkdir(exist_ok=True)
    source = open_database(office_path, read_only=True)
    province = open_database(_copy(empty_province, tmp / "province-30.sqlite3"))
    try:
        paths = _province_bundles(source, province, folder, count)
        total, items = _timed(lambda: bundles.import_files(province, paths, PASS))
        refused = [item.error.message for item in items if item.error is not None]
        assert not refused, refused[:1]
        people = province.conn.execute("SELECT COUNT(*) FROM person").fetchone()[0]
    finally:
        source.close()
        province.close()
    return entry(f"province imports {count} bundles in one go", total, "s", "< 120 s",
                 total < 120.0, people=people,
                 province_bytes=(tmp / "province-30.sqlite3").stat().st_size)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("tmp", nargs="?", type=Path)
    parser.add_argument("--members", type=int, default=MEMBERS)
    parser.add_argument("--offices", type=int, default=OFFICES)
    args = parser.parse_args()
    if args.tmp:
        args.tmp.mkdir(parents=True, exist_ok=True)
        print_table(run(args.tmp, args.members, args.offices))
        return
    with tempfile.TemporaryDirectory() as tmp:
        print_table(run(Path(tmp), args.members, args.offices))


if __name__ == "__main__":
    main()
    sys.exit(0)
