"""Shared fixtures: the sample and corpus folders, and a warehouse loaded from the samples."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import flows  # noqa: F401 — telemetry off before Prefect or great-expectations is imported

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES = ROOT / "samples"


def pytest_sessionstart(session) -> None:
    """Under CI the shared material must be there: a test skipped for want of it proves nothing."""
    if os.environ.get("CI") == "true" and not CORPUS.is_dir():
        raise pytest.UsageError(f"CI=true but {CORPUS} is absent: clone the repo beside ../shared")


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    return CORPUS


@pytest.fixture(scope="session")
def prefect_api():
    """Flows run in this process against a throw-away local Prefect API (no network)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory, prefect_api) -> Path:
    """The samples ingested once by the flow; tests copy it rather than parse again."""
    from flows.ingest import ingest

    home = tmp_path_factory.mktemp("samples-warehouse")
    ingest(str(SAMPLES), str(home / "w.duckdb"))
    return home / "w.duckdb"


@pytest.fixture
def warehouse_copy(sample_warehouse, tmp_path) -> Path:
    target = tmp_path / "w.duckdb"
    shutil.copyfile(sample_warehouse, target)
    return target
