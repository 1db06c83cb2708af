"""The user guide shipped with the program: every task has its section, every page of the app
opens one with F1, links and pictures resolve, the pictures are real screenshots."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from cadre_desktop.domain.errors import NotFound
from cadre_desktop.services import guide
from cadre_desktop.ui.feature_pages import FEATURE_PAGES

TASKS = ["nhap-danh-sach", "mo-lop", "diem-danh", "in-danh-sach", "cu-can-bo-di-co-so",
         "gui-bao-cao-len-tinh"]


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_every_task_has_a_section_with_a_title_in_vietnamese() -> None:
    found = {s.anchor: s for s in guide.sections()}
    assert set(TASKS) <= set(found)
    assert next(iter(found)) == "bat-dau"
    for section in found.values():
        assert section.title and section.title != section.anchor
        assert section.markdown.startswith(f"# {section.title}\n")


def test_every_page_of_the_app_opens_a_section() -> None:
    pages = guide.page_sections()
    app_pages = {spec.key for spec in FEATURE_PAGES} | {"roster", "settings"}
    assert app_pages <= set(pages), app_pages - set(pages)
    anchors = {s.anchor for s in guide.sections()}
    assert set(pages.values()) <= anchors
    assert guide.for_page("training.attendance").anchor == "diem-danh"
    assert guide.for_page("training.details").anchor == "mo-lop"
    assert guide.for_page("training.some_new_tab").anchor == "mo-lop"  # its page's
    assert guide.for_page("a_page_not_in_the_guide").anchor == "bat-dau"


def test_links_and_pictures_resolve_and_pictures_are_screenshots() -> None:
    anchors = {s.anchor for s in guide.sections()}
    shown = 0
    for section in guide.sections():
        assert set(section.links()) <= anchors, section.anchor
        for image in section.images():
            path = section.folder / image
            assert path.is_file(), f"{section.anchor}: {image} (run `make screenshots`)"
            width, height = _png_size(path)
            assert (width, height) == (1366, 768), (image, width, height)
            shown += 1
    assert shown >= len(TASKS)


def test_unknown_or_odd_anchors_are_refused() -> None:
    for anchor in ("khong-co", "../README", "index.md"):
        with pytest.raises(NotFound):
            guide.section(anchor)


def test_a_guide_folder_of_ones_own(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text("# Mục lục\n\n1. [Một](mot.md)\n", encoding="utf-8")
    (tmp_path / "mot.md").write_text("# Việc một\n\nNội dung.\n", encoding="utf-8")
    (tmp_path / "pages.json").write_text('{"start": "mot"}', encoding="utf-8")
    assert guide.for_page("start", tmp_path).title == "Việc một"
    assert guide.for_page("roster", tmp_path).anchor == "mot"
