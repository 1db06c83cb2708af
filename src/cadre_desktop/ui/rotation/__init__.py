"""The rotations page: candidates, proposals with overrides, the rotations and their
six-month evaluations."""
