"""Signed bundles between offices (shared/design/bundles.md). No Qt here.

An office sends its records up as one file: a full snapshot of its subtree (its own
records and those of the offices below it that it has imported), compressed, encrypted to
the parent office's key and signed with its own. Receipts go back down. Modules:

- strict.py     refusals, limits, strict JSON and text checks for untrusted bytes
- crypto.py     Ed25519, X25519 + HKDF-SHA256 + ChaCha20-Poly1305, scrypt, fingerprints
- framing.py    the byte layout: magic, version, key id, header length, header, signature,
                payload (verify before parse)
- header.py     the signed header of bundles, receipts, identity files, rotation statements
- keys.py       key pairs, identity files, rotation statements, unlocking with the passphrase
- registry.py   which tables travel (derived from the schema), in foreign-key order
- payload.py    line-delimited JSON sections + manifest, zlib, bounded decoding
- exporter.py   snapshot, seal, number and record an export
- verify.py     enrolled key, signature, header, payload hash
- authorise.py  every office and record inside the sender's subtree; references
- importer.py   the import pipeline and its single transaction (and the dry run)
- receipts.py   signed receipts

The services (services/offices.py, services/bundles.py, services/office_status.py) are
the API for the GUI and the command line.

The file (all integers big-endian):

    "CADRSYNC" | version u16 = 1 | key id (16 bytes) | header length u32 | header (JSON)
    | Ed25519 signature (64) over everything before it | payload (header.payload.length)

A bundle's header names the bundle id, sequence, sender {id, code, name}, recipient {id,
key id}, created (sender's clock, shown only), schema, the ephemeral X25519 key, and the
payload's length, SHA-256 and decompressed length. The payload is ChaCha20-Poly1305 over
zlib(payload.encode(snapshot)); its associated data is a SHA-256 of the header without
its "payload" part.
"""
