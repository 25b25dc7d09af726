"""The development secret key: random, made on first start and kept under VAR_DIR (mode 0600)."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

KEY_FILE_NAME = "secret_key"


def secret_key_from_var_dir(var_dir: Path) -> str:
    """Read the key kept in ``var_dir``, creating it first if there is none.

    Signing keys must never come from the repository: a fixed key lets anyone forge a session or
    a JWT. Several processes start at once (web, worker, beat), so the file is created with a
    hard link that fails if another process won the race, and every process reads the winner's.
    """
    path = var_dir / KEY_FILE_NAME
    if not path.exists():
        draft = var_dir / f".{KEY_FILE_NAME}.{os.getpid()}.{secrets.token_hex(4)}"
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(64))
            # If another process made it first, everyone uses that one.
            with contextlib.suppress(FileExistsError):
                os.link(draft, path)
        finally:
            draft.unlink(missing_ok=True)
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        path.chmod(0o600)
    key = path.read_text().strip()
    if len(key) < 50:
        raise OSError(f"{path} holds no usable key; delete it and start again")
    return key
