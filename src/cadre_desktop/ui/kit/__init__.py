"""What every page shares: the op runner (ops), reads off the GUI thread (queries), the
table model over column specs (table_model, paged_model) and the shared widgets."""
