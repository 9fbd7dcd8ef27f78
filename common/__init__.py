"""The bottom layer shared by ``recording`` and ``vault``: small, pure-Python, dependency-free helpers
(bounded JSON reading, canonical JSON, signatures, atomic writes).  It imports nothing of the project's
other packages and no Qt; everything else may import it."""
