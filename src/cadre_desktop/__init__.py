"""Cadre Desktop: roster, training and reporting for Youth Union offices."""

__version__ = "0.1.0"
