"""The remote-link commands: ``testimony-shield court``, ``witness`` and ``interpreter`` (and, with the
relay issue, ``relay``).

- :mod:`desktop.link.cli` — the command-line options of each command;
- :mod:`desktop.link.court` — the court station (headless and windowed) with one :class:`CourtWiring`;
- :mod:`desktop.link.witness` — the witness station (headless and windowed);
- :mod:`desktop.link.interpreter` — the remote interpreter station (headless);
- :mod:`desktop.link.summary` — the JSON summaries, messages and exit codes they share.

The link itself is Qt-free and vault-free in :mod:`recording.transport`; this package opens the
vaults and the live session and hands them in.
"""
