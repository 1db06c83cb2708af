"""Widgets and helpers that every page of the GUI shares."""
