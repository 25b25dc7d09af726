"""Model artifact storage: JSON files under ML_MODELS_DIR, written atomically, checked by SHA-256."""

# The registry row keeps the hash; a file that no longer matches it (edited, truncated, swapped)
# is refused before a byte of it is parsed. Files are written to a temporary name in the same
# folder and renamed into place, so a reader never sees half a model.

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings

from stockvis.ml import artifacts
from stockvis.ml.models import PredictionModel


class ArtifactRefused(Exception):
    """The artifact is missing, does not match its recorded hash, or cannot be read."""


def models_dir() -> Path:
    path = Path(settings.ML_MODELS_DIR)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _resolve(relative: str) -> Path:
    root = models_dir().resolve()
    path = (root / relative).resolve()
    if root not in path.parents:
        raise ArtifactRefused(f"artifact path {relative!r} leaves the models folder")
    return path


def artifact_write(*, relative: str, payload: dict[str, Any]) -> str:
    """Write ``payload`` as the artifact ``relative``; return its SHA-256."""
    data = artifacts.dumps(payload)
    target = _resolve(relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return hashlib.sha256(data).hexdigest()


def artifact_read(model: PredictionModel) -> dict[str, Any]:
    """The model's artifact, only if its bytes hash to the recorded SHA-256."""
    path = _resolve(model.artifact_path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArtifactRefused(f"cannot read {model.artifact_path}: {exc.strerror}") from None
    digest = hashlib.sha256(data).hexdigest()
    if digest != model.artifact_sha256:
        raise ArtifactRefused(
            f"{model.artifact_path} has SHA-256 {digest[:12]}…, the registry recorded "
            f"{model.artifact_sha256[:12]}…"
        )
    try:
        return artifacts.loads(data)
    except artifacts.ArtifactError as exc:
        raise ArtifactRefused(str(exc)) from None
