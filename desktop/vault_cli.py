"""``testimony-shield vault ...``: init, identity, list, info, verify, audit, export, share, notes, shred.

Passphrases come from ``--passphrase-file``, ``TESTIMONY_SHIELD_PASSPHRASE`` or a prompt on a terminal.
Errors print one line on stderr and exit with the error's ``exit_code``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common.clock import format_clock
from desktop import validate
from desktop.export_policy import EXPORT_POLICY, Transform
from desktop.options import add_vault_option, vault_or
from desktop.passphrase import NoPassphrase, new_passphrases, read_passphrase
from recording.errors import RecordingError
from vault.errors import VaultError, WrongPassphrase
from vault.storage import is_remote
from vault.store import DEFAULT_ROLES, STATION, Vault, verify_vault

EXIT_NO_PASSPHRASE = 2


def register(subparsers, default_vault: Path | None = None) -> argparse.ArgumentParser:
    default_vault = Path(default_vault) if default_vault else Path("vault")
    vp = subparsers.add_parser("vault", help="the sealed evidence vault: list, verify, audit, export, shred")
    vsub = vp.add_subparsers(dest="vault_command", metavar="SUBCOMMAND")
    vp.set_defaults(func=lambda a: (vp.print_help(), 0)[1])

    def add(name: str, help_: str, func: Callable[[argparse.Namespace], int], role: bool = True):
        sp = vsub.add_parser(name, help=help_)
        add_vault_option(sp, f"vault folder, or s3://bucket/prefix for an object store (default: {default_vault})")
        if role:
            sp.add_argument("--role", type=validate.role, default="judge", help="role to unlock (default: judge)")
            sp.add_argument("--passphrase-file", type=validate.path, default=None,
                            help="file holding the passphrase (else TESTIMONY_SHIELD_PASSPHRASE_<ROLE>, else "
                                 "TESTIMONY_SHIELD_PASSPHRASE, else a prompt)")
        sp.set_defaults(func=_wrap(func, default_vault))
        return sp

    p = add("init", "create a vault: roles judge, clerk, defence + station, each with its own passphrase "
                    "(TESTIMONY_SHIELD_PASSPHRASE_<ROLE>, or typed twice on a terminal)", _init, role=False)
    p.add_argument("--retention-days", type=float, default=None, metavar="N",
                   help="keep recordings N days: Object Lock in a store, no crypto-shredding before "
                        "(default: 2557 in an object store, none in a folder)")
    p.add_argument("--retention-mode", choices=("COMPLIANCE", "GOVERNANCE"), default="COMPLIANCE",
                   help="Object Lock mode (default COMPLIANCE: not even the store's admin can delete)")
    p = add("sync", "upload what this station still keeps locally to the vault's object store", _sync)
    p.add_argument("--timeout", type=float, default=300.0, help="give up after this many seconds (default 300)")
    p.set_defaults(role="station")
    p = add("identity", "list roles and key fingerprints; change a role's passphrase", _identity)
    p.add_argument("--change-passphrase", action="store_true",
                   help="change the passphrase of --role (new one from TESTIMONY_SHIELD_NEW_PASSPHRASE or a prompt)")
    p = add("list", "list recordings", _list, role=False)
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p = add("info", "show the header of one recording", _info, role=False)
    p.add_argument("id", type=validate.record_id)
    p = add("verify", "check every file of the vault (no passphrase needed)", _verify, role=False)
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--expect-head", default=None, metavar="HEAD",
                   help="the trail must contain this head (ENTRIES:HASH from `vault head`, or HASH), kept elsewhere")
    p = add("head", "print the audit trail's head (ENTRIES:HASH) to keep or publish outside the vault", _head,
            role=False)
    p.add_argument("--json", action="store_true")
    p = add("recover", "seal this station's recordings a crash left unsealed; quarantine unknown folders", _recover,
            role=False)
    p.add_argument("--passphrase-file", type=validate.path, default=None,
                   help="file holding the station passphrase (else TESTIMONY_SHIELD_PASSPHRASE_STATION, else "
                        "TESTIMONY_SHIELD_PASSPHRASE, else a prompt)")
    p = add("audit", "print the audit trail", _audit, role=False)
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p = add("export", "export a recording: --plain -o FILE --reason TEXT, or --to ROLE", _export)
    p.add_argument("id", type=validate.record_id)
    p.add_argument("--plain", action="store_true", help="write decrypted media to -o (audited)")
    p.add_argument("-o", "--output", type=validate.path, default=None,
                   help="a new file outside the vault (never overwritten)")
    p.add_argument("--to", type=validate.role, default=None,
                   help="a new recording for this role only (masked sources; watermarked unless ROLE is judge)")
    p.add_argument("--no-watermark", action="store_true", help="with --to judge: copy without a watermark")
    p.add_argument("--reason", default=None, help="why (recorded in the audit trail)")
    p = add("share", "let another role open a recording until a time (judge only, audited)", _share)
    p.add_argument("id", type=validate.record_id)
    p.add_argument("--to", type=validate.role, required=True, help="the role to share with (e.g. defence)")
    p.add_argument(
        "--expires",
        type=validate.expiry,
        required=True,
        help=f"ISO 8601 time with zone, e.g. 2026-07-01T17:00Z (at most {validate.MAX_SHARE_DAYS} days ahead)",
    )
    p.add_argument("--reason", required=True)
    p = add("shares", "list shares (and revoke one with --revoke ID --reason TEXT)", _shares)
    p.add_argument("id", nargs="?", type=validate.record_id, default=None)
    p.add_argument("--revoke", type=validate.share_id, default=None, metavar="SHARE_ID")
    p.add_argument("--expire", action="store_true", help="revoke every expired share")
    p.add_argument("--reason", default=None)
    p.add_argument("--json", action="store_true")
    p = add("notes", "the unlocked role's private notes on a recording; --add TEXT --at SECONDS", _notes)
    p.add_argument("id", type=validate.record_id)
    p.add_argument("--add", default=None, metavar="TEXT")
    p.add_argument("--at", type=validate.offset, default=0.0, help="playback position of the new note (seconds)")
    p.add_argument("--json", action="store_true")
    p = add("import", "import a remote witness station's delivery bundle (checked completely first; "
                      "docs/delivery.md)", _import, role=False)
    p.add_argument("bundle", type=Path, nargs="?", default=None, help="the delivery bundle file")
    p.add_argument("--inbox", default=None, metavar="s3://BUCKET/PREFIX",
                   help="instead of a file: every bundle waiting for this vault in the court store's inbox")
    p.add_argument("--passphrase-file", type=Path, default=None,
                   help="file holding the station passphrase (else TESTIMONY_SHIELD_PASSPHRASE, else a prompt)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p = add("bundle", "a remote witness station: bundle its recordings of a hearing for the court "
                      "(docs/delivery.md)", _bundle, role=False)
    p.add_argument("--link-session", required=True, metavar="ID", help="the hearing's link session id")
    p.add_argument("-o", "--output", type=Path, required=True, help="the bundle file to write")
    p.add_argument("--passphrase-file", type=Path, default=None,
                   help="file holding the station passphrase (else TESTIMONY_SHIELD_PASSPHRASE, else a prompt)")
    p = add("shred", "destroy a recording's keys (judge only, audited); lists the copies and notes that stay",
            _shred)
    p.add_argument("id", type=validate.record_id)
    p.add_argument("--reason", required=True)
    p.add_argument("--with-derived", action="store_true",
                   help="also shred the copies made from it and destroy the notes on them")
    p = add("retain", "keep the vault's evidence (or some recordings) longer: Object Lock extended, shredding "
                      "refused until then (judge only, audited)", _retain)
    p.add_argument("ids", nargs="*", type=validate.record_id, metavar="ID", help="only these recordings")
    p.add_argument("--days", type=float, required=True, help="keep it at least this many days from now")
    p.add_argument("--reason", required=True, help="why (recorded in the audit trail)")
    return vp


def _wrap(func: Callable[[argparse.Namespace], int],
          default_vault: Path = Path("vault")) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        args.vault = vault_or(args, default_vault)
        try:
            return int(func(args) or 0)
        except VaultError as e:
            print(f"error: {e}", file=sys.stderr)
            return e.exit_code
        except NoPassphrase as e:
            print(f"error: {e}", file=sys.stderr)
            return EXIT_NO_PASSPHRASE
        except RecordingError as e:  # e.g. the decrypted media cannot be remuxed
            print(f"error: {e}", file=sys.stderr)
            return 2
        except BrokenPipeError:  # `| head`: desktop.cli ends quietly
            raise
        except OSError as e:  # a file named on the command line (never a traceback)
            print(f"error: {getattr(e, 'filename', '') or ''} {e.strerror or type(e).__name__}".replace("  ", " "),
                  file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            return 130
    return run


def _passphrase(args: argparse.Namespace, what: str | None = None) -> str:
    """The passphrase of role ``what`` (default ``--role``): the role's own variable first."""
    role = what or args.role
    # --passphrase-file is the passphrase of the role the subcommand unlocks (--role, or the station for
    # subcommands without --role, e.g. import)
    pfile = getattr(args, "passphrase_file", None) if role == getattr(args, "role", role) else None
    return read_passphrase(pfile, prompt=f"Passphrase for role '{role}': ", role=role)


def _open(args: argparse.Namespace) -> Vault:
    """The vault, with a warning when its trail is not the one this station saw (it went backwards)."""
    v = Vault.open(args.vault)
    if v.rolled_back:
        print(f"WARNING: {v.rolled_back} (see `vault verify`)", file=sys.stderr)
    return v


def _unlock(v: Vault, args: argparse.Namespace):
    try:
        return v.unlock(args.role, _passphrase(args))
    except WrongPassphrase:
        raise WrongPassphrase(f"wrong passphrase for role '{args.role}'") from None


def _import(args: argparse.Namespace) -> int:
    """Adopt the witness station's own recordings into this (the court's) vault; nothing is decrypted.
    Exit 11 when the bundle is refused (malformed, tampered with, for another vault or hearing)."""
    from vault.bundle import BundleRefused, import_bundle

    if (args.bundle is None) == (args.inbox is None):
        raise VaultError("give a bundle file or --inbox s3://bucket/prefix (one of them)")
    v = (
        Vault.open_or_init(args.vault, _passphrase(args, "station"))
        if Vault.exists(args.vault)
        else Vault.open(args.vault)
    )
    if args.inbox is not None:
        from desktop.delivery import import_inbox

        got = import_inbox(v, args.inbox)
        if args.json:
            print(json.dumps({"imported": got.imported, "already": got.already, "refused": got.refused}))
        else:
            for rid in got.imported:
                print(f"imported {rid} (a witness station's own recording, from the store's inbox)")
            print(f"{len(got.already)} already in this vault")
            for key, why in got.refused.items():
                print(f"refused {key}: {why}", file=sys.stderr)
        if got.refused:
            raise BundleRefused(f"{len(got.refused)} object(s) in the inbox were refused (the others imported)")
        return 0
    res = import_bundle(v, args.bundle)
    if args.json:
        print(json.dumps({"imported": res.imported, "already": res.already, "link_session": res.link_session,
                          "case_number": res.case_number, "received": res.received}))
        return 0
    for rid in res.imported:
        print(f"imported {rid} (case {res.case_number}, the witness station's own recording)")
    for rid in res.already:
        print(f"{rid}: already in this vault")
    if res.received:
        print(f"linked to the recording the court received over the link: {', '.join(res.received)}")
    return 0


def _bundle(args: argparse.Namespace) -> int:
    """Export the station's recordings of one hearing (encrypted to the court) as a delivery bundle."""
    from vault.bundle import deliverable, export_bundle
    from vault.store import STATION

    v = Vault.open(args.vault)
    ids = deliverable(v, args.link_session)
    if not ids:
        from vault.errors import NotFound

        raise NotFound(f"no recording of hearing {args.link_session} is waiting for a court in this vault")
    try:
        station = v.unlock(STATION, _passphrase(args, "station"))
    except WrongPassphrase:
        raise WrongPassphrase("wrong passphrase for the station") from None
    body = export_bundle(v, ids, args.output, station)
    print(f"bundled {len(ids)} recording(s) of case {body['case_number']} for court vault {body['to']['vault']} "
          f"in {args.output}")
    return 0


def _init(args: argparse.Namespace) -> int:
    if Vault.exists(args.vault):
        raise VaultError(f"a vault already exists in {args.vault}")
    roles = [STATION, *DEFAULT_ROLES]
    v = Vault.init(args.vault, new_passphrases(roles), retention_days=args.retention_days,
                   retention_mode=args.retention_mode)
    r = v.retention
    kept = f"; recordings kept {r.days:g} days ({r.mode})" if r.days else ""
    print(f"created vault {v.id} in {args.vault} with roles {', '.join(v.roles())}, each with its own "
          f"passphrase{kept}")
    n, head = v.head()
    print(f"audit head {n}:{head} (keep it outside the vault; `vault verify --expect-head` checks against it)")
    return 0

def _sync(args: argparse.Namespace) -> int:
    if not is_remote(args.vault):
        print(f"{args.vault} is a folder: recordings are written into it directly, nothing to upload")
        return 0
    v = Vault.open(args.vault)
    v.unlock_station(_passphrase(args, "station"))
    rep = v.sync(deadline_s=args.timeout)
    mib = rep.bytes / (1 << 20)
    print(f"uploaded {len(rep.uploaded)} recording(s), {mib:.1f} MiB, to {v.location}"
          + (f": {', '.join(rep.uploaded)}" if rep.uploaded else ""))
    for rid in rep.live:
        print(f"still recording: {rid} (its parts are uploaded as they are written)")
    for p in rep.problems:
        print(f"error: {p}", file=sys.stderr)
    left = [r for r in rep.remaining if r not in rep.live]
    if left:
        print(f"still only on this station: {', '.join(left)}", file=sys.stderr)
    if rep.problems:
        return 4
    if left:
        return 10
    print("nothing left on this station")
    return 0


def _identity(args: argparse.Namespace) -> int:
    v = _open(args)
    if args.change_passphrase:
        import getpass
        import os

        old = _passphrase(args)
        new = os.environ.get("TESTIMONY_SHIELD_NEW_PASSPHRASE")
        if not new:
            if not sys.stdin.isatty():
                raise NoPassphrase("no new passphrase: set TESTIMONY_SHIELD_NEW_PASSPHRASE (no terminal to ask on)")
            new = getpass.getpass(f"New passphrase for role '{args.role}': ")
            if new != getpass.getpass("Repeat: "):
                raise VaultError("the passphrases differ")
        try:
            v.change_passphrase(args.role, old, new)
        except WrongPassphrase:
            raise WrongPassphrase(f"wrong passphrase for role '{args.role}'") from None
        print(f"passphrase of role '{args.role}' changed")
        return 0
    from vault.format.canonical import b64d
    from vault.keys import fingerprint

    shared = set(v.shared_passphrase_roles()) if len(v.shared_passphrase_roles()) > 1 else set()
    for role, pin in sorted(v._cfg["roles"].items()):
        note = "  (shares one passphrase with other roles)" if role in shared else ""
        print(f"{role:10} {fingerprint(b64d(pin['ed25519']))}{note}")
    if shared:
        print(f"warning: roles {', '.join(sorted(shared))} share one passphrase (a scripted or demo vault); "
              "give each its own: vault identity --role ROLE --change-passphrase", file=sys.stderr)
    return 0


def _list(args: argparse.Namespace) -> int:
    v = _open(args)
    recs = v.list()
    if args.json:
        print(json.dumps([{"id": r.id, "created": r.created, "sealed": r.sealed, "shredded": r.shredded,
                           "size": r.size, "meta": r.meta} for r in recs]))
        return 0
    if not recs:
        print(f"no recordings in {args.vault}")
        return 0
    print(f"{'ID':16}  {'CREATED':24}  {'STATE':9}  {'KIND':7}  {'CASE':14}  {'DURATION':>8}  {'SIZE':>10}  RECIPIENTS")
    for r in recs:
        if "error" in r.meta:  # not a recording of this vault (planted, or damaged): never shown as one
            print(f"{r.id:16}  {'':24}  {'UNKNOWN':9}  {str(r.meta['error'])}")
            continue
        state = "shredded" if r.shredded else ("sealed" if r.sealed else "unsealed")
        dur = r.meta.get("duration")
        dur_s = f"{float(dur):.1f}s" if isinstance(dur, (int, float)) else "-"
        print(f"{r.id:16}  {r.created:24}  {state:9}  {str(r.meta.get('kind', '-')):7}  "
              f"{str(r.meta.get('case_number', '-'))[:14]:14}  {dur_s:>8}  {_size(r.size):>10}  "
              f"{','.join(r.meta.get('recipients', []))}")
    return 0


def _size(n: int) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def _info(args: argparse.Namespace) -> int:
    v = _open(args)
    print(json.dumps(v.info(args.id), indent=2, sort_keys=True))
    return 0


def _verify(args: argparse.Namespace) -> int:
    rep = verify_vault(args.vault, expect_head=args.expect_head)
    if args.json:
        print(json.dumps({"ok": rep.ok, "problems": rep.problems, "warnings": rep.warnings,
                          "recordings": rep.recordings, "audit_entries": rep.audit_entries, "head": rep.head,
                          "shared_passphrase": rep.shared_passphrase, "pending": rep.pending}))
    else:
        for w in rep.warnings:
            print(f"warning: {w}")
        for p in rep.problems:
            print(f"FAIL: {p}", file=sys.stderr)
        if rep.ok:
            print(f"OK: {rep.recordings} recordings, {rep.audit_entries} audit entries, "
                  f"head {rep.audit_entries}:{rep.head}")
        else:
            print(f"vault verify FAILED: {len(rep.problems)} problem(s)", file=sys.stderr)
    return 0 if rep.ok else 4


def _head(args: argparse.Namespace) -> int:
    v = _open(args)
    n, head = v.head()
    last = v.audit_entries()[-1].time if n else ""
    if args.json:
        print(json.dumps({"vault": v.id, "entries": n, "head": head, "time": last}))
    else:
        print(f"{n}:{head}")
        print(f"vault {v.id}, {n} audit entries, the last at {last}", file=sys.stderr)
    return 0


def _recover(args: argparse.Namespace) -> int:
    v = _open(args)
    sealed = v.recover(signer_passphrase=_passphrase(args, STATION))
    for msg in v.recovery.messages():
        print(f"warning: {msg}", file=sys.stderr)
    print(f"recovered {len(sealed)} recording(s){': ' + ', '.join(sealed) if sealed else ''}")
    return 0


def _audit(args: argparse.Namespace) -> int:
    from vault import pending as pending_mod

    v = _open(args)
    entries = v.audit_entries()
    if args.json:
        print(json.dumps([e.__dict__ for e in entries]))
        return 0
    for e in entries:
        d = {k: e.details[k] for k in ("reason", "purpose", "role", "to", "new", "plain", "expires", "derivation",
                                       "share", "watermark", "folder", "error", "notes", "with", "reported")
             if k in e.details}
        extra = " ".join(f"{k}={json.dumps(val)}" for k, val in d.items())
        print(f"{e.seq:5}  {e.time}  {e.event:13} {e.actor:9} {e.rec or '-':16}  {extra}")
    for r in pending_mod.pending(v.storage):  # reported without a key: signed in by the next action
        extra = " ".join(f"{k}={json.dumps(val)}" for k, val in r.details.items())
        print(f"    -  {r.time}  {r.event:13} (unsigned, pending)  {extra}")
    rep = verify_vault(args.vault)
    print(f"audit trail {'verifies' if rep.ok else 'DOES NOT VERIFY'} (head {rep.audit_entries}:{rep.head[:16]})")
    return 0


def _export(args: argparse.Namespace) -> int:
    if bool(args.plain) == bool(args.to):
        raise VaultError("choose one of --plain (with -o and --reason) or --to ROLE")
    if not args.reason:
        raise VaultError("an export needs --reason TEXT (it is recorded in the audit trail)")
    if args.plain:
        if args.output is None:
            raise VaultError("--plain needs -o OUT")
        if validate.within(args.output, args.vault):
            raise VaultError(f"{args.output} is inside the vault: a plain export goes outside it")
        if os.path.lexists(args.output):
            raise VaultError(f"{args.output} exists already: choose a new file name (an export never "
                             "overwrites a file)")
    v = _open(args)
    ident = _unlock(v, args)
    if args.plain:
        out = v.export_plain(args.id, ident, args.output, args.reason, writer=EXPORT_POLICY.write_plain,
                             watermark=EXPORT_POLICY.watermarked_plain)
        print(f"exported {args.id} to {out} (plaintext — keep it safe)")
    else:
        if args.no_watermark and args.to != "judge":
            raise VaultError("a copy for another role than the judge always carries a watermark")
        transform = None if args.no_watermark else masked_copy_transform(v, args.id, args.to)
        new = v.export_to(args.id, ident, args.to, args.reason, signer_passphrase=_passphrase(args, STATION),
                          transform=transform)
        print(new)
        if v.remote and not v.uploader.drain(120):
            print(f"the copy is sealed on this station but not yet in the store: run `testimony-shield vault "
                  f"sync --vault {v.location}`", file=sys.stderr)
    return 0


def masked_copy_transform(v: Vault, rec_id: str, role: str, date: str | None = None) -> Transform:
    """The watermark transform for ``Vault.export_to`` (the desktop's :class:`ExportPolicy`)."""
    return EXPORT_POLICY.copy_transform(v.info(rec_id).get("meta") or {}, role, date)


def _share(args: argparse.Namespace) -> int:
    v = _open(args)
    ident = _unlock(v, args)
    sid = v.share(args.id, ident, args.to, args.expires, args.reason)
    s = next(x for x in v.shares(args.id) if x.id == sid)
    print(f"shared {args.id} with role '{s.role}' until {s.expires} (share {sid})")
    return 0


def _shares(args: argparse.Namespace) -> int:
    v = _open(args)
    if args.revoke or args.expire:
        ident = _unlock(v, args)
        if args.expire:
            gone = v.expire_shares(ident)
            print(f"revoked {len(gone)} expired share(s)")
        if args.revoke:
            if not args.reason:
                raise VaultError("revoking a share needs --reason TEXT")
            v.revoke_share(args.revoke, ident, args.reason)
            print(f"revoked share {args.revoke}")
        return 0
    return _print_rows(v.shares(args.id), args.json, "no shares",
                       lambda s: f"{s.id}  {s.rec}  {s.role:9}  until {s.expires}{'  EXPIRED' if s.expired else ''}")


def _notes(args: argparse.Namespace) -> int:
    v = _open(args)
    ident = _unlock(v, args)
    if args.add is not None:
        nid = v.add_note(args.id, ident, args.at, args.add)
        print(f"note {nid} added (encrypted to role '{ident.role}')")
        return 0
    return _print_rows(v.notes(args.id, ident), args.json, "no notes",
                       lambda n: f"{format_clock(max(0.0, n.at))}  {n.text}")


def _print_rows(rows: list[Any], as_json: bool, empty: str, line: Callable[[Any], str]) -> int:
    """A listing: a JSON array of the rows' fields, or one line a row (``empty`` when there are none)."""
    if as_json:
        print(json.dumps([r.__dict__ for r in rows]))
        return 0
    for r in rows:
        print(line(r))
    if not rows:
        print(empty)
    return 0


def _retain(args: argparse.Namespace) -> int:
    v = _open(args)
    rep = v.retain(_unlock(v, args), args.days, args.reason, args.ids)
    what = ", ".join(args.ids) if args.ids else "the whole vault"
    locks = f"; Object Lock extended on {rep.extended} object version(s), {rep.already} already locked as long" \
        if v.remote and v.retention.days > 0 else "; no Object Lock here (shredding is refused until then)"
    print(f"{what} kept until {rep.until}{locks}")
    for p in rep.problems:
        print(f"error: {p}", file=sys.stderr)
    return 4 if rep.problems else 0


def _shred(args: argparse.Namespace) -> int:
    v = _open(args)
    ident = _unlock(v, args)
    rep = v.shred(args.id, ident, args.reason, with_derived=args.with_derived)
    print(f"shredded the keys of {', '.join(rep.shredded)}"
          + (f"; destroyed {len(rep.notes_destroyed)} note(s)" if rep.notes_destroyed else ""))
    for w in rep.warnings():
        print(f"warning: {w}", file=sys.stderr)
    if rep.derived_left or rep.notes_left:
        print("warning: shred them together with --with-derived", file=sys.stderr)
    return 0
