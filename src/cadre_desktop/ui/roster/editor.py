"""The person editor: every field of one person, checked by the domain rules.

Errors appear under the field they concern; warnings (an ID that does not match the birth
date, a restored leading zero) appear at the bottom and must be confirmed before saving.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.errors import NotFound, UserError
from cadre_desktop.services import roster, units
from cadre_desktop.store.db import Database
from cadre_desktop.ui.errors import show_user_error
from cadre_desktop.ui.kit.fields import save_buttons
from cadre_desktop.ui.roster.editor_widgets import (
    CodeCombo,
    RatingsTable,
    error_label,
    lookup_combo,
    with_error,
)
from cadre_desktop.ui.roster.model import display_partial_date

# Fields whose errors services.roster.FieldErrors reports, each with a label under it.
ERROR_FIELDS = ["family_middle", "given_name", "gender", "birth", "citizen_id", "phone",
                "join_date", "permanent_staff", "discipline_until", "no_rotation_until",
                "ratings"]
_TEXT_FIELDS = ["family_middle", "given_name", "birth", "ethnicity", "citizen_id", "phone",
                "join_date", "discipline_until", "no_rotation_until", "note"]
_DATE_FIELDS = ["join_date", "discipline_until", "no_rotation_until"]


def _iso_to_display(value: Any) -> str:
    return format_date(dt.date.fromisoformat(value)) if value else ""


class PersonEditor(QDialog):
    saved = Signal(str)  # the person's id

    def __init__(self, db: Database, person_id: str | None = None,
                 unit_id: str | None = None, parent: QWidget | None = None,
                 read_only: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personEditor")
        self._db = db
        self._person_id = person_id
        self._shown_warnings: list[str] = []
        self._tried = False
        self.saved_name = ""
        self.edits: dict[str, QLineEdit] = {}
        self.errors = {name: error_label(name) for name in ERROR_FIELDS}
        self._build()
        if person_id is None:
            self.setWindowTitle(self.tr("New person"))
            if unit_id and self.unit.findData(unit_id) >= 0:  # not a closed unit
                self.unit.set_code(unit_id)
        else:
            self._load(person_id)
            self._add_training_history(person_id)
        if read_only is not None:
            self._show_read_only(read_only)
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))

    def _show_read_only(self, reason: str) -> None:
        """Another office owns this person (the province shows an office's people): the
        record is read, never saved here; the reason is said above it and on Save."""
        banner = QLabel(reason)
        banner.setObjectName("readOnlyReason")
        banner.setWordWrap(True)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, banner)
        for edit in self.edits.values():
            edit.setReadOnly(True)
        self.save_button.setEnabled(False)
        self.save_button.setToolTip(reason)
        self.setWindowTitle(self.tr("%1 (read only)").replace("%1", self.windowTitle()))

    # -- building ------------------------------------------------------------------------

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"field_{name}")
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(self._edited)
        edit.setMinimumWidth(edit.fontMetrics().averageCharWidth() * 28)
        self.edits[name] = edit
        return edit

    def _build(self) -> None:
        date_hint = self.tr("dd/mm/yyyy")
        self._line("family_middle")
        self._line("given_name")
        self._line("birth", self.tr("dd/mm/yyyy, mm/yyyy or yyyy"))
        self._line("ethnicity")
        self._line("citizen_id", self.tr("12 digits"))
        self._line("phone")
        for name in _DATE_FIELDS:
            self._line(name, date_hint)
        self._line("note")
        self.planning_term = QLineEdit()
        self.planning_term.setObjectName("field_planning_term")
        self.planning_term.setPlaceholderText(self.tr("term, e.g. 2025–2030"))
        self.planning_term.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 14)

        self.gender = CodeCombo([("M", self.tr("Male")), ("F", self.tr("Female"))])
        self.gender.setObjectName("field_gender")
        self.permanent_staff = CodeCombo([("yes", self.tr("Yes")), ("no", self.tr("No"))])
        self.permanent_staff.setObjectName("field_permanent_staff")
        self.unit = CodeCombo(self._unit_choices(), self.tr("(no unit)"))
        self.unit.setObjectName("field_unit")
        self.position = lookup_combo(self._db, "position")
        self.position.setObjectName("field_position")
        self.working_status = lookup_combo(self._db, "working_status")
        self.working_status.setObjectName("field_working_status")
        self.party_status = lookup_combo(self._db, "party_status")
        self.party_status.setObjectName("field_party_status")
        self.planning = lookup_combo(self._db, "position")
        self.planning.setObjectName("field_planning")
        self.theory_level = lookup_combo(self._db, "theory_level")
        self.theory_level.setObjectName("field_theory_level")
        self.education = lookup_combo(self._db, "education")
        self.education.setObjectName("field_education")
        self.ratings = RatingsTable(self._db)
        self.ratings.changed.connect(self._edited)
        for combo in (self.gender, self.permanent_staff):
            combo.currentIndexChanged.connect(self._edited)

        e, err = self.edits, self.errors
        person = QGroupBox(self.tr("Person"))
        form = QFormLayout(person)
        form.addRow(self.tr("&Family and middle name:"), with_error(e["family_middle"],
                                                                    err["family_middle"]))
        form.addRow(self.tr("&Given name:"), with_error(e["given_name"], err["given_name"]))
        form.addRow(self.tr("G&ender:"), with_error(self.gender, err["gender"]))
        form.addRow(self.tr("&Date of birth:"), with_error(e["birth"], err["birth"]))
        form.addRow(self.tr("Et&hnicity:"), e["ethnicity"])
        form.addRow(self.tr("&Citizen ID:"), with_error(e["citizen_id"], err["citizen_id"]))
        form.addRow(self.tr("&Phone:"), with_error(e["phone"], err["phone"]))
        form.addRow(self.tr("Political t&heory:"), self.theory_level)
        form.addRow(self.tr("Ed&ucation:"), self.education)
        form.addRow(self.tr("N&ote:"), e["note"])

        union = QGroupBox(self.tr("Youth Union"))
        form2 = QFormLayout(union)
        form2.addRow(self.tr("U&nit:"), self.unit)
        form2.addRow(self.tr("&Joined on:"), with_error(e["join_date"], err["join_date"]))
        form2.addRow(self.tr("Current p&osition:"), self.position)
        form2.addRow(self.tr("&Working status:"), self.working_status)
        form2.addRow(self.tr("Pe&rmanent staff:"), with_error(self.permanent_staff,
                                                             err["permanent_staff"]))
        form2.addRow(self.tr("P&arty:"), self.party_status)
        form2.addRow(self.tr("P&lanned for:"), with_error(self.planning, None,
                                                          self.planning_term))
        form2.addRow(self.tr("Disc&ipline until:"), with_error(e["discipline_until"],
                                                               err["discipline_until"]))
        form2.addRow(self.tr("No rotation &until:"), with_error(e["no_rotation_until"],
                                                               err["no_rotation_until"]))
        form2.addRow(self.tr("Ratings:"), with_error(self.ratings, err["ratings"]))

        self.warnings_panel = QFrame()
        self.warnings_panel.setObjectName("warningsPanel")
        self.warnings_panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.warnings_panel.setStyleSheet("#warningsPanel { background: #fff4ce; }")
        self.warnings_text = QLabel()
        self.warnings_text.setObjectName("warningsText")
        self.warnings_text.setWordWrap(True)
        self.confirm_warnings = QCheckBox(self.tr("I have checked these warnings; save anyway"))
        self.confirm_warnings.setObjectName("confirmWarnings")
        panel = QVBoxLayout(self.warnings_panel)
        panel.addWidget(self.warnings_text)
        panel.addWidget(self.confirm_warnings)
        self.warnings_panel.setVisible(False)

        self.buttons, self.save_button = save_buttons(self, self.save)
        self.save_button.setDefault(True)

        columns = QHBoxLayout()
        columns.addWidget(person, 1)
        columns.addWidget(union, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.warnings_panel)
        layout.addWidget(self.buttons)
        e["family_middle"].setFocus()

    def _unit_choices(self) -> list[tuple[str, str]]:
        """Units in use, indented under their parents; closed units are left out (a person
        already in one keeps it, see _load)."""
        found = units.list_units(self._db)
        by_parent: dict[str | None, list[units.Unit]] = {}
        for unit in found:
            by_parent.setdefault(unit.parent_id if unit.parent_id in {u.id for u in found}
                                 else None, []).append(unit)
        choices: list[tuple[str, str]] = []

        def walk(parent: str | None, depth: int) -> None:
            for unit in by_parent.get(parent, []):
                if unit.active:
                    choices.append((unit.id, "    " * depth + unit.name))
                walk(unit.id, depth + 1)

        walk(None, 0)
        return choices

    def _add_training_history(self, person_id: str) -> None:
        """The classes the person took part in, read-only, under the fields."""
        from cadre_desktop.ui.training.history import TrainingHistoryBox

        self.training_history = TrainingHistoryBox(self._db, person_id)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.training_history)

    # -- loading and reading back --------------------------------------------------------

    def _load(self, person_id: str) -> None:
        detail = roster.get_person(self._db, person_id)
        if detail is None:
            raise NotFound(self.tr("This person no longer exists."))
        v = detail.values
        self.setWindowTitle(self.tr("Edit %1").replace("%1", v["full_name"]))
        e = self.edits
        for name in ("family_middle", "given_name", "ethnicity", "citizen_id", "phone", "note"):
            e[name].setText(v[name] or "")
        e["birth"].setText(display_partial_date(v["birth_date"]))
        for name in _DATE_FIELDS:
            e[name].setText(_iso_to_display(v[name]))
        self.gender.set_code(v["gender"])
        staff = v["permanent_staff"]
        self.permanent_staff.set_code(None if staff is None else ("yes" if staff else "no"))
        if v["unit_id"] and self.unit.findData(v["unit_id"]) < 0:
            closed = units.get_unit(self._db, v["unit_id"])
            self.unit.addItem(closed.name if closed else v["unit_id"], v["unit_id"])
        self.unit.set_code(v["unit_id"])
        self.working_status.set_code(v["working_status"])
        self.party_status.set_code(v["party_status"])
        self.theory_level.set_code(v["theory_level"])
        self.education.set_code(v["education"])
        self.position.set_code(detail.current_position)
        if detail.planning:
            _entry, code, term = detail.planning[0]
            self.planning.set_code(code)
            self.planning_term.setText(term)
        self.ratings.set_ratings(detail.ratings)

    def form(self) -> roster.PersonForm:
        raw: dict[str, Any] = {name: self.edits[name].text() for name in _TEXT_FIELDS}
        staff = self.permanent_staff.code()
        raw.update({
            "gender": self.gender.code(),
            "unit_id": self.unit.code(),
            "working_status": self.working_status.code(),
            "permanent_staff": None if staff is None else staff == "yes",
            "party_status": self.party_status.code(),
            "theory_level": self.theory_level.code(),
            "education": self.education.code(),
        })
        return roster.PersonForm(
            raw=raw, position_code=self.position.code(), planning_code=self.planning.code(),
            planning_term=self.planning_term.text().strip(), ratings=self.ratings.ratings())

    # -- checking and saving -------------------------------------------------------------

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)

    def _edited(self) -> None:
        # Once a save has been tried, keep the messages in step with what is typed.
        if self._tried:
            self._check()

    def _check(self) -> tuple[dict[str, str], list[str]]:
        form = self.form()
        result = roster.check(form)
        errors = dict(result.errors)
        duplicates = self.ratings.duplicate_years()
        if duplicates:
            errors["ratings"] = self.tr("Each year can have only one rating: %1").replace(
                "%1", ", ".join(str(y) for y in duplicates))
        self.show_errors(errors)
        warnings = list(result.warnings)
        if result.person:
            self.saved_name = result.person.full_name
        if result.person and result.person.citizen_id:
            other = roster.find_by_citizen_id(self._db, result.person.citizen_id)
            if other and other != self._person_id:
                detail = roster.get_person(self._db, other)
                name = detail.values["full_name"] if detail else other
                warnings.append(self.tr("Another person already has this citizen ID: %1")
                                .replace("%1", name))
        if warnings != self._shown_warnings:
            self._shown_warnings = warnings
            self.confirm_warnings.setChecked(False)
        self.warnings_text.setText("\n".join(f"• {w}" for w in warnings))
        self.warnings_panel.setVisible(bool(warnings))
        return errors, warnings

    def save(self) -> None:
        self._tried = True
        errors, warnings = self._check()
        if errors:
            self._focus_first_error(errors)
            return
        if warnings and not self.confirm_warnings.isChecked():
            self.confirm_warnings.setFocus()
            return
        try:
            result = roster.save_person(self._db, self.form(), self._person_id)
        except roster.FieldErrors as exc:
            self.show_errors(exc.errors)
            return
        except UserError as exc:
            show_user_error(self, exc)
            return
        self._person_id = result.person_id
        self.saved.emit(result.person_id)
        self.accept()

    def _focus_first_error(self, errors: dict[str, str]) -> None:
        widgets: dict[str, QWidget] = {**self.edits, "gender": self.gender,
                                       "permanent_staff": self.permanent_staff,
                                       "ratings": self.ratings.table}
        for name in ERROR_FIELDS:
            if name in errors and name in widgets:
                widgets[name].setFocus()
                return

    @property
    def person_id(self) -> str | None:
        return self._person_id

