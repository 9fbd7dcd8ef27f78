"""The bottom layer shared by ``recording`` and ``vault``: small helpers on the standard library (and
``cryptography`` for signatures): bounded JSON reading (:mod:`common.jsonio`), the one canonical JSON
(:mod:`common.canonical`), Ed25519 signature checks and key fingerprints (:mod:`common.signing`) and
atomic writes (:mod:`common.atomic`).  It imports nothing of the project's other packages and no Qt;
everything else may import it."""
