"""On-disk formats of the vault: chunked AEAD stream, recipient stanzas, canonical JSON headers."""
