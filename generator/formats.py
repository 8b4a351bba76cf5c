"""How each source system writes identifiers, money and time.

Timestamps are simulated as naive local times in Asia/Shanghai (UTC+8, no
daylight saving) and written in each export's own convention, as documented
in the dbt sources YAML.
"""

from __future__ import annotations

import datetime as dt
import random

UTC_OFFSET = dt.timedelta(hours=8)
EPOCH = dt.datetime(1970, 1, 1)

PHONE_FORMATS = ("plain", "plus86", "0086", "spaces", "dashes", "plus86_spaces")


def phone_raw(digits: str, style: str) -> str:
    """Write an 11-digit mainland mobile number in one of the styles seen."""
    if style == "plain":
        return digits
    if style == "plus86":
        return f"+86{digits}"
    if style == "0086":
        return f"0086{digits}"
    if style == "spaces":
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    if style == "dashes":
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if style == "plus86_spaces":
        return f"+86 {digits[:3]} {digits[3:7]} {digits[7:]}"
    raise ValueError(style)


def pick_phone_style(rng: random.Random) -> str:
    return rng.choices(PHONE_FORMATS, weights=(50, 14, 8, 12, 10, 6))[0]


def email_raw(email: str, messy: bool) -> str:
    """Some systems keep what the customer typed: capitals, stray spaces."""
    if not messy:
        return email
    local, domain = email.split("@")
    return f" {local[:1].upper()}{local[1:]}@{domain.upper()} "


def iso_local(t: dt.datetime) -> str:
    """Online shop: ISO 8601 with the +08:00 offset."""
    return t.strftime("%Y-%m-%dT%H:%M:%S+08:00")


def slash_local(t: dt.datetime) -> str:
    """Stores: local wall-clock time with slashes, no zone."""
    return t.strftime("%Y/%m/%d %H:%M:%S")


def plain_local(t: dt.datetime) -> str:
    """CRM, social, service, content: local wall-clock time, no zone."""
    return t.strftime("%Y-%m-%d %H:%M:%S")


def iso_utc(t: dt.datetime) -> str:
    """Marketing platforms: UTC with a Z suffix."""
    return (t - UTC_OFFSET).strftime("%Y-%m-%dT%H:%M:%SZ")


def epoch_ms(t: dt.datetime) -> str:
    """App and mini-program: milliseconds since the epoch (UTC)."""
    return str(int((t - UTC_OFFSET - EPOCH).total_seconds() * 1000))


def money(value: float) -> str:
    return f"{value:.2f}"
