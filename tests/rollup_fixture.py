"""A province small enough to check its roll-up by hand.

The province (Tỉnh đoàn Tây Ninh) issues a programme and a 2026 plan (its yearly estimate
50.000.000 đồng) with two targets, and sends them down to its two offices, which train
their own people and send their records up:
  coverage "60% được bồi dưỡng" (everyone, the province's programme), count "3 lớp";
  Đoàn phường Gia Lộc (DP-GL): An, Bình, Cường; class "Lớp phường" (03/2026): An and
    Bình completed, Cường not  -> 2/3 = 66,7%, met; 1 class;
  Đoàn xã Tân Hưng (DX-TH): Dung, Hoa; class "Lớp xã" (04/2026): Dung completed, Hoa
    not -> 1/2 = 50%, behind; 1 class;
  the province as a whole: 3/5 = 60%, met; 2 classes of 3, behind.
The province has Gia Lộc's first bundle (full) and Tân Hưng's full then a delta; the
roll-up is read on 31/12/2026.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bundle_helpers import PASS, Office, link, new_office
from cadre_desktop.domain.targets import TargetInput
from cadre_desktop.services import bundles, enrolment, training
from cadre_desktop.services import plans as plan_service
from cadre_desktop.services.roster import PersonForm, save_person
from cadre_desktop.store.db import Database
from cadre_desktop.store.plans import PlanInput
from cadre_desktop.store.programmes import ProgrammeInput
from cadre_desktop.store.training import ClassInput, create_class
from plan_fixture import _finish

ON = dt.date(2026, 12, 31)
PEOPLE = {"A": ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"],
          "B": ["Phạm Thị Dung", "Bùi Thị Hoa"]}
COMPLETED = {"A": ["Nguyễn Văn An", "Trần Thị Bình"], "B": ["Phạm Thị Dung"]}
CLASSES = {"A": ("Lớp phường", dt.date(2026, 3, 2)), "B": ("Lớp xã", dt.date(2026, 4, 6))}


@dataclass
class Province:
    offices: dict[str, Office]
    programme_id: str
    plan_id: str
    targets: dict[str, str]          # 'coverage', 'classes' -> target id
    people: dict[str, str]           # full name -> person id
    folder: Path

    @property
    def db(self) -> Database:
        return self.offices["P"].db


def _train(db: Database, key: str, programme_id: str) -> dict[str, str]:
    people = {name: save_person(db, PersonForm({"full_name": name, "birth": "1995"})).person_id
              for name in PEOPLE[key]}
    name, start = CLASSES[key]
    with db.write("Mở lớp") as tx:
        class_id = create_class(tx, ClassInput(programme_id, name, start.year, start_date=start,
                                               end_date=start + dt.timedelta(days=4)))
    enrolment.enrol_many(db, class_id, list(people.values()))
    _finish(db, class_id, {pid: "completed" if name in COMPLETED[key] else "not_completed"
                           for name, pid in people.items()})
    return people


def build(folder: Path) -> Province:
    p = new_office(folder / "P.sqlite3", "P")
    a = new_office(folder / "A.sqlite3", "A")
    b = new_office(folder / "B.sqlite3", "B")
    link(p, a)
    link(p, b)
    programme_id = training.save_programme(p, ProgrammeInput(
        name="Bồi dưỡng Bí thư chi đoàn", kind="title", default_hours=40))
    plan_id = plan_service.save_plan(p, PlanInput(
        "Kế hoạch bồi dưỡng năm 2026", dt.date(2026, 1, 1), dt.date(2026, 12, 31),
        number="20-KH/TĐTN", issuer="Ban Thường vụ Tỉnh đoàn"))
    plan_service.set_year(p, plan_id, 2026, 50_000_000)
    targets = {
        "coverage": plan_service.save_target(p, plan_id, TargetInput(
            "60% được bồi dưỡng", "coverage", 0.6, programmes=(programme_id,))),
        "classes": plan_service.save_target(p, plan_id, TargetInput(
            "3 lớp", "count", 3, measure="classes")),
    }
    people: dict[str, str] = {}
    for key, office in (("A", a), ("B", b)):
        code = "DP-GL" if key == "A" else "DX-TH"
        down = bundles.export_to_file(p, folder / f"down-{key}.cadre", PASS, to=code)
        bundles.import_file(office, down.path, PASS)
        people.update(_train(office, key, programme_id))
    report = bundles.import_file(p, bundles.export_to_file(a, folder / "a1.cadre", PASS).path,
                                 PASS)
    first = bundles.import_file(p, bundles.export_to_file(b, folder / "b1.cadre", PASS).path,
                                PASS)
    bundles.save_receipt(first, folder / "b1-receipt.cadre")
    bundles.import_receipt_file(b, folder / "b1-receipt.cadre")
    with b.write("Ghi chú") as tx:  # a small change: Tân Hưng's next bundle is a delta
        tx.update("person", people["Bùi Thị Hoa"], {"note": "chuyển công tác"})
    delta = bundles.export_to_file(b, folder / "b2.cadre", PASS)
    assert delta.kind == "delta" and report.kind == "full"
    bundles.import_file(p, delta.path, PASS)
    paths = {"P": folder / "P.sqlite3", "A": folder / "A.sqlite3", "B": folder / "B.sqlite3"}
    offices = {k: Office(db, paths[k]) for k, db in (("P", p), ("A", a), ("B", b))}
    return Province(offices, programme_id, plan_id, targets, people, folder)


@pytest.fixture
def province(tmp_path: Path, fast_scrypt: None) -> Iterator[Province]:
    built = build(tmp_path)
    yield built
    for office in built.offices.values():
        office.db.close()
