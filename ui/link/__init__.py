"""The remote link under Qt: the asyncio loop thread the link runs on (:class:`LoopThread`), the
witness station's link runner and "Speaking to you" consumer, and the link's states in words.

The windows are the clerk console (its remote mode: ``ui.clerk.remote_panel``) and the witness
station (its remote mode: ``ui.witness.join``).  This package imports ``recording`` only (never
``desktop``): ``desktop/`` opens the vaults and the sessions and hands them in.
"""
