"""Attribute weights for an interview stage: the defaults, normalising what an editor
enters so the weights sum to exactly 1, the exact value of a stored weight, and shares of
100 for display that always add up to 100.

``recruit.domain.interview_plan`` re-exports every public name here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from fractions import Fraction

from recruit.domain.interview_plan.model import VALUES

# Weights are stored to 4 decimal places: fine enough to show as whole percentages.
_WEIGHT_PLACES = 4
_WEIGHT_UNITS = 10**_WEIGHT_PLACES
# How close (relative) a stored weight must be to a 4-place decimal to be read as it. The
# sum-to-one correction moves a weight by a few units in the last place of 1.0 (2.2e-16
# each); no weight an editor means differs from a 4-place one by so little.
_STORED_NOISE = 1e-12


class WeightError(ValueError):
    """Weights an editor entered that cannot be used; the message says what to enter."""

    def __init__(self, message: str, attribute: str | None = None) -> None:
        super().__init__(message)
        self.attribute = attribute


def default_weights(attribute_keys: Iterable[str]) -> dict[str, float]:
    """Values-driven leadership counts 2 parts and each other attribute 1 part, normalised.

    The report finds leadership driven by values by far the most important attribute, the
    foundation of the other four, so by default it weighs twice as much as any other
    (2/6 with the five attributes). Panels can change the weights; they are always shown.
    """
    return normalise_weights({key: 2.0 if key == VALUES else 1.0 for key in attribute_keys})


def normalise_weights(weights: Mapping[str, float]) -> dict[str, float]:
    """The same weights scaled to sum to exactly 1.0, each to 4 decimal places, in order.

    Rounding is by the largest remainder, so the 4-place weights sum to 1 without pushing
    the whole rounding error onto one attribute, and a weight of 0 stays 0 (which the
    coverage check relies on). Raises WeightError for a negative or non-finite weight, or
    when every weight is 0.
    """
    units = _apportion(weights, _WEIGHT_UNITS)
    normalised = {key: count / _WEIGHT_UNITS for key, count in units.items()}
    return _sum_exactly_to_one(normalised)


def weights_as_percentages(weights: Mapping[str, float]) -> list[tuple[str, int]]:
    """Whole percentages that add up to 100, for display, by the largest remainder method.

    Rounding each weight separately can show 33 + 33 + 33 = 99; a chair should see the
    weights add up, so the spare points go to the weights that lost most in rounding, and
    between equal remainders to the attribute listed first: three equal weights show 34,
    33 and 33, in that order. Five equal weights show 20 each.
    """
    return list(_apportion(weights, 100).items())


def percentage_texts(weights: Mapping[str, float], places: int = 1) -> dict[str, str]:
    """Each weight's share of their sum as text, to ``places`` decimal places, adding up to
    exactly 100 by the largest remainder method (ties to the key listed first).

    A share that is a whole number shows without decimals ("30%", "17.5%"). Every share is
    "0%" when no weight is above 0. The Word documents use one place, so 0.175 shows as
    17.5% rather than a whole-number 17% or 18% beside another equal weight.
    """
    if not any(weight > 0 for weight in weights.values()):
        return dict.fromkeys(weights, "0%")
    scale = 10**places
    units = _apportion(weights, 100 * scale)
    return {key: _percent_text(count, scale) for key, count in units.items()}


def _percent_text(units: int, scale: int) -> str:
    whole, part = divmod(units, scale)
    if not part:
        return f"{whole}%"
    return f"{whole}.{part:0{len(str(scale)) - 1}d}".rstrip("0") + "%"


def exact_weight(weight: float) -> Fraction:
    """A weight as the decimal it stands for: 0.175 is 7/40.

    ``Fraction(0.175)`` would be the float's binary value, 0.17499999999999998889...: a total
    at exactly a half would then fall just below it and round down. ``Fraction(str(w))`` is
    the shortest decimal that prints as the float, which is what the editor entered or the
    normaliser stored. ``Decimal(str(w))`` is as exact, but a weighted mean divides, and
    Decimal division rounds (1/3); Fraction never does. A stored weight within float noise
    of 4 decimal places (``_sum_exactly_to_one`` leaves 0.17500000000000002) is read as
    those 4 places, so stored weights add up to exactly 1.
    """
    printed = Fraction(str(weight))
    stored = Fraction(round(printed * _WEIGHT_UNITS), _WEIGHT_UNITS)
    if stored and abs(printed - stored) <= abs(printed) * Fraction(_STORED_NOISE):
        return stored
    return printed


def _apportion(weights: Mapping[str, float], total: int) -> dict[str, int]:
    """Whole units summing to ``total`` in proportion to ``weights`` (largest remainder).

    Exact arithmetic on the weights' decimals (``exact_weight``), so no float error moves a
    unit or breaks a tie; ties go to the attribute listed first.
    """
    _check_weights(weights)
    exact = {key: exact_weight(weight) for key, weight in weights.items()}
    whole = sum(exact.values())
    quotas = {key: weight * total / whole for key, weight in exact.items()}
    units = {key: math.floor(quota) for key, quota in quotas.items()}
    spare = total - sum(units.values())
    # sorted is stable: among equal remainders the first listed stays first.
    by_remainder = sorted(quotas, key=lambda key: units[key] - quotas[key])
    for key in by_remainder[:spare]:
        units[key] += 1
    return units


def _check_weights(weights: Mapping[str, float]) -> None:
    for key, weight in weights.items():
        if not math.isfinite(weight):
            raise WeightError(f"Enter the weight for {key} as a number, like 1 or 0.5", key)
        if weight < 0:
            raise WeightError(f"Enter a weight of 0 or more for {key}", key)
    if not any(weight > 0 for weight in weights.values()):
        raise WeightError("Give at least one attribute a weight above 0")


def _sum_exactly_to_one(weights: dict[str, float]) -> dict[str, float]:
    """Absorb binary float error (a few ulps at most) in the last non-zero weight, so a
    plain ``sum`` of the stored weights is exactly 1.0. The last, because ``sum`` adds left
    to right: the correction then lands on the final addition, and zeros after it add
    nothing; a weight of 0 must stay 0."""
    last = [key for key, weight in weights.items() if weight > 0][-1]
    for _ in range(4):
        error = 1.0 - sum(weights.values())
        if error == 0.0:
            break
        weights[last] += error
    return weights
