"""Integration tests open real sockets (WebRTC, signalling, object stores): collect the garbage after
each one, so a socket a test left open is reported (ResourceWarning → error) by the test that leaked
it, not by whichever later test the collector happens to run in."""

import gc

import pytest


@pytest.fixture(autouse=True)
def _collect_leaks():
    yield
    gc.collect()


@pytest.fixture
def turn(tmp_path):
    """A real coturn on loopback (tests/helpers/coturn.py); tests using it skip without ``turnserver``."""
    from tests.helpers.coturn import SECRET, Coturn

    t = Coturn(tmp_path / "coturn", SECRET)
    t.start()
    yield t
    t.stop()
