"""The conflict rules, listed explicitly. Adding a rule: its module, its case file in
tests/rules/cases/, and one line here. Codes and names never change once released."""

from __future__ import annotations

from .amount_mismatch import AmountMismatch
from .base import Rule, RuleContext
from .date_mismatch import DateMismatch
from .direction_mismatch import DirectionMismatch
from .person_near_miss import PersonNearMiss
from .place_mismatch import PlaceMismatch
from .place_near_miss import PlaceNearMiss
from .status_mismatch import StatusMismatch

RULES: tuple[type[Rule], ...] = (
    AmountMismatch,
    DateMismatch,
    PlaceNearMiss,
    PlaceMismatch,
    PersonNearMiss,
    StatusMismatch,
    DirectionMismatch,  # added later: appended, so the earlier rules keep their SARIF index
)

__all__ = ["RULES", "Rule", "RuleContext"]
