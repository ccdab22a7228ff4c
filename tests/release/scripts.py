"""The release recipes under packaging/ are scripts, not a package: load them by path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

TOP = Path(__file__).resolve().parents[2]
PACKAGING = TOP / "packaging"


def load(relative: str) -> ModuleType:
    path = PACKAGING / relative
    name = "release_" + path.stem
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
