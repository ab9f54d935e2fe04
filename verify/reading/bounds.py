"""The interval a figure's digits and qualifier mean (the precision convention of reader.py):
every value that rounds to it as printed, then what its qualifier says (约 ±10%, 近 at most and above
the step below, 超过 at least and below the step above, 以上 at least, 余/多 below the next step)."""

from __future__ import annotations

from fractions import Fraction

from verify.reading.interval import Interval

QUALIFIER_BOUND = {  # what a qualifier leaves of the interval: "approx", "near", "upper", "over", "lower", "more"
    **dict.fromkeys(["约", "大约", "约为", "左右", "上下"], "approx"),
    **dict.fromkeys(["近", "将近", "接近"], "near"),
    **dict.fromkeys(["不到", "不足", "以下", "以内", "之内", "少于", "低于", "最多", "不超过", "不高于"], "upper"),
    **dict.fromkeys(["超过", "超", "逾", "突破"], "over"),
    **dict.fromkeys(["以上", "多于", "高于", "至少", "不少于", "不低于"], "lower"),
    **dict.fromkeys(["余", "多", "有余"], "more"),
}


def bounded(value: Fraction, step: Fraction, qualifier: str | None, more_step: Fraction | None) -> Interval:
    """The interval a figure means: rounding, then what its qualifier says. more_step is the place of
    the figure's last significant digit, for 余/多 (800余万 below 900万) and 近: 近3000亿 is above
    2000亿 (a writer who had 1900亿 would say 近2000亿) and 近63亿 above 56.7亿 (nearly: within the
    step below or a tenth, whichever is wider, as 约 is ±10%). 超 is the mirror, with a fifth: 超4.2万亿
    is below 5.04万亿 (a writer with 5.5万亿 says 超5万亿); 以上/至少, often a threshold, stay open."""
    bound = QUALIFIER_BOUND.get(qualifier or "")
    # In the integers of value a/b, step c/d and more_step e/f (denominators positive), each bound
    # one Fraction made from them: the arithmetic of Fractions cost 4 µs a qualified figure.
    a, b = value.numerator, value.denominator
    if bound in ("upper", "near") and not (bound == "near" and more_step is not None and a > 0):
        return Interval(Fraction(0) if a >= 0 else None, value)   # 不到10%: at most 10%, no less than nothing
    if bound in ("lower", "over") and not (bound == "over" and more_step is not None and a > 0):
        return Interval(value, None)
    if bound == "near":   # above the lower of value - more_step and nine tenths of it, and above 0
        e, f = more_step.numerator, more_step.denominator
        below = (a * f - e * b, b * f) if (a * f - e * b) * 10 <= 9 * a * f else (9 * a, 10 * b)
        return Interval(Fraction(*below) if below[0] > 0 else Fraction(0), value)
    if bound == "over":   # below value + the larger of more_step and a fifth of it
        e, f = more_step.numerator, more_step.denominator
        e, f = (a, 5 * b) if a * f > 5 * b * e else (e, f)
        return Interval(value, Fraction(a * f + e * b, b * f))
    if bound == "more":   # below value + more_step (or a step)
        above = more_step if more_step is not None else step
        e, f = above.numerator, above.denominator
        return Interval(value, Fraction(a * f + e * b, b * f))
    c, d = step.numerator, step.denominator
    if bound == "approx":   # ± the larger of a tenth of the value and half a step
        e, f = (c, 2 * d) if c * 10 * b > abs(a) * 2 * d else (abs(a), 10 * b)
        return Interval(Fraction(a * f - e * b, b * f), Fraction(a * f + e * b, b * f))
    # none (most figures): value ± half a step
    return Interval(Fraction(2 * a * d - c * b, 2 * b * d), Fraction(2 * a * d + c * b, 2 * b * d))
