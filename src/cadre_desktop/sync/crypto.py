"""The cryptography of bundles, all from the `cryptography` package.

- Signatures: Ed25519 over the raw framing bytes (see framing.py).
- Key id: the first 16 bytes of SHA-256 over a domain tag and the signing public key.
  It is only a hint for which enrolled key to try; trust comes from the receiving
  office's own table of keys.
- Fingerprint: 30 decimal digits, SHA-256 over a domain tag and both public keys
  (signing, then encryption) taken modulo 10**30 (about 99.7 bits), read aloud as six
  groups of five.
- Encryption to an office: a fresh X25519 key pair per bundle; the shared secret with the
  recipient's X25519 public key goes through HKDF-SHA256 (salt: both public keys) to a
  ChaCha20-Poly1305 key and nonce. The key is never reused, so a derived nonce is safe.
  The associated data is supplied by the caller (header.py binds sender, recipient,
  bundle id, sequence and the rest of the header except the payload's own hash).
- Private keys at rest: scrypt (n=2**17, r=8, p=1 by default: about 128 MB and most of a
  second per guess; the parameters are stored with the sealed key, so keys sealed at an
  older, lower cost still open and are sealed again at this cost when next unlocked) from
  the NFC-normalised passphrase, then ChaCha20-Poly1305. Without the passphrase the keys
  cannot be recovered by anyone, by design.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import threading
import unicodedata
from concurrent.futures import Future
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from cadre_desktop.domain.errors import UserError

KEY_ID_LEN = 16
SIGNATURE_LEN = 64
PUBLIC_LEN = 32
FINGERPRINT_DIGITS = 30
ENCRYPTION_SCHEME = "x25519-hkdf-sha256-chacha20poly1305"

# Tests lower this to keep key creation fast; the value used is stored with each key.
SCRYPT_N = 2**17
STRONG_SCRYPT_N = 2**17  # the least cost the program seals with
_SCRYPT_R, _SCRYPT_P = 8, 1
_MAX_SCRYPT_N = 2**20

FORGOTTEN = (
    "Nếu quên mật khẩu thì không ai, kể cả người làm chương trình, mở được khóa của đơn vị: "
    "khi đó phải tạo khóa mới và nhờ đơn vị cấp trên thu hồi khóa cũ, đăng ký lại khóa mới."
)


class WrongPassphrase(UserError):
    def __init__(self) -> None:
        super().__init__(f"Mật khẩu của đơn vị không đúng. {FORGOTTEN}")


def key_id(sign_public: bytes) -> bytes:
    return hashlib.sha256(b"cadre-key-id-v1\x00" + sign_public).digest()[:KEY_ID_LEN]


def fingerprint(sign_public: bytes, enc_public: bytes) -> str:
    digest = hashlib.sha256(b"cadre-fingerprint-v1\x00" + sign_public + enc_public).digest()
    return f"{int.from_bytes(digest, 'big') % 10**FINGERPRINT_DIGITS:0{FINGERPRINT_DIGITS}d}"


def format_fingerprint(digits: str) -> str:
    return " ".join(digits[i:i + 5] for i in range(0, len(digits), 5))


def fingerprint_matches(typed: str, expected: str) -> bool:
    """The clerk may type spaces, dashes or dots between the groups."""
    digits = "".join(ch for ch in typed if ch.isdigit() and ch.isascii())
    return hmac.compare_digest(digits.encode(), expected.encode())


def public_bytes_ed(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes_raw()


def public_bytes_x(key: X25519PrivateKey) -> bytes:
    return key.public_key().public_bytes_raw()


def verify(sign_public: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(sign_public).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def _aead_key(shared: bytes, eph_public: bytes, recipient_public: bytes) -> tuple[bytes, bytes]:
    if shared == bytes(32):  # a low-order point from a hostile file
        raise ValueError("degenerate shared secret")
    okm = HKDF(algorithm=hashes.SHA256(), length=44, salt=eph_public + recipient_public,
               info=b"cadre-bundle-v1 " + ENCRYPTION_SCHEME.encode()).derive(shared)
    return okm[:32], okm[32:]


def new_ephemeral() -> tuple[X25519PrivateKey, bytes]:
    key = X25519PrivateKey.generate()
    return key, public_bytes_x(key)


def encrypt(eph: X25519PrivateKey, recipient_public: bytes, plaintext: bytes,
            aad: bytes) -> bytes:
    shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    key, nonce = _aead_key(shared, public_bytes_x(eph), recipient_public)
    return ChaCha20Poly1305(key).encrypt(nonce, plaintext, aad)


def decrypt(recipient: X25519PrivateKey, eph_public: bytes, ciphertext: bytes,
            aad: bytes) -> bytes | None:
    """The plaintext, or None when the key, the data or the associated data is wrong."""
    try:
        shared = recipient.exchange(X25519PublicKey.from_public_bytes(eph_public))
        key, nonce = _aead_key(shared, eph_public, public_bytes_x(recipient))
        return ChaCha20Poly1305(key).decrypt(nonce, ciphertext, aad)
    except (InvalidTag, ValueError):
        return None


def _scrypt(normalised: bytes, salt: bytes, n: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=_SCRYPT_R, p=_SCRYPT_P).derive(normalised)


# Derivations begun ahead of need (derive_ahead), by their inputs: the passphrase's
# SHA-256 (not the passphrase itself), the salt and the cost.
_ahead: dict[tuple[bytes, bytes, int], Future[bytes]] = {}
_ahead_lock = threading.Lock()


def _normalised(passphrase: str) -> bytes:
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_ahead(passphrase: str, salt: bytes, n: int) -> None:
    """Begin the scrypt of a sealed key on a worker thread (OpenSSL runs it without the
    interpreter lock, so the program goes on loading meanwhile); the unlock that needs
    exactly these inputs then waits for it instead of starting over. Nothing else reads it."""
    normalised = _normalised(passphrase)
    if not 2 <= n <= _MAX_SCRYPT_N:
        return
    future: Future[bytes] = Future()

    def work() -> None:
        try:
            future.set_result(_scrypt(normalised, salt, n))
        except BaseException as exc:  # handed to whoever waits for it
            future.set_exception(exc)

    with _ahead_lock:
        _ahead[(hashlib.sha256(normalised).digest(), salt, n)] = future
    threading.Thread(target=work, name="scrypt-ahead", daemon=True).start()


def forget_ahead() -> None:
    """Drop the derivations begun ahead and not taken (a command refused before its
    unlock): a derived key is kept no longer than the command that wanted it."""
    with _ahead_lock:
        _ahead.clear()


def _passphrase_key(passphrase: str, salt: bytes, n: int) -> bytes:
    normalised = _normalised(passphrase)
    with _ahead_lock:
        begun = _ahead.pop((hashlib.sha256(normalised).digest(), salt, n), None)
    return begun.result() if begun is not None else _scrypt(normalised, salt, n)


def seal_secret(secret: bytes, passphrase: str) -> str:
    salt, nonce = os.urandom(16), os.urandom(12)
    key = _passphrase_key(passphrase, salt, SCRYPT_N)
    sealed = ChaCha20Poly1305(key).encrypt(nonce, secret, b"cadre-office-keys-v1")
    return json.dumps({"kdf": "scrypt", "n": SCRYPT_N, "r": _SCRYPT_R, "p": _SCRYPT_P,
                       "salt": salt.hex(), "nonce": nonce.hex(), "sealed": sealed.hex()},
                      sort_keys=True)


def sealed_cost(blob: str) -> int:
    """The scrypt cost (n) a sealed key was sealed with; 0 when it cannot be read."""
    try:
        return int(json.loads(blob)["n"])
    except (ValueError, KeyError, TypeError):
        return 0


def needs_resealing(blob: str) -> bool:
    """Sealed at a lower cost than the program now uses (an older version's key)."""
    return 0 < sealed_cost(blob) < SCRYPT_N


def open_secret(blob: str, passphrase: str) -> bytes:
    record: dict[str, Any] = json.loads(blob)
    n = int(record["n"])
    if (record.get("kdf") != "scrypt" or not 2 <= n <= _MAX_SCRYPT_N
            or (record.get("r"), record.get("p")) != (_SCRYPT_R, _SCRYPT_P)):
        raise UserError("Khóa đã lưu có dạng không nhận ra: tệp dữ liệu có thể đã hỏng")
    key = _passphrase_key(passphrase, bytes.fromhex(record["salt"]), n)
    try:
        return ChaCha20Poly1305(key).decrypt(bytes.fromhex(record["nonce"]),
                                             bytes.fromhex(record["sealed"]),
                                             b"cadre-office-keys-v1")
    except InvalidTag as exc:
        raise WrongPassphrase() from exc
