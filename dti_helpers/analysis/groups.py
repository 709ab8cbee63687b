"""The one rule for a statistic over a group of units (a region median, the highest of the country, a median rank).

Scores are published mostly by provinces with good results (their press reports them), so a median
or an extreme over the few published ones is biased. Every statistic over provinces, of scores and
of ranks alike, goes through :func:`group_stat`: it is given only when at least half of the group's
values are published, always with the count it rests on ("n of N"); otherwise it is withheld and
says so. Over an incomplete group an extreme is only "the highest published", which
:attr:`GroupStat.complete` lets the words say.

>>> s = group_stat([0.61, 0.64, 0.70], 5, "median")
>>> s.value, s.n, s.of, s.complete
(0.64, 3, 5, False)
>>> group_stat([0.61], 5, "median").value is None
True
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

HOW = ("median", "mean", "max", "min")


@dataclass(frozen=True)
class GroupStat:
    """A statistic over a group of ``of`` units, resting on ``n`` published values; ``value`` is
    ``None`` when it is withheld (:attr:`reason` says why)."""

    how: str
    n: int
    of: int
    value: float | None
    left_out: int = 0

    @property
    def shown(self) -> bool:
        """True when the statistic may be shown (at least half of the group published).

        >>> group_stat([1, 2], 4).shown, group_stat([1], 4).shown
        (True, False)
        """
        return self.value is not None

    @property
    def complete(self) -> bool:
        """True when every unit of the group has a published value (an extreme is then the group's own).

        >>> group_stat([1, 2], 2, "max").complete, group_stat([1, 2], 3, "max").complete
        (True, False)
        """
        return self.n >= self.of > 0

    @property
    def reason(self) -> str | None:
        """``None`` when shown; ``"none"`` when nothing is published; ``"too_few"`` when fewer than half
        (a group whose published values were all left out, as doubtful, has too few, not none).

        >>> group_stat([], 4).reason, group_stat([1], 4).reason, group_stat([1, 2], 4).reason
        ('none', 'too_few', None)
        >>> group_stat([], 4, left_out=2).reason
        'too_few'
        """
        if self.shown:
            return None
        return "none" if self.n == 0 and self.left_out == 0 else "too_few"


def enough(n: int, of: int) -> bool:
    """Whether ``n`` published values of a group of ``of`` are enough for a statistic: at least half.

    >>> enough(3, 6), enough(3, 7), enough(0, 0)
    (True, False, False)
    """
    return n > 0 and 2 * n >= of


def group_stat(values, n_of_group: int, how: str = "median", left_out: int = 0) -> GroupStat:
    """The statistic ``how`` (median, mean, max or min) of the published ``values`` of a group of
    ``n_of_group`` units, or the reason it is withheld.

    ``values`` holds the published values only (missing ones are dropped here too, never filled);
    doubtful values are left out by the caller, who says how many in ``left_out``, so ``n`` counts
    what the statistic rests on.

    >>> group_stat([3, 9, 1, None], 6, "min")
    GroupStat(how='min', n=3, of=6, value=1.0, left_out=0)
    >>> group_stat([3, 9], 6, "max").reason
    'too_few'
    """
    if how not in HOW:
        raise ValueError(f"unknown statistic '{how}'; use one of: {', '.join(HOW)}")
    clean = [float(v) for v in values if v is not None and not pd.isna(v)]
    n = len(clean)
    if not enough(n, n_of_group):
        return GroupStat(how, n, int(n_of_group), None, left_out)
    value = float(getattr(pd.Series(clean), how)())
    return GroupStat(how, n, int(n_of_group), None if math.isnan(value) else value, left_out)


__all__ = ["HOW", "GroupStat", "enough", "group_stat"]
