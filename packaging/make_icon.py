"""Draw the program's icon (a roster card with the Union's star) as PNG and ICO files.

The files are committed (src/cadre_desktop/resources/icons/); run this again only to change
the drawing: `python packaging/make_icon.py`.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPolygonF

OUT = Path(__file__).resolve().parent.parent / "src" / "cadre_desktop" / "resources" / "icons"
BLUE, RED, WHITE = QColor("#1559b7"), QColor("#d62828"), QColor("#ffffff")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    card = QPainterPath()
    card.addRoundedRect(QRectF(12 * s, 12 * s, 232 * s, 232 * s), 44 * s, 44 * s)
    p.fillPath(card, BLUE)
    # The star of the Youth Union's emblem, top left.
    centre, outer, inner = QPointF(84 * s, 84 * s), 48 * s, 19 * s
    points = []
    for k in range(10):
        radius = outer if k % 2 == 0 else inner
        angle = -math.pi / 2 + k * math.pi / 5
        points.append(QPointF(centre.x() + radius * math.cos(angle),
                              centre.y() + radius * math.sin(angle)))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(WHITE)
    p.drawEllipse(centre, 60 * s, 60 * s)
    p.setBrush(RED)
    p.drawPolygon(QPolygonF(points))
    # The roster: lines of names.
    p.setBrush(WHITE)
    for y, x0 in ((72, 160), (108, 160), (156, 44), (192, 44)):
        p.drawRoundedRect(QRectF(x0 * s, y * s, (212 - x0) * s, 18 * s), 9 * s, 9 * s)
    p.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(OUT / "cadre-desktop.png"))
    draw(48).save(str(OUT / "cadre-desktop-48.png"))
    # Qt writes one image per .ico; 128 pixels scales down well and keeps the file small.
    draw(128).save(str(OUT / "cadre-desktop.ico"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
