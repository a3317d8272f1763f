from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from sot.search import store


@pytest.fixture(autouse=True)
def search_index_dir(settings, tmp_path: Path) -> Iterator[Path]:
    """Each test gets empty indexes of its own."""
    root = tmp_path / "search-index"
    settings.SOT_SEARCH_INDEX_DIR = root
    store.forget_indexes()
    yield root
    store.forget_indexes()
    shutil.rmtree(root, ignore_errors=True)
