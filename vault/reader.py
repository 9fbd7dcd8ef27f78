"""The decrypting, seekable reader of a sealed recording (docs/vault-format.md §4, §6): builds the
offsets of every record from the signed index once, then decrypts only the records a read touches
(LRU cache).  It reads through a ``Blob`` (a local file, or range requests to an object store), so a
player seeks without downloading the recording and nothing plaintext touches the disk."""

from __future__ import annotations

import bisect
import collections
import contextlib
import io
import threading
from typing import Any

from .errors import IntegrityError
from .format import stream as st
from .format.canonical import b64d
from .layout import U32, unpack_index
from .storage.base import Blob

_U32 = U32


class RecordingReader(io.RawIOBase):
    """Seekable, read-only view of a sealed recording's plaintext; decrypts chunks on demand (LRU cache).
    Any authentication failure raises IntegrityError; wrong plaintext is never returned."""

    def __init__(self, blob: Blob, rec_id: str, signed: dict, data_key: bytes, cache_chunks: int = 8):
        """``blob``: the recording's data.tsv (the reader owns it and closes it)."""
        super().__init__()
        self.id = rec_id
        self._what = f"recordings/{rec_id}/data.tsv"
        self._blob = blob
        try:
            self._fhdr = b64d(signed["stream_header"])
            if blob.pread(st.FILE_HEADER_LEN, 0) != self._fhdr:
                raise IntegrityError(f"{self._what}: stream header differs from the signed header")
            if blob.size() != signed["data_size"]:
                raise IntegrityError(f"{self._what}: size differs from the signed header (truncated or extended)")
            self._cipher = st.StreamCipher(data_key, self._fhdr)
            self._lens = unpack_index(signed["index"])
            self._recovered = bool(signed["recovered"])
        except BaseException:
            blob.close()
            raise
        self._file_off: list[int] = []
        self._pt_off: list[int] = []
        f, p = st.FILE_HEADER_LEN, 0
        for n in self._lens:
            self._file_off.append(f)
            self._pt_off.append(p)
            f += st.PREFIX_LEN + n + st.HASH_LEN
            p += n - st.TAG_LEN
        self._size = p
        self._pos = 0
        self._cache: collections.OrderedDict[int, bytes] = collections.OrderedDict()
        self._cache_max = cache_chunks
        self._lock = threading.Lock()
        self._pool: Any = None

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def size(self) -> int:
        return self._size

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_SET:
            pos = offset
        elif whence == io.SEEK_CUR:
            pos = self._pos + offset
        elif whence == io.SEEK_END:
            pos = self._size + offset
        else:
            raise ValueError("invalid whence")
        if pos < 0:
            raise ValueError("negative seek position")
        self._pos = pos
        return pos

    def _load(self, i: int) -> bytes:
        """Record i, read and authenticated (never cached here)."""
        n = self._lens[i]
        raw = self._blob.pread(st.PREFIX_LEN + n, self._file_off[i])
        if len(raw) != st.PREFIX_LEN + n or raw[: st.PREFIX_LEN] != _U32.pack(n):
            raise IntegrityError(f"{self._what}: chunk {i} length prefix differs from the signed index")
        last = i == len(self._lens) - 1 and not self._recovered
        return self._cipher.open_record(i, raw[st.PREFIX_LEN:], last, self._what)

    def _keep(self, i: int, c: bytes) -> None:
        self._cache[i] = c
        if len(self._cache) > self._cache_max:
            self._cache.popitem(last=False)

    def _chunk(self, i: int) -> bytes:
        c = self._cache.get(i)
        if c is not None:
            self._cache.move_to_end(i)
            return c
        c = self._load(i)
        self._keep(i, c)
        return c

    def _prefetch(self, pos: int, want: int) -> None:
        """A remote blob: fetch the records a read spans at the same time (a seek that lands near the
        end of a record needs two range requests; waiting for them one after the other doubles it)."""
        if want <= 0:
            return
        i0 = bisect.bisect_right(self._pt_off, pos) - 1
        i1 = bisect.bisect_right(self._pt_off, pos + want - 1) - 1
        missing = [i for i in range(i0, min(i1, i0 + 3) + 1) if i not in self._cache]
        if len(missing) < 2:
            return
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(4, thread_name_prefix=f"reader-{self.id}")
        for i, c in zip(missing, self._pool.map(self._load, missing), strict=True):
            self._keep(i, c)

    def readinto(self, b) -> int:
        if self.closed:
            raise ValueError("I/O operation on closed reader")
        with self._lock:
            mv = memoryview(b).cast("B")
            want = min(len(mv), max(0, self._size - self._pos))
            if getattr(self._blob, "remote", False):
                self._prefetch(self._pos, want)
            done = 0
            while done < want:
                i = bisect.bisect_right(self._pt_off, self._pos) - 1
                c = self._chunk(i)
                off = self._pos - self._pt_off[i]
                k = min(want - done, len(c) - off)
                if k <= 0:  # empty chunk (e.g. an empty final record)
                    break
                mv[done: done + k] = c[off: off + k]
                done += k
                self._pos += k
            return done

    def read(self, n: int = -1) -> bytes:
        if n is None or n < 0:
            n = max(0, self._size - self._pos)
        buf = bytearray(min(n, max(0, self._size - self._pos)))
        k = self.readinto(buf)
        return bytes(buf[:k])

    def readall(self) -> bytes:
        return self.read(-1)

    def close(self) -> None:
        if not self.closed:
            with contextlib.suppress(OSError):
                self._blob.close()
            if self._pool is not None:
                self._pool.shutdown(wait=False)
            self._cache.clear()
        super().close()
