"""The Targets page: how far the office is from its plan, the report that says so, and
the class budgets by cost item."""
