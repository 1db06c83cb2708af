"""Signed bundles between offices (shared/design/bundles.md). No Qt here.

An office sends its records up as one file: a full snapshot of its subtree (its own
records and those of the offices below it that it has imported), or, once the parent has
acknowledged a bundle with a receipt, a delta holding only the rows changed since that
bundle (store/sync_changes.py keeps the log); compressed, encrypted to the parent office's
key and signed with its own. Receipts go back down, and so do the lists an office issues
to the offices below it (content "issued"). Everything is streamed: neither side holds
the raw snapshot. Modules:

- strict.py     refusals, limits, strict JSON and text checks for untrusted bytes
- crypto.py     Ed25519, X25519 + HKDF-SHA256 + ChaCha20-Poly1305, scrypt, fingerprints
- framing.py    the byte layout: magic, version, key id, header length, header, signature,
                payload (verify before parse)
- header.py     the signed header of bundles, receipts, identity files, rotation statements
- keys.py       key pairs, identity files, rotation statements, unlocking with the passphrase
- registry.py   which tables travel (derived from the schema), in foreign-key order
- issued.py     which tables an office sends down (the extension point for plans)
- payload.py    line-delimited JSON: manifest first, sections, hashes last; streamed writer
- payload_read.py  the streamed, bounded reader (bomb checks as it decompresses)
- exporter.py   full, delta or issued bundle: stream, seal, number and record an export
- verify.py     enrolled key, signature, header, payload hash
- authorise.py  every office and record inside the bundle's scope; references
- apply_rows.py one section written chunk by chunk (inserts, updates, soft deletes)
- importer.py   the import pipeline (ledger, a delta's base, the dry run)
- transaction.py  one bundle or many, each all or nothing
- receipts.py   signed receipts

The services (services/offices.py, services/bundles.py, services/office_status.py) are
the API for the GUI and the command line.

The file (all integers big-endian):

    "CADRSYNC" | version u16 = 1 | key id (16 bytes) | header length u32 | header (JSON)
    | Ed25519 signature (64) over everything before it | payload (header.payload.length)

A bundle's header names the bundle id, sequence, sender {id, code, name}, recipient {id,
key id}, created (sender's clock, shown only), schema, content (full-snapshot, delta with
its base {sequence, bundle_id}, or issued), the ephemeral X25519 key, and the payload's
length, SHA-256 and decompressed length. The payload is ChaCha20-Poly1305 over the zlib
stream of payload.py; its associated data is a SHA-256 of the header without its
"payload" part.
"""
