"""One batch over several processes or machines: ``--shard i/n``, ``--index-only`` and ``--scheduler``.

Shard ``i/n`` (``0 <= i < n``) builds every ``n``-th report of the batch's job list sorted by file
stem, starting with the ``i``-th: the same part on every machine for the same command line, the
``n`` shards together the whole batch, no report in two of them. ``i`` counts from 0, as
``SLURM_ARRAY_TASK_ID`` (``--array=0-<n-1>``) and Kubernetes' ``JOB_COMPLETION_INDEX`` do.
Shards record into one output folder side by side (:mod:`~dti_helpers.batch.locks`); each one
rewrites the index pages from every report recorded when it ends, so the last to end leaves them
complete; ``--index-only`` rewrites them (and prints the summary) from what the folder holds.
"""
from __future__ import annotations

import argparse
import re
from dataclasses import dataclass

SHARD = re.compile(r"\s*(\d{1,9})\s*/\s*(\d{1,9})\s*")

SHARD_HELP = ("build only part I of N of the batch (0 <= I < N: every N-th report by name, from the I-th), "
              "e.g. --shard $SLURM_ARRAY_TASK_ID/4; shards may run at the same time into one --out")
INDEX_HELP = "build nothing: rewrite the index pages from the reports in --out and print the summary"
SCHEDULER_HELP = ("run the reports on a dask.distributed cluster: its scheduler's ADDRESS (tcp://host:8786), "
                  "or 'local' for a LocalCluster of --jobs worker processes")


@dataclass(frozen=True)
class Shard:
    """Part ``index`` (from 0) of ``count`` of a batch.

    >>> Shard(1, 3).pick(["a", "b", "c", "d", "e"], key=str)
    ['b', 'e']
    >>> Shard(1, 3).name
    '1-of-3'
    """

    index: int
    count: int

    @property
    def name(self) -> str:
        """The shard in a file name: ``<index>-of-<count>``."""
        return f"{self.index}-of-{self.count}"

    def pick(self, items: list, key) -> list:
        """The items of this shard, in their own order: every ``count``-th of them sorted by ``key``.

        >>> Shard(0, 2).pick(["d", "a", "c", "b"], key=str)
        ['a', 'c']
        """
        ranked = sorted(range(len(items)), key=lambda k: key(items[k]))
        mine = set(ranked[self.index::self.count])
        return [item for k, item in enumerate(items) if k in mine]


def parse_shard(text: str | None) -> Shard | None:
    """``--shard I/N`` as a :class:`Shard` (``None`` without it); a wrong value is a one-line usage error.

    >>> parse_shard("2/4"), parse_shard(None)
    (Shard(index=2, count=4), None)
    >>> parse_shard("4/4")
    Traceback (most recent call last):
    ...
    dti_helpers.batch.select.UsageError: --shard 4/4: expected I/N with 0 <= I < N, e.g. 0/4 ... 3/4
    """
    if text is None:
        return None
    from dti_helpers.batch.select import UsageError

    match = SHARD.fullmatch(text)
    index, count = (int(match[1]), int(match[2])) if match else (-1, 0)
    if not 0 <= index < count:
        raise UsageError("cli_bad_shard", value=text)
    return Shard(index, count)


def add_scale_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--shard``, ``--index-only`` and ``--scheduler`` to ``parser``.

    >>> p = argparse.ArgumentParser(); add_scale_options(p)
    >>> a = p.parse_args(["--shard", "1/4", "--scheduler", "local"]); a.shard, a.index_only, a.scheduler
    ('1/4', False, 'local')
    """
    parser.add_argument("--shard", metavar="I/N", help=SHARD_HELP)
    parser.add_argument("--index-only", action="store_true", help=INDEX_HELP)
    parser.add_argument("--scheduler", metavar="ADDRESS", help=SCHEDULER_HELP)
