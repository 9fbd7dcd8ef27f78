"""The remote link's station windows: the court station (waiting room, public display, judge's
monitor, connection status) and the witness station's join flow (safety code, status).

The link itself runs on an asyncio loop in a background thread (:class:`LoopThread`); its events
reach the windows as queued Qt signals.  This package imports ``recording`` only (never ``desktop``):
``desktop/link/`` opens the vaults and the session and hands them in.
"""
