"""The user guide shipped with the program: Markdown files in resources/guide/, one per task
(nhập danh sách, mở lớp, điểm danh, …), and pages.json saying which section each page of the
app opens with F1. Qt-free: the GUI only shows what this returns (Qt renders Markdown and
finds the images relative to `folder`).

Anchors are the file names without ".md" and stay stable: they are what pages.json, links
between sections and anything outside the program (a printed note, a message) refer to.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from cadre_desktop.domain.errors import NotFound

GUIDE_DIR = Path(__file__).resolve().parent.parent / "resources" / "guide"
INDEX = "index"
_LINK = re.compile(r"\]\(([^)#\s]+\.md)(#[^)]*)?\)")
_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


@dataclass(frozen=True)
class GuideSection:
    anchor: str
    title: str
    markdown: str
    folder: Path  # images and links are relative to it

    def images(self) -> list[str]:
        """The pictures the section shows, relative to `folder`."""
        return _IMAGE.findall(self.markdown)

    def links(self) -> list[str]:
        """The anchors of the sections it links to."""
        return [name.removesuffix(".md") for name, _fragment in _LINK.findall(self.markdown)]


def _read(path: Path) -> GuideSection:
    text = path.read_text(encoding="utf-8")
    first = text.splitlines()[0] if text else ""
    title = first.removeprefix("# ").strip() if first.startswith("# ") else path.stem
    return GuideSection(path.stem, title, text, path.parent)


def index(folder: Path = GUIDE_DIR) -> GuideSection:
    """The table of contents."""
    return _read(folder / f"{INDEX}.md")


def sections(folder: Path = GUIDE_DIR) -> list[GuideSection]:
    """The task sections in the order of the table of contents."""
    return [section(anchor, folder) for anchor in index(folder).links()]


def section(anchor: str, folder: Path = GUIDE_DIR) -> GuideSection:
    path = folder / f"{anchor}.md"
    if not re.fullmatch(r"[a-z0-9-]+", anchor) or not path.is_file():
        raise NotFound(f"Hướng dẫn không có phần '{anchor}'")
    return _read(path)


def page_sections(folder: Path = GUIDE_DIR) -> dict[str, str]:
    """Page key ('training', 'training.attendance', …) -> section anchor."""
    data = json.loads((folder / "pages.json").read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if key != "_"}


def for_page(page: str, folder: Path = GUIDE_DIR) -> GuideSection:
    """The section F1 opens on a page: the page's own ('training.attendance'), else its
    page's ('training'), else the first section of the guide."""
    pages = page_sections(folder)
    parts = page.split(".")
    for end in range(len(parts), 0, -1):
        anchor = pages.get(".".join(parts[:end]))
        if anchor is not None:
            return section(anchor, folder)
    return sections(folder)[0]
