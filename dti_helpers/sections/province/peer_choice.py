"""The ``peers`` parameter: a peer strategy, or the provinces the analyst chose, resolved once.

``peers`` is one of :data:`PEER_STRATEGIES` or a list of provinces (``"Bắc Ninh,Thái Nguyên"``,
``["Bắc Ninh", "Thái Nguyên"]``, names, slugs or codes). A list is resolved among the report's own
unit set (a 2020 report compares among the 63) before any kernel starts; the kernel gets the codes.

>>> from dti_helpers.data.catalogue import load_catalogue
>>> resolve_peers(load_catalogue(), "Bắc Ninh,Thái Nguyên", "63", focus="24")
('27', '19')
>>> resolve_peers(load_catalogue(), "rank", "63")
'rank'
"""
from __future__ import annotations

import math

from dti_helpers.analysis.province import PEER_STRATEGIES
from dti_helpers.core.errors import DTIError, UnknownProvinceError, shorten


class PeersError(DTIError):
    """A ``peers`` value that is neither a strategy nor a list of the report's provinces; one coded line.

    Not a :class:`~dti_helpers.sections.province.ParameterError`: a batch skips a province without
    data for a year, but a wrong peer list is the user's to fix, so it stops the run (exit 2).

    >>> PeersError(code="peers_empty", option="--peers", choices="region, rank").message("en")[:27]
    '--peers: no province named;'
    """


def coerce_peers(value) -> str | tuple[str, ...]:
    """A ``peers`` value as a strategy name, or the provinces as given (in order, each once); None: "region".

    >>> coerce_peers("rank"), coerce_peers(" Bắc Ninh, Thái Nguyên ,Bắc Ninh"), coerce_peers(["27", 19])
    ('rank', ('Bắc Ninh', 'Thái Nguyên'), ('27', '19'))
    >>> coerce_peers(",")
    Traceback (most recent call last):
    dti_helpers.sections.province.peer_choice.PeersError: peers: no province named; give a peer strategy (region, rank, profile) or provinces such as "Bắc Ninh,Thái Nguyên"
    """
    return _coerce(value, "peers")


def _coerce(value, option: str) -> str | tuple[str, ...]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "region"
    if isinstance(value, str):
        if value.strip() in PEER_STRATEGIES:
            return value.strip()
        items = value.split(",")
    elif isinstance(value, (list, tuple)):
        items = value
    else:
        raise PeersError(code="peers_type", option=option, value=shorten(value), choices=", ".join(PEER_STRATEGIES))
    names = tuple(dict.fromkeys(str(v).strip() for v in items if str(v).strip()))
    if not names:
        raise PeersError(code="peers_empty", option=option, choices=", ".join(PEER_STRATEGIES))
    return names


def _looks_like_strategy(name: str, province_matches: str) -> bool:
    import difflib

    return bool(difflib.get_close_matches(name.strip().lower(), PEER_STRATEGIES, n=1, cutoff=0.6)
                or not province_matches)


def resolve_peers(catalogue, value, unit_set: str = "63", focus: str | None = None,
                  option: str = "peers") -> str | tuple[str, ...]:
    """A strategy as it is, or the codes of the chosen provinces among ``unit_set`` (``focus``, the report's
    own province, left out: it is always shown). ``option`` names the parameter in an error.

    One unknown word close to a strategy, or close to no province, is worded as a wrong strategy
    (a typo of "region"); any other unknown name as an unknown province, with the closest names.

    >>> from dti_helpers.data.catalogue import load_catalogue
    >>> cat = load_catalogue()
    >>> resolve_peers(cat, ["bac-ninh", "24"], focus="24")
    ('27',)
    >>> resolve_peers(cat, "nearest", option="--peers")
    Traceback (most recent call last):
    dti_helpers.sections.province.peer_choice.PeersError: unknown peer strategy 'nearest' in --peers; use one of: region, rank, profile, or provinces such as "Bắc Ninh,Thái Nguyên"
    >>> resolve_peers(cat, "Bac Nin", option="--peers")
    Traceback (most recent call last):
    dti_helpers.sections.province.peer_choice.PeersError: unknown province 'Bac Nin' in --peers (a peer must be one of the report's 63 units); closest matches: Bắc Ninh, Bắc Giang, Bắc Kạn, Tây Ninh
    >>> resolve_peers(cat, "Bắc Ninh,Thai Nguyen,Atlantis")
    Traceback (most recent call last):
    dti_helpers.sections.province.peer_choice.PeersError: unknown province 'Atlantis' in peers (a peer must be one of the report's 63 units); see `run_reports.py --list` for all names
    >>> resolve_peers(cat, "Bắc Giang,Hà Nội", "34")
    Traceback (most recent call last):
    dti_helpers.sections.province.peer_choice.PeersError: unknown province 'Bắc Giang' in peers (a peer must be one of the report's 34 units); closest matches: An Giang
    """
    peers = _coerce(value, option)
    if isinstance(peers, str):
        return peers
    codes = []
    for name in peers:
        try:
            codes.append(catalogue.resolve(name, unit_set))
        except UnknownProvinceError as exc:
            matches = ", ".join(exc.suggestions)
            if isinstance(value, str) and len(peers) == 1 and _looks_like_strategy(name, matches):
                raise PeersError(code="peers_unknown", option=option, value=shorten(name),
                                 choices=", ".join(PEER_STRATEGIES)) from None
            raise PeersError(code="peers_unknown_province" if matches else "peers_unknown_province_none",
                             option=option, value=shorten(name), units=unit_set, matches=matches) from None
    return tuple(c for c in dict.fromkeys(codes) if c != focus)


__all__ = ["PEER_STRATEGIES", "PeersError", "coerce_peers", "resolve_peers"]
