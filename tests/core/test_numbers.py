"""One rounding rule for every figure a user reads."""

import math

from stockvis.core import numbers


def test_prices_keep_four_decimals_percentages_two_and_scores_one() -> None:
    assert numbers.price(9.580000000000013) == 9.58
    assert numbers.price(1380.123456) == 1380.1235
    assert numbers.percent(3.14159) == 3.14
    assert numbers.score(15.708181640102238) == 15.7


def test_missing_stays_missing_and_there_is_no_negative_zero() -> None:
    assert numbers.price(None) is None
    assert numbers.percent(math.nan) is None
    assert math.copysign(1, numbers.score(-0.04) or 0.0) == 1.0
