"""Offices and bundles: identity and keys, sending to the province, the offices below."""
