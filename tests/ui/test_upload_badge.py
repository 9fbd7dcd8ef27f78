"""The clerk console's upload badge says plainly where the evidence is (vault in an object store)."""

from ui.clerk.live_panel import upload_text
from vault.uploader import UploadState


def test_upload_badge_texts():
    assert upload_text(UploadState()) == ("All evidence is in the court store", False)
    text, bad = upload_text(UploadState(state="uploading", pending=2, bytes_pending=24 << 20))
    assert not bad and "2 recording(s)" in text and "24 MiB" in text
    text, bad = upload_text(UploadState(state="waiting", pending=1, retry_in=7.6))
    assert bad and "unreachable" in text and "kept safely on this station" in text and "8 s" in text
    text, bad = upload_text(UploadState(state="failed", pending=1, last_error="IntegrityError: part 3 differs"))
    assert bad and "part 3 differs" in text
