"""The output-folder options of the commands that write reports: ``--out`` and ``--out-force``.

The rules (which folders are refused, the marker that makes a folder dti-reports' own) are
:mod:`dti_helpers.core.outfolder`'s; this module gives them their command-line form.

>>> import argparse
>>> p = argparse.ArgumentParser(); add_output_options(p)
>>> a = p.parse_args(["--out", "/tmp/r", "--out-force"]); a.out, a.out_force
('/tmp/r', True)
"""
from __future__ import annotations

import argparse
from pathlib import Path

from dti_helpers.core.outfolder import MARKER, check_out_folder, claim_out_folder, writing_into

OUT_HELP = ("output folder (default: reports). A folder dti-reports did not make is refused unless it is empty, "
            "as are the home folder, system folders and the project's own folders")
FORCE_HELP = (f"write into --out although it is a folder dti-reports did not make: it is adopted (marked with a "
              f"{MARKER} file), and dti-reports may then write its outputs there (html/, pdf/, notebooks/, logs/, "
              f"index.html, index-en.html, manifest.db), replacing files of those names; it deletes nothing else")


def add_output_options(parser: argparse.ArgumentParser, default: str = "reports") -> None:
    """Add ``--out`` and ``--out-force`` to ``parser``.

    >>> p = argparse.ArgumentParser(); add_output_options(p); p.parse_args([]).out
    'reports'
    """
    parser.add_argument("--out", default=default, metavar="DIR", help=OUT_HELP)
    parser.add_argument("--out-force", action="store_true", help=FORCE_HELP)


def checked_out(args) -> Path:
    """The parsed ``--out``, checked (:class:`~dti_helpers.core.outfolder.OutFolderError` if refused); nothing written.

    >>> checked_out(argparse.Namespace(out="/nonexistent/reports", out_force=False))
    PosixPath('/nonexistent/reports')
    """
    return check_out_folder(args.out, force=args.out_force)


def claimed_out(args) -> Path:
    """The parsed ``--out``, checked, created if need be and marked as dti-reports' own.

    >>> import tempfile
    >>> claimed_out(argparse.Namespace(out=tempfile.mkdtemp(), out_force=False)).is_dir()
    True
    """
    return claim_out_folder(args.out, force=args.out_force)


def rendering_into(args):
    """``with rendering_into(args) as folder:`` for the one-report command (:func:`~.core.outfolder.writing_into`).

    >>> import tempfile
    >>> with rendering_into(argparse.Namespace(out=tempfile.mkdtemp(), out_force=False)) as folder:
    ...     folder.is_dir()
    True
    """
    return writing_into(args.out, force=args.out_force)
