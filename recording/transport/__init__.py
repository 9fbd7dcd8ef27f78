"""The remote link between the witness station and the court station (Qt-free, vault-free).

- :mod:`recording.transport.invite` — the signed, expiring, one-time invitation file;
- :mod:`recording.transport.signalling` — join / waiting room / offer-answer over JSON lines (asyncio TCP);
- :mod:`recording.transport.witness` — media tracks fed from the witness pipeline (masked audience only);
- :mod:`recording.transport.court` — the court's receiver: counts, watches for stalls, records.

The wire protocol and the security properties are described in docs/link-protocol.md.
"""
