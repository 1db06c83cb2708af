"""The roster page: organisation tree, search, the people table and the person editor."""
