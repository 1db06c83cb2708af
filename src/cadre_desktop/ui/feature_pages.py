"""The pages a feature adds to the main window's navigation, in order.

A feature page is a QWidget with the signals `changed()` (office data changed: the undo
label follows), `message(str)` (for the status bar) and `navigate(str, object)` (open
another page at a target), and the methods `refresh()`, `set_database(db)` and
`open_target(target)`. `first` pages come before the roster; the others after it, before
the settings.

A page is built the first time it is shown, and refreshed only when a change touched one
of the tables it shows (`tables`, read from the audit trail by the op runner; "*" for a
page that shows a little of everything). `shown(db)`, when given, says whether the page
belongs in this office's navigation at all (the province has nothing to send up).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStyle, QWidget

from cadre_desktop.store.db import Database


@dataclass(frozen=True)
class FeaturePage:
    key: str
    title: Callable[[], str]  # called once the translators are installed
    icon: str | QStyle.StandardPixmap  # a drawing of ui.page_icons, or a style's icon
    build: Callable[[Database], QWidget]
    tables: frozenset[str]
    first: bool = False
    shown: Callable[[Database], bool] | None = None


def _start(db: Database) -> QWidget:
    from cadre_desktop.ui.start_page import StartPage

    return StartPage(db)


def _training(db: Database) -> QWidget:
    from cadre_desktop.ui.training.page import TrainingPage

    return TrainingPage(db, db.path)


def _targets(db: Database) -> QWidget:
    from cadre_desktop.ui.targets.page import TargetsPage

    return TargetsPage(db)


def _rotations(db: Database) -> QWidget:
    from cadre_desktop.ui.rotation.page import RotationPage

    return RotationPage(db)


def _member_programme(db: Database) -> QWidget:
    from cadre_desktop.ui.member_programme.page import MemberProgrammePage

    return MemberProgrammePage(db)


def _send_bundle(db: Database) -> QWidget:
    from cadre_desktop.ui.offices.send_page import SendBundlePage

    return SendBundlePage(db)


def _sends_up(db: Database) -> bool:
    from cadre_desktop.services import office_role

    return not office_role.is_top_office(db)


def _has_offices_below(db: Database) -> bool:
    from cadre_desktop.services import office_role

    return office_role.is_top_office(db) or bool(office_role.children(db))


def _rollup(db: Database) -> QWidget:
    from cadre_desktop.ui.offices.rollup_page import RollupPage

    return RollupPage(db)


def _offices(db: Database) -> QWidget:
    from cadre_desktop.ui.offices.offices_page import OfficesPage

    return OfficesPage(db)


def _office_keys(db: Database) -> QWidget:
    from cadre_desktop.ui.offices.keys_page import OfficeKeysPage

    return OfficeKeysPage(db)


EVERYTHING = frozenset({"*"})
PEOPLE = frozenset({"person", "unit", "lookup", "position_assignment", "planning", "rating",
                    "office"})
FEATURE_PAGES: list[FeaturePage] = [
    FeaturePage("start", lambda: QCoreApplication.translate("MainWindow", "Start"),
                "start", _start, EVERYTHING, first=True),
    FeaturePage("training", lambda: QCoreApplication.translate("MainWindow", "Training"),
                "training", _training,
                PEOPLE | {"programme", "training_class", "class_session", "enrolment",
                          "attendance_status", "attendance"}),
    FeaturePage("targets", lambda: QCoreApplication.translate("MainWindow", "Targets"),
                "targets", _targets,
                PEOPLE | {"programme", "training_class", "enrolment", "plan", "plan_year",
                          "plan_target", "class_budget_line", "report_draft"}),
    FeaturePage("rotations", lambda: QCoreApplication.translate("MainWindow", "Rotations"),
                "rotations", _rotations,
                PEOPLE | {"rule_setting", "rotation_plan", "rotation", "rotation_override",
                          "rotation_event", "rotation_evaluation", "rating_level",
                          "rating_scale"}),
    FeaturePage("member_programme",
                lambda: QCoreApplication.translate("MainWindow", "Member programme"),
                "member_programme", _member_programme,
                PEOPLE | {"member_programme_year", "member_criterion", "member_registration",
                          "member_registration_item", "member_self_evaluation"}),
    FeaturePage("send_bundle",
                lambda: QCoreApplication.translate("MainWindow", "Send to the province"),
                "send_bundle", _send_bundle,
                frozenset({"office", "sync_identity", "sync_office_key", "sync_export"}),
                shown=_sends_up),
    FeaturePage("offices", lambda: QCoreApplication.translate("MainWindow", "Offices"),
                "offices", _offices,
                frozenset({"office", "sync_office_key", "sync_ledger", "sync_alert",
                           "sync_export", "person", "unit"})),
    FeaturePage("rollup", lambda: QCoreApplication.translate("MainWindow", "Offices' figures"),
                "rollup", _rollup,
                PEOPLE | {"sync_office_key", "sync_ledger", "programme", "training_class",
                          "enrolment", "plan", "plan_year", "plan_target", "class_budget_line"},
                shown=_has_offices_below),
    FeaturePage("office_keys", lambda: QCoreApplication.translate("MainWindow", "Office & keys"),
                "office_keys", _office_keys,
                frozenset({"office", "sync_identity", "sync_office_key"})),
]
