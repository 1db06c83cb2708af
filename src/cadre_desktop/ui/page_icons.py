"""The icons of the pages in the navigation, drawn here so that each says what its page is
(a house for the start page, people for the roster, a graduation cap for training, …) in
the colours of the program's own icon (packaging/make_icon.py), at any screen density.

Drawn on a 64×64 grid; `page_icon(name)` gives the icon at the navigation's sizes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

BLUE, RED, WHITE, GREY = QColor("#1559b7"), QColor("#d62828"), QColor("#ffffff"), \
    QColor("#5f6b7a")

Draw = Callable[[QPainter], None]


def _pen(p: QPainter, colour: QColor, width: float) -> None:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)


def _fill(p: QPainter, colour: QColor) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)


def _star(p: QPainter, cx: float, cy: float, outer: float, colour: QColor) -> None:
    points = []
    for k in range(10):
        radius = outer if k % 2 == 0 else outer * 0.4
        angle = -math.pi / 2 + k * math.pi / 5
        points.append(QPointF(cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    _fill(p, colour)
    p.drawPolygon(QPolygonF(points))


def _person(p: QPainter, cx: float, top: float, size: float, colour: QColor) -> None:
    """A head and shoulders, `size` tall."""
    _fill(p, colour)
    head = size * 0.34
    p.drawEllipse(QPointF(cx, top + head), head, head)
    body = QPainterPath()
    body.addRoundedRect(QRectF(cx - size * 0.5, top + size * 0.72, size, size * 0.62),
                        size * 0.3, size * 0.3)
    p.drawPath(body)


def _start(p: QPainter) -> None:
    _fill(p, BLUE)
    p.drawPolygon(QPolygonF([QPointF(32, 6), QPointF(60, 30), QPointF(4, 30)]))
    p.drawRect(QRectF(11, 28, 42, 30))
    _fill(p, WHITE)
    p.drawRoundedRect(QRectF(26, 38, 12, 20), 2, 2)
    _star(p, 32, 21, 6, RED)


def _roster(p: QPainter) -> None:
    _person(p, 42, 10, 26, GREY)
    _person(p, 24, 16, 32, BLUE)


def _training(p: QPainter) -> None:
    _fill(p, BLUE)
    p.drawPolygon(QPolygonF([QPointF(32, 10), QPointF(62, 24), QPointF(32, 38),
                             QPointF(2, 24)]))
    cap = QPainterPath()
    cap.moveTo(15, 31)
    cap.lineTo(15, 44)
    cap.cubicTo(22, 52, 42, 52, 49, 44)
    cap.lineTo(49, 31)
    cap.lineTo(32, 39)
    cap.closeSubpath()
    p.drawPath(cap)
    _pen(p, RED, 3)
    p.drawLine(QPointF(56, 27), QPointF(56, 44))
    _fill(p, RED)
    p.drawEllipse(QPointF(56, 47), 4, 4)


def _rotations(p: QPainter) -> None:
    # A cadre goes from the office (left) to a grassroots unit (right).
    _person(p, 14, 14, 22, BLUE)
    _fill(p, GREY)
    p.drawPolygon(QPolygonF([QPointF(47, 24), QPointF(62, 36), QPointF(32, 36)]))
    p.drawRect(QRectF(36, 35, 22, 21))
    _fill(p, WHITE)
    p.drawRect(QRectF(44, 44, 6, 12))
    _pen(p, RED, 4)
    arrow = QPainterPath()
    arrow.moveTo(8, 52)
    arrow.cubicTo(14, 60, 24, 60, 30, 50)
    p.drawPath(arrow)
    _fill(p, RED)
    p.drawPolygon(QPolygonF([QPointF(34, 42), QPointF(34, 55), QPointF(24, 49)]))


def _member_programme(p: QPainter) -> None:
    # A medal on its ribbon: the members' yearly effort.
    _fill(p, RED)
    p.drawPolygon(QPolygonF([QPointF(18, 4), QPointF(30, 4), QPointF(38, 30),
                             QPointF(26, 30)]))
    _fill(p, BLUE)
    p.drawPolygon(QPolygonF([QPointF(46, 4), QPointF(34, 4), QPointF(26, 30),
                             QPointF(38, 30)]))
    p.drawEllipse(QPointF(32, 42), 18, 18)
    _star(p, 32, 42, 12, WHITE)


def _send_bundle(p: QPainter) -> None:
    _fill(p, BLUE)
    p.drawRoundedRect(QRectF(4, 26, 56, 34), 4, 4)
    _pen(p, WHITE, 3)
    p.drawPolyline(QPolygonF([QPointF(7, 29), QPointF(32, 46), QPointF(57, 29)]))
    _fill(p, RED)
    p.drawPolygon(QPolygonF([QPointF(32, 2), QPointF(46, 16), QPointF(18, 16)]))
    p.drawRect(QRectF(28, 14, 8, 14))


def _offices(p: QPainter) -> None:
    _pen(p, GREY, 3)
    p.drawPolyline(QPolygonF([QPointF(32, 22), QPointF(32, 32)]))
    p.drawPolyline(QPolygonF([QPointF(10, 42), QPointF(10, 32), QPointF(54, 32),
                              QPointF(54, 42)]))
    p.drawLine(QPointF(32, 32), QPointF(32, 42))
    _fill(p, RED)
    p.drawRoundedRect(QRectF(20, 4, 24, 18), 3, 3)
    _fill(p, BLUE)
    for x in (0, 22, 44):
        p.drawRoundedRect(QRectF(x, 42, 20, 16), 3, 3)


def _office_keys(p: QPainter) -> None:
    _fill(p, BLUE)
    p.drawEllipse(QPointF(20, 24), 16, 16)
    _fill(p, WHITE)
    p.drawEllipse(QPointF(16, 20), 5, 5)
    _pen(p, BLUE, 8)
    p.drawLine(QPointF(30, 34), QPointF(54, 58))
    _pen(p, BLUE, 6)
    p.drawLine(QPointF(46, 50), QPointF(54, 42))
    p.drawLine(QPointF(38, 42), QPointF(44, 36))
    _star(p, 50, 14, 10, RED)


def _settings(p: QPainter) -> None:
    _fill(p, GREY)
    teeth = 8
    path = QPainterPath()
    for k in range(teeth * 2):
        radius = 29 if k % 2 == 0 else 22
        for half in (-1, 1):
            angle = (k + half * 0.25) * math.pi / teeth
            point = QPointF(32 + radius * math.cos(angle), 32 + radius * math.sin(angle))
            if k == 0 and half == -1:
                path.moveTo(point)
            else:
                path.lineTo(point)
    path.closeSubpath()
    hole = QPainterPath()
    hole.addEllipse(QPointF(32, 32), 9, 9)
    p.drawPath(path.subtracted(hole))


def _targets(p: QPainter) -> None:
    for radius, colour in ((28, RED), (21, WHITE), (14, RED), (7, WHITE)):
        _fill(p, colour)
        p.drawEllipse(QPointF(30, 34), radius, radius)
    _pen(p, BLUE, 4)
    p.drawLine(QPointF(30, 34), QPointF(56, 8))
    _fill(p, BLUE)
    p.drawPolygon(QPolygonF([QPointF(50, 4), QPointF(62, 2), QPointF(60, 14)]))


def _rollup(p: QPainter) -> None:
    """The offices' figures: a bar per office below against a goal line."""
    _fill(p, BLUE)
    for x, height in ((6, 30), (26, 44), (46, 20)):
        p.drawRoundedRect(QRectF(x, 60 - height, 14, height), 2, 2)
    _pen(p, RED, 4)
    p.drawLine(QPointF(2, 22), QPointF(62, 22))
    _pen(p, GREY, 3)
    p.drawLine(QPointF(2, 61), QPointF(62, 61))


DRAWINGS: dict[str, Draw] = {
    "start": _start, "roster": _roster, "training": _training, "rotations": _rotations,
    "member_programme": _member_programme, "send_bundle": _send_bundle,
    "offices": _offices, "office_keys": _office_keys, "settings": _settings,
    "targets": _targets, "rollup": _rollup,
}


def draw(name: str, size: int, ratio: float = 1.0) -> QPixmap:
    """One icon as a pixmap of `size` device-independent pixels."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size * ratio / 64, size * ratio / 64)
    DRAWINGS[name](painter)
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


@cache
def page_icon(name: str) -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64):
        icon.addPixmap(draw(name, size))
    return icon
