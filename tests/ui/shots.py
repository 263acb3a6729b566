"""Where the screenshot tests save their pictures: build/screenshots (ignored by git), so that
`make test` never rewrites tracked files; `make screenshots` points them at docs/screenshots."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHOTS_ENV = "POS_APP_SCREENSHOTS"
SHOTS = Path(os.environ.get(SHOTS_ENV) or REPO / "build" / "screenshots").absolute()
