"""Each page of the navigation has its own drawn icon (not a generic one of the style)."""

from __future__ import annotations

from PySide6.QtGui import QImage

from cadre_desktop.ui.feature_pages import FEATURE_PAGES
from cadre_desktop.ui.main_window import MainWindow
from cadre_desktop.ui.page_icons import DRAWINGS, draw, page_icon
from gui_support import OFFSCREEN_NOISE

pytest_plugins = ["gui_fixtures"]
pytestmark = OFFSCREEN_NOISE


def painted_share(image: QImage) -> float:
    painted = sum(1 for y in range(image.height()) for x in range(image.width())
                  if image.pixelColor(x, y).alpha() > 0)
    return painted / (image.width() * image.height())


def test_every_drawing_is_its_own_and_fills_its_square(qapp: object) -> None:
    images = {name: draw(name, 32).toImage() for name in DRAWINGS}
    for name, image in images.items():
        assert 0.2 < painted_share(image) < 0.9, name
    assert len({bytes(image.constBits()) for image in images.values()}) == len(images)
    # sharp on a dense screen: drawn for the pixels it has
    dense = draw("training", 24, 2.0)
    assert (dense.width(), dense.height(), dense.devicePixelRatio()) == (48, 48, 2.0)


def test_the_navigation_shows_each_page_with_its_drawing(window: MainWindow) -> None:
    keys = [spec.key for spec in FEATURE_PAGES if spec.first] + ["roster"] + [
        spec.key for spec in FEATURE_PAGES if not spec.first] + ["settings"]
    assert set(keys) <= set(DRAWINGS)
    nav = window.navigation
    assert nav.count() == len(keys)
    for row, key in enumerate(keys):
        shown = nav.item(row).icon().pixmap(24, 24).toImage()
        assert shown == page_icon(key).pixmap(24, 24).toImage(), key
