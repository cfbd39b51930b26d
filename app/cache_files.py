"""What the server keeps in its cache directory (``NKW_CACHE_DIR``) to start faster: never needed, only used.

Several workers start at once and may write the same file; each writes a temporary file and renames it into
place, so no reader ever sees half a file. A directory that cannot be written is simply not used.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` whole or not at all; whether it was written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True
