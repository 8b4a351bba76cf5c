"""People, and everything each of them leaves behind in the source systems.

Each person is simulated from their own random stream (seed, person index), so
a person's records do not depend on how many people are generated or on how
the run is chunked. Rows carry two hidden fields that the writer strips:
`_at`, the true local time (for sorting and the cut-off), and `_owner`, the
person behind the row (for the truth files).
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, field

from generator import formats as f
from generator.world import (
    CHANNEL_SPELLINGS,
    CITIES,
    COMPLEMENTS,
    DEFAULT_PHONE_STORE,
    EMAIL_DOMAINS,
    GIVEN_CHARS,
    MOBILE_PREFIXES,
    NEGATIVE_COMMENTS,
    NEUTRAL_COMMENTS,
    PARTNER_SALT_DEFAULT,
    PERSONA_WEIGHTS,
    PERSONAS,
    PLACEHOLDER_DEVICE,
    PLACEHOLDER_OPENID,
    PLACEHOLDER_PHONE,
    POSITIVE_COMMENTS,
    STREETS,
    SURNAMES,
    TOPIC_CATEGORY,
    WECHAT_MP_APP,
    WECHAT_OA_APP,
    Campaign,
    Product,
    World,
    sha256_hex,
    stable_hash,
    stable_unit,
)

Rows = dict[str, list[dict[str, object]]]

FAMILY = (42, 43)  # two people who share one tablet, each with their own account
FAMILY_TABLET = "a11e7ab1-e7ab-1e7a-b1e7-ab1e7ab1e7ab"

# Behaviour by persona: mean days between purchases, share of purchases made
# online, items per basket (low, high), price-tier weights (budget, standard,
# premium), probability and range of a discount.
CADENCE = {
    "price_sensitive": 32,
    "quality_seeking": 42,
    "late_night": 27,
    "weekend_stockup": 19,
    "occasional": 120,
}
ONLINE_SHARE = {
    "price_sensitive": 0.85,
    "quality_seeking": 0.5,
    "late_night": 0.97,
    "weekend_stockup": 0.12,
    "occasional": 0.6,
}
BASKET = {
    "price_sensitive": (2, 3),
    "quality_seeking": (1, 2),
    "late_night": (1, 2),
    "weekend_stockup": (4, 7),
    "occasional": (1, 2),
}
TIERS = {
    "price_sensitive": (0.8, 0.2, 0.0),
    "quality_seeking": (0.0, 0.15, 0.85),
    "late_night": (0.25, 0.6, 0.15),
    "weekend_stockup": (0.35, 0.6, 0.05),
    "occasional": (0.3, 0.55, 0.15),
}
DISCOUNT = {
    "price_sensitive": (0.95, 0.18, 0.38),
    "quality_seeking": (0.05, 0.0, 0.05),
    "late_night": (0.3, 0.03, 0.10),
    "weekend_stockup": (0.3, 0.03, 0.10),
    "occasional": (0.3, 0.03, 0.12),
}
CATEGORIES = (
    "hair_care",
    "body_care",
    "skin_care",
    "health_food",
    "beverages",
    "baby_care",
    "home_care",
    "fitness",
)


@dataclass
class Person:
    index: int
    key: str
    persona: str
    gender: str
    name: str
    birth_date: dt.date
    city: str
    district: str
    address: str
    phone: str
    email: str | None
    first_active: dt.datetime
    favourite_categories: tuple[str, ...]
    home_store: str
    account_id: str | None = None
    member_card: str | None = None
    member_id: str | None = None
    unionid: str | None = None
    oa_openid: str | None = None
    mp_openid: str | None = None
    device: str | None = None
    platform_ids: dict[str, str] = field(default_factory=dict)
    community_group: str | None = None
    second_phone: str | None = None  # shop account under a newer number
    is_employee: bool = False
    is_erased: bool = False
    zero_device: bool = False
    consents: dict[str, bool] = field(default_factory=dict)
    unsubscribed: set[str] = field(default_factory=set)

    @property
    def is_buyer(self) -> bool:
        return self.persona != "prospect"


def _mobile(rng: random.Random, index: int, salt: int) -> str:
    # An affine map modulo 10**8 is a bijection, so numbers never collide.
    body = (48271 * (index + salt) + 12_345_679) % 100_000_000
    return f"{rng.choice(MOBILE_PREFIXES)}{body:08d}"


def _email(rng: random.Random, index: int) -> str:
    domain = rng.choice(EMAIL_DOMAINS)
    if domain == "qq.com":
        return f"{10_000_000 + (97 * index) % 90_000_000}{index % 10}@qq.com"
    handle = rng.choice(
        (
            "xiao",
            "wei",
            "ming",
            "lili",
            "happy",
            "sunny",
            "chen",
            "amy",
            "leo",
            "coco",
            "tina",
            "jack",
        )
    )
    return f"{handle}{rng.randint(1, 99)}.{index:x}@{domain}"


def _name(rng: random.Random) -> str:
    given = rng.choice(GIVEN_CHARS)
    if rng.random() < 0.7:
        given += rng.choice(GIVEN_CHARS)
    return rng.choice(SURNAMES) + given


def _at(day: dt.date, hour: int, rng: random.Random) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour % 24, rng.randint(0, 59), rng.randint(0, 59)))


class PersonSimulator:
    """Simulates one person and appends their rows to `rows`."""

    def __init__(self, world: World, index: int, rows: Rows) -> None:
        self.w = world
        self.i = index
        self.rows = rows
        self.rng = random.Random(world.seed * 1_000_003 + index)
        self.end_at = dt.datetime.combine(world.end, dt.time(23, 59, 59))
        self.p = self._make_person()

    # -- helpers -----------------------------------------------------------
    def emit(
        self, table: str, at: dt.datetime | None, owner: str | None, **values: object
    ) -> dict[str, object]:
        row: dict[str, object] = dict(values)
        row["_at"] = at
        row["_owner"] = owner
        self.rows.setdefault(table, []).append(row)
        return row

    def uid(self, prefix: str, *parts: object) -> str:
        return prefix + stable_hash(self.w.seed, self.i, prefix, *parts).upper()

    def phone_text(self, digits: str) -> str:
        return f.phone_raw(digits, f.pick_phone_style(self.rng))

    def email_text(self, email: str) -> str:
        return f.email_raw(email, self.rng.random() < 0.2)

    def spell(self, channel: str) -> str:
        spelling = self.rng.choice(CHANNEL_SPELLINGS[channel])
        return spelling

    # -- identity ----------------------------------------------------------
    def new_account_id(self) -> str:
        return f"A{stable_hash(self.w.seed, self.i, 'acct', size=5).upper()}"

    def _make_person(self) -> Person:
        rng, i, w = self.rng, self.i, self.w
        persona = rng.choices(PERSONAS, weights=PERSONA_WEIGHTS)[0]
        city, _, districts = rng.choices(CITIES, weights=[c[1] for c in CITIES])[0]
        district = rng.choice(districts)
        address = (
            f"{district}{rng.choice(STREETS)}{rng.randint(1, 999)}号"
            f"{rng.randint(1, 30)}栋{rng.randint(1, 33)}{rng.randint(1, 4):02d}"
        )
        span = max(1, w.days - 21)
        first = dt.datetime.combine(
            w.start + dt.timedelta(days=rng.randint(0, span)),
            dt.time(rng.randint(8, 22), rng.randint(0, 59)),
        )
        n_fav = 5 if persona == "weekend_stockup" else rng.randint(2, 3)
        person = Person(
            index=i,
            key=f"T{i:07d}",
            persona=persona,
            gender=rng.choice(("F", "F", "M")),
            name=_name(rng),
            birth_date=dt.date(rng.randint(1962, 2005), rng.randint(1, 12), rng.randint(1, 28)),
            city=city,
            district=district,
            address=address,
            phone=_mobile(rng, i, 0),
            email=_email(rng, i) if rng.random() < 0.55 else None,
            first_active=first,
            favourite_categories=tuple(rng.sample(CATEGORIES, n_fav)),
            home_store=rng.choice([s.store_id for s in w.stores if s.city == city]),
        )
        digital = persona in ("late_night", "price_sensitive") or rng.random() < 0.55
        if digital:
            person.device = stable_hash(w.seed, i, "device", size=16)
            person.device = "-".join(
                (
                    person.device[:8],
                    person.device[8:12],
                    person.device[12:16],
                    person.device[16:20],
                    person.device[20:],
                )
            )
            person.zero_device = rng.random() < 0.02
        if rng.random() < 0.8:
            person.unionid = "oU" + stable_hash(w.seed, i, "unionid", size=12)
            if rng.random() < 0.6:
                person.mp_openid = "oM" + stable_hash(w.seed, i, "mp", size=12)
            if rng.random() < 0.45:
                person.oa_openid = "oA" + stable_hash(w.seed, i, "oa", size=12)
            if rng.random() < 0.35:
                person.community_group = f"G{list(c[0] for c in CITIES).index(city) + 1:02d}"
        for platform, share in (("douyin", 0.5), ("xiaohongshu", 0.35), ("kuaishou", 0.15)):
            if (person.device or person.mp_openid) and rng.random() < share:
                person.platform_ids[platform] = (
                    f"{platform[:2]}_{stable_hash(w.seed, i, platform, size=6)}"
                )
        online = persona != "prospect" and rng.random() < max(ONLINE_SHARE.get(persona, 0.5), 0.4)
        if online or person.device or person.mp_openid or rng.random() < 0.3:
            person.account_id = self.new_account_id()
        offline = persona in ("weekend_stockup", "quality_seeking", "occasional")
        if (offline and rng.random() < 0.8) or rng.random() < 0.2:
            self._make_member(person)
        self._apply_planted_roles(person)
        return person

    def _make_member(self, person: Person) -> None:
        person.member_id = f"M{stable_hash(self.w.seed, self.i, 'member', size=5).upper()}"
        body = (7919 * self.i + 1_000_003) % 10_000_000_000
        person.member_card = f"88{body:010d}"

    def _apply_planted_roles(self, person: Person) -> None:
        """Employees, erasure requests, changed phones, the family tablet."""
        i, n_emp = self.i, len(self.w.employees)
        if i % 97 == 5 and i // 97 < n_emp:
            employee = self.w.employees[i // 97]
            person.is_employee = True
            person.name = employee["employee_name"]
            person.phone = employee["phone"].removeprefix("+86")
            person.persona = "weekend_stockup"
            person.home_store = employee["store_id"]
            if not person.member_card:
                self._make_member(person)
        if i in (17, 1517):
            person.is_erased = True
            person.persona = "quality_seeking"
            person.email = person.email or _email(self.rng, i)
            person.account_id = person.account_id or self.new_account_id()
            if not person.member_card:
                self._make_member(person)
        if i % 75 == 31 and not person.is_employee and not person.is_erased:
            # A member who later opened a shop account under a new number:
            # nothing deterministic joins the two, only name, birth date and
            # address (the probabilistic fallback's job).
            person.persona = "quality_seeking"
            person.second_phone = _mobile(self.rng, i, 50_000_000)
            person.email = None
            person.unionid = person.oa_openid = person.mp_openid = None
            person.community_group = None
            person.device = None
            person.platform_ids = {}
            person.account_id = self.new_account_id()
            if not person.member_card:
                self._make_member(person)
        if i in FAMILY:
            person.persona = "late_night"
            person.account_id = person.account_id or self.new_account_id()
            if person.device is None:
                person.device = stable_hash(self.w.seed, i, "device", size=16)
            person.zero_device = False

    # -- simulation --------------------------------------------------------
    def run(self) -> Person:
        p = self.p
        self.emit_identity_records()
        purchases = self.purchase_times()
        purchases += self.campaign_activity(purchases)
        purchases.sort()
        for k, (at, via) in enumerate(purchases):
            self.purchase(k, at, via, is_first=(k == 0))
        self.browsing()
        self.content_and_social()
        self.partner_lists()
        if p.is_erased:
            kind, value = (
                ("phone", self.phone_text(p.phone)) if p.index == 17 else ("email", p.email)
            )
            at = dt.datetime.combine(self.w.end - dt.timedelta(days=10), dt.time(10, 0))
            self.emit(
                "crm__erasure_requests",
                at,
                p.key,
                request_id=self.uid("ER"),
                identifier_type=kind,
                identifier_value=value,
                requested_at=f.plain_local(at),
            )
        return p

    def emit_identity_records(self) -> None:
        p, rng = self.p, self.rng
        if p.account_id:
            at = p.first_active - dt.timedelta(hours=rng.randint(1, 72))
            phone = p.second_phone or p.phone
            name = p.name
            address = p.address.replace("号", "号 ", 1) + "室" if p.second_phone else p.address
            self.emit(
                "shop__accounts",
                at,
                p.key,
                account_id=p.account_id,
                phone=self.phone_text(phone),
                email=self.email_text(p.email) if p.email else "",
                wx_unionid=p.unionid if rng.random() < 0.97 else "",
                nickname=f"{p.name[:1]}{rng.choice(('小', '阿', ''))}{rng.randint(1, 999)}",
                receiver_name=name,
                birth_date=(
                    p.birth_date.isoformat() if (p.second_phone or rng.random() < 0.4) else ""
                ),
                city=p.city,
                address=address,
                registered_at=f.iso_local(at),
            )
            self.consent_rows(at, "phone", phone, ("sms",))
            if p.email:
                self.consent_rows(at, "email", p.email, ("email",))
            if p.device or p.mp_openid:
                self.consent_rows(at, "account", p.account_id, ("app_push",))
            if p.unionid:
                self.consent_rows(at, "wx_unionid", p.unionid, ("wecom",))
        if p.member_card:
            at = p.first_active + dt.timedelta(days=rng.randint(0, 40))
            birth = p.birth_date.isoformat()
            if rng.random() < 0.01:
                birth = f"{p.birth_date.year}-02-30"
            self.emit(
                "crm__members",
                at,
                p.key,
                member_id=p.member_id,
                member_card_no=p.member_card,
                phone=self.phone_text(p.phone),
                name=p.name,
                gender=p.gender,
                birth_date=birth,
                city=p.city + "市",
                address=f"{p.city}市{p.address}",
                enrolled_at=f.plain_local(at),
                enrolled_store_id=p.home_store,
                member_level=rng.choice(("silver", "silver", "gold", "platinum")),
            )
            self.consent_rows(at, "member_card", p.member_card, ("sms", "wecom"))
        if p.oa_openid:
            at = p.first_active + dt.timedelta(days=rng.randint(0, 60))
            unfollowed = ""
            if rng.random() < 0.12:
                unfollowed = f.plain_local(at + dt.timedelta(days=rng.randint(20, 300)))
            self.emit(
                "social__oa_followers",
                at,
                p.key,
                follow_id=self.uid("F"),
                app_id=WECHAT_OA_APP,
                openid=p.oa_openid,
                unionid=p.unionid,
                subscribe_scene=rng.choice(("search", "article", "qr_code", "poster")),
                followed_at=f.plain_local(at),
                unfollowed_at=unfollowed,
            )

    def consent_rows(
        self, at: dt.datetime, id_type: str, value: str, channels: tuple[str, ...]
    ) -> None:
        rng = self.rng
        for channel in channels:
            granted = (
                rng.random() < {"sms": 0.75, "email": 0.6, "wecom": 0.7, "app_push": 0.65}[channel]
            )
            self.p.consents[channel] = granted
            status = (
                rng.choice(("granted", "opt_in"))
                if granted
                else rng.choice(("withdrawn", "opt_out"))
            )
            self.emit(
                "crm__consents",
                at,
                self.p.key,
                consent_id=self.uid("CS", channel, id_type),
                identifier_type=id_type,
                identifier_value=value,
                channel=channel,
                consent_status=status,
                recorded_at=f.plain_local(at),
            )
            if granted and rng.random() < 0.04:
                later = at + dt.timedelta(days=rng.randint(30, 400))
                self.p.consents[channel] = False
                self.emit(
                    "crm__consents",
                    later,
                    self.p.key,
                    consent_id=self.uid("CS", channel, id_type, "w"),
                    identifier_type=id_type,
                    identifier_value=value,
                    channel=channel,
                    consent_status="withdrawn",
                    recorded_at=f.plain_local(later),
                )

    def purchase_times(self) -> list[tuple[dt.datetime, str]]:
        p, rng = self.p, self.rng
        if not p.is_buyer:
            return []
        times: list[tuple[dt.datetime, str]] = []
        cadence = CADENCE[p.persona] * math.exp(rng.gauss(0, 0.25))
        churn_at = None
        if p.persona != "occasional" and rng.random() < 0.3:
            churn_at = p.first_active + dt.timedelta(days=rng.uniform(30, 400))
        reactivates = rng.random() < 0.3
        t = p.first_active + dt.timedelta(hours=rng.uniform(0, 48))
        limit = 1 + (rng.random() < 0.35) if p.persona == "occasional" else 10_000
        while t <= self.end_at and len(times) < limit:
            times.append((self._shift_to_persona_time(t), "baseline"))
            if churn_at is not None and t > churn_at:
                if not reactivates:
                    break
                t += dt.timedelta(days=rng.uniform(150, 260))
                churn_at, reactivates = None, False
                continue
            gap = rng.gammavariate(5.0, cadence / 5.0)
            if p.persona == "occasional":
                gap = rng.uniform(60, 220)
            t += dt.timedelta(days=max(1.0, gap))
        return [x for x in times if x[0] <= self.end_at]

    def _shift_to_persona_time(self, t: dt.datetime) -> dt.datetime:
        p, rng = self.p, self.rng
        day = t.date()
        if p.persona == "weekend_stockup" and rng.random() < 0.88:
            day += dt.timedelta(days=(5 - day.weekday()) % 7 + rng.choice((0, 1)))
        if p.persona == "late_night" and rng.random() < 0.85:
            hour = rng.choice((22, 23, 23, 0, 0, 1))
            if hour < 12:
                day += dt.timedelta(days=1)
        elif p.persona == "weekend_stockup":
            hour = rng.choice((9, 10, 10, 11, 14, 15, 16, 17))
        else:
            hour = rng.choices(range(8, 22), weights=(2, 3, 4, 4, 5, 4, 3, 3, 3, 4, 5, 6, 6, 5))[0]
        return _at(day, hour, rng)

    # -- marketing programmes ---------------------------------------------
    def campaign_activity(
        self, baseline: list[tuple[dt.datetime, str]]
    ) -> list[tuple[dt.datetime, str]]:
        """Campaign audiences, sends, opens, clicks, coupons; returns the extra
        purchases that the campaigns cause (holdouts get none)."""
        p, rng, w = self.p, self.rng, self.w
        extra: list[tuple[dt.datetime, str]] = []
        recipient_for = {
            "sms": ("phone", p.phone),
            "email": ("email", p.email),
            "wecom": ("wx_unionid", p.unionid),
            "app_push": ("device", p.device),
        }
        for campaign in w.campaigns:
            if campaign.channel == "community_group":
                extra += self.flash_sale(campaign)
                continue
            if campaign.channel not in recipient_for:
                continue
            kind, value = recipient_for[campaign.channel]
            start = dt.datetime.combine(campaign.start, dt.time(10))
            if (
                not value
                or not p.consents.get(campaign.channel)
                or campaign.channel in p.unsubscribed
                or start < p.first_active
                or start > self.end_at
                or rng.random() >= campaign.audience_rate
            ):
                continue
            holdout = (
                campaign.has_holdout and stable_unit(w.seed, campaign.campaign_id, p.key) < 0.1
            )
            if campaign.channel == "app_push" and p.zero_device:
                continue
            assigned_at = start - dt.timedelta(days=1)
            self.emit(
                "marketing__campaign_members",
                assigned_at,
                p.key,
                campaign_member_id=self.uid("CM", campaign.campaign_id),
                campaign_id=campaign.campaign_id,
                member_type=kind,
                member_value=value,
                assigned_group="holdout" if holdout else "treatment",
                assigned_at=f.iso_utc(assigned_at),
            )
            if holdout:
                continue
            sent = start + dt.timedelta(minutes=rng.randint(0, 600))
            extra += self.message(campaign, kind, value, sent)
        return extra

    def message(
        self, campaign: Campaign, kind: str, value: str, sent: dt.datetime
    ) -> list[tuple[dt.datetime, str]]:
        rng, p = self.rng, self.p
        send_id = self.uid("MS", campaign.campaign_id)
        delivered = rng.random() < 0.95
        recipient = {
            "phone": lambda: self.phone_text(value),
            "email": lambda: self.email_text(value),
        }.get(kind, lambda: value)()
        self.emit(
            "marketing__message_sends",
            sent,
            p.key,
            send_id=send_id,
            campaign_id=campaign.campaign_id,
            channel=self.spell(campaign.channel),
            recipient_type=kind,
            recipient=recipient,
            delivery_status="delivered" if delivered else rng.choice(("bounced", "failed")),
            cost={"sms": "0.05", "email": "0.01"}.get(campaign.channel, "0.00"),
            sent_at=f.iso_utc(sent),
        )
        if not delivered:
            return []
        if campaign.coupon_value and (p.account_id or p.member_card):
            code = "CP" + stable_hash(self.w.seed, p.index, campaign.campaign_id, size=5).upper()
            self.coupons.append((sent, sent + dt.timedelta(days=30), code))
            self.emit(
                "marketing__coupons",
                sent,
                p.key,
                coupon_id=self.uid("CO", campaign.campaign_id),
                coupon_code=code,
                campaign_id=campaign.campaign_id,
                account_id=p.account_id or "",
                member_card_no="" if p.account_id else p.member_card,
                face_value=str(campaign.coupon_value),
                min_spend=str(campaign.coupon_value * 5),
                issued_at=f.iso_utc(sent),
                expires_at=f.iso_utc(sent + dt.timedelta(days=30)),
            )
        open_rate = {"sms": 0.0, "email": 0.3, "wecom": 0.65, "app_push": 0.12}[campaign.channel]
        click_rate = {"sms": 0.06, "email": 0.3, "wecom": 0.3, "app_push": 0.4}[campaign.channel]
        t = sent
        opened = rng.random() < open_rate
        if opened:
            t += dt.timedelta(minutes=rng.randint(1, 600))
            self.emit(
                "marketing__message_events",
                t,
                p.key,
                message_event_id=self.uid("ME", send_id, "open"),
                send_id=send_id,
                event_type="open",
                occurred_at=f.iso_utc(t),
            )
        clicked = (opened or campaign.channel == "sms") and rng.random() < click_rate
        if rng.random() < 0.006:
            self.emit(
                "marketing__message_events",
                t + dt.timedelta(minutes=2),
                p.key,
                message_event_id=self.uid("ME", send_id, "unsub"),
                send_id=send_id,
                event_type="unsubscribe",
                occurred_at=f.iso_utc(t + dt.timedelta(minutes=2)),
            )
            p.unsubscribed.add(campaign.channel)
            return []
        purchases: list[tuple[dt.datetime, str]] = []
        if clicked:
            t += dt.timedelta(minutes=rng.randint(1, 90))
            self.emit(
                "marketing__message_events",
                t,
                p.key,
                message_event_id=self.uid("ME", send_id, "click"),
                send_id=send_id,
                event_type="click",
                occurred_at=f.iso_utc(t),
            )
            if p.is_buyer and rng.random() < 0.35:
                buy = t + dt.timedelta(minutes=rng.randint(5, 600))
                self.session(
                    buy - dt.timedelta(minutes=rng.randint(2, 4)),
                    campaign.channel,
                    campaign.campaign_id,
                    intent=True,
                )
                purchases.append((buy, "message:" + campaign.channel))
        elif p.is_buyer and rng.random() < 0.05:
            purchases.append((sent + dt.timedelta(days=rng.uniform(0.5, 7)), "message_view"))
        return purchases

    # -- purchases ---------------------------------------------------------
    coupons: list[tuple[dt.datetime, dt.datetime, str]]

    def basket(self) -> list[tuple[Product, int]]:
        p, rng, w = self.p, self.rng, self.w
        low, high = BASKET[p.persona]
        size = rng.randint(low, high)
        tier_weights = TIERS[p.persona]
        items: dict[str, tuple[Product, int]] = {}
        while len(items) < size:
            category = rng.choice(p.favourite_categories)
            sub = rng.choice(sorted({x.subcategory for x in w.by_category[category]}))
            product = self._pick(sub, tier_weights)
            qty = rng.choice((1, 1, 2, 3)) if p.persona == "weekend_stockup" else 1
            items.setdefault(product.product_id, (product, qty))
            for complement, prob in COMPLEMENTS.get(sub, ()):
                if rng.random() < prob and len(items) < size + 2:
                    extra = self._pick(complement, tier_weights)
                    items.setdefault(extra.product_id, (extra, 1))
        return [items[k] for k in sorted(items)]

    def _pick(self, subcategory: str, weights: tuple[float, float, float]) -> Product:
        tier = self.rng.choices(("budget", "standard", "premium"), weights=weights)[0]
        return next(x for x in self.w.by_subcategory[subcategory] if x.price_tier == tier)

    def purchase(self, k: int, at: dt.datetime, via: str, is_first: bool) -> None:
        p, rng = self.p, self.rng
        online = rng.random() < ONLINE_SHARE[p.persona]
        if via.startswith("message") or via.startswith("community"):
            online = True
        if online and not p.account_id:
            online = False
        if not online and at.hour >= 22 or not online and at.hour < 8:
            at = at.replace(hour=rng.randint(10, 20))
        items = self.basket()
        gross = sum(prod.list_price * qty for prod, qty in items)
        chance, low, high = DISCOUNT[p.persona]
        discount = round(gross * rng.uniform(low, high), 2) if rng.random() < chance else 0.0
        coupon = ""
        for issued, expires, code in getattr(self, "coupons", []):
            if issued <= at <= expires and code not in self.used_coupons and rng.random() < 0.7:
                coupon = code
                self.used_coupons.add(code)
                discount = round(discount + min(20.0, gross * 0.2), 2)
                break
        partner_code = self._partner_code(at, is_first)
        if partner_code:
            coupon = partner_code
            discount = round(discount + gross * 0.15, 2)
        discount = min(discount, round(gross * 0.6, 2))
        if online:
            self.journey(at, items, via)
            self.online_order(k, at, items, gross, discount, coupon, via)
        else:
            self.store_visit(k, at, items, gross, discount)

    def _partner_code(self, at: dt.datetime, is_first: bool) -> str:
        for partner in self.w.partners:
            if (
                partner.promo_start <= at.date() <= partner.promo_end
                and is_first
                and partner.category in self.p.favourite_categories
                and self.rng.random() < 0.6
            ):
                return partner.partner_code
        return ""

    def online_order(
        self,
        k: int,
        at: dt.datetime,
        items: list[tuple[Product, int]],
        gross: float,
        discount: float,
        coupon: str,
        via: str,
    ) -> None:
        p, rng = self.p, self.rng
        order_id = "SO" + stable_hash(self.w.seed, p.index, "order", k, size=7).upper()
        if via.startswith("message:") or via == "community":
            channel = "mini_program"
        else:
            channel = rng.choices(
                ("tmall", "mini_program", "app", "web"), weights=(35, 40, 15 if p.device else 0, 10)
            )[0]
        utm = self.last_utm if (self.last_utm and channel != "tmall") else ("", "", "")
        self.last_utm = None
        spelling = {"web": "web"}.get(channel) or self.spell(channel)
        status = "cancelled" if rng.random() < 0.02 else "completed"
        self.emit(
            "shop__orders",
            at,
            p.key,
            order_id=order_id,
            account_id=p.account_id,
            order_channel=spelling,
            utm_source=utm[0],
            utm_medium=utm[1],
            utm_campaign=utm[2],
            ordered_at=f.iso_local(at),
            currency="CNY",
            gross_amount=f.money(gross),
            discount_amount=f.money(discount),
            shipping_fee="0.00" if gross >= 99 else "8.00",
            coupon_code=coupon,
            order_status=status,
            receiver_phone=self.phone_text(p.second_phone or p.phone),
        )
        for n, (product, qty) in enumerate(items):
            self.emit(
                "shop__order_items",
                at,
                p.key,
                order_item_id=f"{order_id}-{n + 1}",
                order_id=order_id,
                sku=product.product_id,
                quantity=str(qty),
                unit_price=f.money(product.list_price),
                line_discount=f.money(round(discount * product.list_price * qty / gross, 2)),
            )
        if coupon:
            self.emit(
                "marketing__coupon_redemptions",
                at,
                p.key,
                redemption_id=self.uid("RD", order_id),
                coupon_code=coupon,
                order_id=order_id,
                redeemed_at=f.iso_utc(at),
            )
        if coupon and coupon.startswith("P"):
            self.emit(
                "partners__code_redemptions",
                at,
                p.key,
                redemption_id=self.uid("PR", order_id),
                promo_code=coupon,
                redeemed_with="us",
                order_id=order_id,
                phone_sha256="",
                redeemed_at=f.plain_local(at),
            )
        if status == "completed" and rng.random() < 0.04:
            refunded = at + dt.timedelta(days=rng.randint(3, 14), hours=rng.randint(0, 12))
            product, qty = items[0]
            amount = min(gross - discount, product.list_price * qty)
            self.emit(
                "shop__refunds",
                refunded,
                p.key,
                refund_id=self.uid("RF", order_id),
                order_id=order_id,
                refunded_at=f.iso_local(refunded),
                refund_amount=f.money(amount),
                refund_reason=rng.choice(("damaged", "wrong_item", "changed_mind", "quality")),
            )
            self.ticket(refunded, "refund_request")
        elif rng.random() < 0.03:
            self.ticket(
                at + dt.timedelta(days=rng.randint(1, 8)),
                rng.choice(("delivery_delay", "product_quality", "inquiry", "complaint")),
            )

    def store_visit(
        self,
        k: int,
        at: dt.datetime,
        items: list[tuple[Product, int]],
        gross: float,
        discount: float,
    ) -> None:
        p, rng, w = self.p, self.rng, self.w
        store = p.home_store if rng.random() < 0.8 else rng.choice(w.stores).store_id
        txn = "PT" + stable_hash(w.seed, p.index, "pos", k, size=7).upper()
        # Staff show their card to get the staff discount. At one store the
        # cashiers rarely ask for the card and type the store's own number.
        lazy_store = store == DEFAULT_PHONE_STORE
        asked = rng.random() < (0.35 if lazy_store else 0.88)
        card = p.member_card if (p.member_card and (p.is_employee or asked)) else ""
        phone = ""
        if not card:
            roll = rng.random()
            if lazy_store and roll < 0.9:
                phone = next(s.phone for s in w.stores if s.store_id == store)
            elif roll < 0.45:
                phone = self.phone_text(p.phone)
            elif roll < 0.52:
                phone = PLACEHOLDER_PHONE
        paid_with = rng.choice(("wechat_pay", "alipay", "bank_card", "cash"))
        if card and rng.random() < 0.3:
            paid_with = "stored_value"
        self.emit(
            "pos__transactions",
            at,
            p.key,
            transaction_id=txn,
            store_id=store,
            member_card_no=card,
            customer_phone=phone,
            transacted_at=f.slash_local(at),
            total_amount=f.money(gross - discount),
            discount_amount=f.money(discount),
            payment_method=paid_with,
            cashier_id=f"{store}-{rng.randint(1, 6):02d}",
        )
        for n, (product, qty) in enumerate(items):
            self.emit(
                "pos__transaction_items",
                at,
                p.key,
                line_id=f"{txn}-{n + 1}",
                transaction_id=txn,
                sku=product.product_id,
                quantity=str(qty),
                unit_price=f.money(product.list_price),
            )
        if paid_with == "stored_value":
            self.ledger(at, -(gross - discount))

    def ledger(self, at: dt.datetime, amount: float) -> None:
        p, rng = self.p, self.rng
        balance = getattr(self, "balance", 0.0)
        if balance + amount < 0:
            top_up = 500.0 if -amount < 500 else 1000.0
            balance += top_up
            t0 = at - dt.timedelta(minutes=3)
            self.emit(
                "crm__stored_value_ledger",
                t0,
                p.key,
                entry_id=self.uid("SV", t0),
                member_card_no=p.member_card,
                entry_type="top_up",
                amount=f.money(top_up),
                balance_after=f.money(balance),
                entry_at=f.plain_local(t0),
            )
            if rng.random() < 0.5:
                balance += top_up * 0.1
                self.emit(
                    "crm__stored_value_ledger",
                    t0,
                    p.key,
                    entry_id=self.uid("SV", t0, "b"),
                    member_card_no=p.member_card,
                    entry_type="bonus",
                    amount=f.money(top_up * 0.1),
                    balance_after=f.money(balance),
                    entry_at=f.plain_local(t0),
                )
        balance += amount
        self.balance = balance
        self.emit(
            "crm__stored_value_ledger",
            at,
            p.key,
            entry_id=self.uid("SV", at),
            member_card_no=p.member_card,
            entry_type="spend",
            amount=f.money(amount),
            balance_after=f.money(balance),
            entry_at=f.plain_local(at),
        )

    def ticket(self, at: dt.datetime, reason: str) -> None:
        p, rng = self.p, self.rng
        if at > self.end_at:
            return
        sentiment = {
            "complaint": "negative",
            "product_quality": "negative",
            "delivery_delay": rng.choice(("negative", "neutral")),
            "refund_request": rng.choice(("negative", "neutral")),
            "inquiry": rng.choice(("neutral", "positive")),
        }[reason]
        has_phone = rng.random() < 0.8
        closed = at + dt.timedelta(hours=rng.randint(1, 96))
        self.emit(
            "service__tickets",
            at,
            p.key,
            ticket_id=self.uid("TK", at),
            contact_phone=self.phone_text(p.second_phone or p.phone) if has_phone else "",
            account_id=p.account_id
            if (p.account_id and (not has_phone or rng.random() < 0.6))
            else "",
            ticket_channel=rng.choice(("hotline", "wecom", "online_chat")),
            reason=reason,
            sentiment=sentiment,
            resolution=rng.choice(("resolved", "resolved", "resolved", "escalated", "unresolved")),
            satisfaction_score=str(
                rng.randint(1, 3) if sentiment == "negative" else rng.randint(3, 5)
            ),
            opened_at=f.plain_local(at),
            closed_at=f.plain_local(closed) if closed <= self.end_at else "",
        )

    # -- journeys and browsing ----------------------------------------------
    last_utm: tuple[str, str, str] | None = None

    def journey(self, at: dt.datetime, items: list[tuple[Product, int]], via: str) -> None:
        """Touches before an online purchase: discovery, key step, last touch."""
        p, rng = self.p, self.rng
        if via.startswith("message"):
            return  # the message click and its session were written already
        if via == "community":
            return  # the flash-sale message and its session were written already
        touched = None
        if rng.random() < 0.75:
            touched = self.discovery(at - dt.timedelta(days=rng.uniform(1.5, 20)))
        if (p.device or p.mp_openid) and rng.random() < 0.55:
            when = at - dt.timedelta(hours=rng.uniform(0.5, 40))
            source = touched if (touched and rng.random() < 0.5) else None
            self.session(when, source, None, intent=True, products=[x[0] for x in items])
        if (p.device or p.mp_openid) and rng.random() < 0.2:
            self.session(
                at - dt.timedelta(minutes=rng.randint(2, 30)),
                None,
                None,
                intent=False,
                products=[items[0][0]],
            )

    def discovery(self, at: dt.datetime) -> str | None:
        p, rng, w = self.p, self.rng, self.w
        options = list(p.platform_ids)
        if p.device or p.mp_openid:
            options.append("baidu_search")
        if p.device:
            options.append("tmall")
        if p.oa_openid:
            options.append("wechat_official_account")
        if not options or at < p.first_active - dt.timedelta(days=30):
            return None
        channel = rng.choice(options)
        if channel == "wechat_official_account":
            self.read(at, oa=True)
            return None
        campaigns = [c for c in w.campaigns_on(channel) if c.start <= at.date() <= c.end]
        if not campaigns:
            return None
        campaign = campaigns[0]
        if channel in p.platform_ids:
            for n in range(rng.randint(1, 3)):
                t = at - dt.timedelta(minutes=rng.randint(5, 3000))
                self.emit(
                    "social__video_interactions",
                    t,
                    p.key,
                    interaction_id=self.uid("VI", t, n),
                    platform=self.spell(channel),
                    platform_user_id=p.platform_ids[channel],
                    video_id=f"V{rng.randint(1, 400):04d}",
                    interaction_type=rng.choice(
                        ("view", "view", "like", "comment", "share", "follow")
                    ),
                    interacted_at=f.plain_local(t),
                )
        self.ad_click(at, channel, campaign)
        return channel

    def ad_click(self, at: dt.datetime, channel: str, campaign: Campaign) -> None:
        p, rng = self.p, self.rng
        use_app = bool(p.device) and (not p.mp_openid or rng.random() < 0.5)
        self.emit(
            "marketing__ad_clicks",
            at,
            p.key,
            click_id=self.uid("CK", at),
            platform=self.spell(channel),
            campaign_id=campaign.campaign_id,
            platform_user_id=p.platform_ids.get(channel, ""),
            device_id=self.device_text() if use_app else "",
            openid="" if use_app else p.mp_openid,
            app_id="brand_app" if use_app else WECHAT_MP_APP,
            landing_page=rng.choice(("product_detail", "campaign_page", "home")),
            clicked_at=f.iso_utc(at),
        )
        self.last_utm = (self.spell(channel), "cpc", campaign.campaign_id)

    def device_text(self, shared_ok: bool = False) -> str:
        if self.p.zero_device:
            return PLACEHOLDER_DEVICE
        if shared_ok and self.p.index in FAMILY and self.rng.random() < 0.6:
            return FAMILY_TABLET
        return self.p.device or ""

    def session(
        self,
        at: dt.datetime,
        source: str | None,
        campaign_id: str | None,
        intent: bool,
        products: list[Product] | None = None,
    ) -> None:
        p, rng = self.p, self.rng
        if at > self.end_at or not (p.device or p.mp_openid):
            return
        in_app = bool(p.device) and (not p.mp_openid or rng.random() < 0.55)
        session_id = self.uid("SS", at)
        device = self.device_text(shared_ok=True) if in_app else ""
        on_tablet = device == FAMILY_TABLET
        logged_in = bool(p.account_id) and (
            on_tablet or rng.random() < (0.97 if p.zero_device else 0.75)
        )
        openid = ""
        if not in_app:
            openid = p.mp_openid or ""
            if rng.random() < 0.01 and logged_in:
                openid = PLACEHOLDER_OPENID
        base = dict(
            session_id=session_id,
            platform=rng.choice(("ios", "android")) if in_app else "mini_program",
            app_id="brand_app" if in_app else WECHAT_MP_APP,
            device_id=device,
            account_id=p.account_id if logged_in else "",
            openid=openid,
        )
        utm = ("", "", "")
        if source:
            utm = (
                self.spell(source) if source in CHANNEL_SPELLINGS else source,
                "cpc"
                if source in ("douyin", "xiaohongshu", "kuaishou", "baidu_search")
                else "message",
                campaign_id or "",
            )
        elif rng.random() < 0.03:
            utm = (rng.choice(CHANNEL_SPELLINGS["unknown"]), "referral", "")
        events = [("session_start", "", "")]
        products = products or [
            self._pick(
                rng.choice(sorted(self.w.by_subcategory)), TIERS.get(p.persona, (0.3, 0.5, 0.2))
            )
        ]
        if rng.random() < 0.25:
            events.append(
                (
                    "search",
                    "",
                    rng.choice(
                        ("洗发水", "面霜", "蛋白棒", "燕麦奶", "纸尿裤", "瑜伽垫", "优惠券")
                    ),
                )
            )
        for product in products[: rng.randint(1, 2)]:
            events.append(("view_product", product.product_id, ""))
            if rng.random() < 0.15:
                events.append(("favourite", product.product_id, ""))
            if intent or rng.random() < 0.12:
                events.append(("add_to_cart", product.product_id, ""))
        if rng.random() < 0.05:
            events.append(("share", products[0].product_id, ""))
        t = at
        for n, (name, sku, term) in enumerate(events):
            self.emit(
                "app__events",
                t,
                p.key,
                event_id=self.uid("EV", session_id, n),
                **base,
                event_name=name,
                sku=sku,
                search_term=term,
                utm_source=utm[0] if n == 0 else "",
                utm_medium=utm[1] if n == 0 else "",
                utm_campaign=utm[2] if n == 0 else "",
                occurred_at_ms=f.epoch_ms(t),
            )
            t += dt.timedelta(seconds=rng.randint(5, 120))

    def flash_sale(self, campaign: Campaign) -> list[tuple[dt.datetime, str]]:
        """A community member who buys in a flash sale posted in their group."""
        p, rng = self.p, self.rng
        at = dt.datetime.combine(campaign.start, dt.time(20, 0)) + dt.timedelta(
            minutes=rng.randint(5, 180)
        )
        if (
            not p.community_group
            or not p.is_buyer
            or not (p.device or p.mp_openid)
            or not p.account_id
            or at < p.first_active
            or at > self.end_at
            or rng.random() >= 0.2
        ):
            return []
        t = at - dt.timedelta(minutes=rng.randint(10, 120))
        self.emit(
            "social__community_messages",
            t,
            p.key,
            message_id=self.uid("CMM", t),
            group_id=p.community_group,
            group_name=f"{p.city}会员群",
            sender_unionid=p.unionid,
            sender_role="member",
            message_type="text",
            campaign_id="",
            message_text=rng.choice(("抢到了！", "已下单", "求链接", "冲冲冲")),
            sent_at=f.plain_local(t),
        )
        self.session(
            at - dt.timedelta(minutes=rng.randint(2, 9)),
            "community_group",
            campaign.campaign_id,
            intent=True,
        )
        return [(at, "community")]

    def browsing(self) -> None:
        """Sessions with no purchase behind them; prospects' journeys."""
        p, rng = self.p, self.rng
        if not (p.device or p.mp_openid):
            return
        rate = 26.0 if p.persona == "prospect" else 40.0
        t = p.first_active
        stop = (
            self.end_at
            if rng.random() < 0.7
            else p.first_active + dt.timedelta(days=rng.uniform(20, 300))
        )
        while True:
            t += dt.timedelta(days=rng.expovariate(1.0 / rate))
            if t > stop or t > self.end_at:
                break
            touched = (
                self.discovery(t - dt.timedelta(hours=rng.uniform(0.5, 30)))
                if rng.random() < 0.25
                else None
            )
            hour = rng.choice((22, 23, 0)) if p.persona == "late_night" else rng.randint(9, 22)
            when = t.replace(hour=hour % 24)
            self.session(when, touched, None, intent=False)

    def content_and_social(self) -> None:
        p, rng = self.p, self.rng
        readers = bool(p.oa_openid) or (bool(p.account_id) and bool(p.device))
        if readers:
            t = p.first_active
            while True:
                t += dt.timedelta(days=rng.expovariate(1 / 40.0))
                if t > self.end_at:
                    break
                self.read(t, oa=bool(p.oa_openid) and (not p.device or rng.random() < 0.6))
        if p.community_group:
            t = p.first_active
            while True:
                t += dt.timedelta(days=rng.expovariate(1 / 75.0))
                if t > self.end_at:
                    break
                text = rng.choice(POSITIVE_COMMENTS + NEUTRAL_COMMENTS + NEGATIVE_COMMENTS[:2])
                self.emit(
                    "social__community_messages",
                    t,
                    p.key,
                    message_id=self.uid("CMM", t),
                    group_id=p.community_group,
                    group_name=f"{p.city}会员群",
                    sender_unionid=p.unionid,
                    sender_role="member",
                    message_type="text",
                    campaign_id="",
                    message_text=text,
                    sent_at=f.plain_local(t),
                )

    def read(self, at: dt.datetime, oa: bool) -> None:
        p, rng, w = self.p, self.rng, self.w
        channel = "wechat_official_account" if oa else "mini_program"
        pool = [c for c in w.content if c.channel == channel and c.published_at <= at]
        if not pool:
            return
        interests = {t for t, c in TOPIC_CATEGORY.items() if c in p.favourite_categories}
        preferred = [c for c in pool if c.topic in interests] or pool
        item = rng.choice(preferred if rng.random() < 0.75 else pool)
        weekend = at.weekday() >= 5
        hour = rng.choices(
            (8, 12, 13, 19, 20, 21, 22, 10, 15),
            weights=(6, 7, 4, 5, 9 if weekend else 6, 10 if weekend else 7, 4, 2, 2),
        )[0]
        at = at.replace(hour=hour, minute=rng.randint(0, 59))
        if at > self.end_at:
            return
        typical = {"article": 0.7, "video": 0.5, "live": 0.35, "poster": 0.9, "note": 0.75}[
            item.content_type
        ]
        interested = item.topic in interests
        completion = min(1.0, max(0.02, rng.gauss(typical + (0.15 if interested else -0.1), 0.2)))
        seconds = int(
            completion
            * {"article": 240, "video": 180, "live": 1800, "poster": 20, "note": 90}[
                item.content_type
            ]
        )
        comment = ""
        if rng.random() < 0.06:
            comment = rng.choice(
                POSITIVE_COMMENTS if interested else NEGATIVE_COMMENTS + NEUTRAL_COMMENTS
            )
        read_id = self.uid("RD", at, item.content_id)
        self.emit(
            "content__reads",
            at,
            p.key,
            read_id=read_id,
            content_id=item.content_id,
            app_id=WECHAT_OA_APP if oa else "brand_app",
            openid=p.oa_openid if oa else "",
            account_id="" if oa else p.account_id,
            read_seconds=str(seconds),
            completion_rate=f"{completion:.3f}",
            is_shared="1" if rng.random() < (0.12 if interested else 0.03) else "0",
            comment_text=comment,
            read_at=f.plain_local(at),
        )
        if comment and oa:
            self.emit(
                "social__oa_comments",
                at,
                p.key,
                comment_id=self.uid("OC", read_id),
                app_id=WECHAT_OA_APP,
                openid=p.oa_openid,
                content_id=item.content_id,
                comment_text=comment,
                commented_at=f.plain_local(at + dt.timedelta(minutes=1)),
            )

    def partner_lists(self) -> None:
        """Partner customer lists (hashed on their side) and our codes
        redeemed with a partner, as the partner reports them."""
        p, rng, w = self.p, self.rng, self.w
        for partner in w.partners:
            keen = partner.category in p.favourite_categories
            if rng.random() < (0.5 if keen else 0.08):
                phone = "+86" + p.phone
                email = (p.email or "").strip().lower()
                self.emit(
                    "partners__customer_lists",
                    None,
                    p.key,
                    list_entry_id=self.uid("PL", partner.partner_id),
                    partner_id=partner.partner_id,
                    phone_sha256=sha256_hex(PARTNER_SALT_DEFAULT + phone),
                    email_sha256=sha256_hex(PARTNER_SALT_DEFAULT + email)
                    if email and rng.random() < 0.5
                    else "",
                    list_date=(w.end - dt.timedelta(days=5)).isoformat(),
                )
            if p.is_buyer and keen and rng.random() < 0.12:
                day = partner.promo_start + dt.timedelta(days=rng.randint(0, 29))
                at = dt.datetime.combine(day, dt.time(rng.randint(9, 21), rng.randint(0, 59)))
                if p.first_active <= at <= self.end_at:
                    self.emit(
                        "partners__code_redemptions",
                        at,
                        p.key,
                        redemption_id=self.uid("PR", partner.partner_id),
                        promo_code=partner.our_code,
                        redeemed_with="partner",
                        order_id="",
                        phone_sha256=sha256_hex(PARTNER_SALT_DEFAULT + "+86" + p.phone),
                        redeemed_at=f.plain_local(at),
                    )


def simulate(world: World, index: int, rows: Rows) -> Person:
    sim = PersonSimulator(world, index, rows)
    sim.coupons = []
    sim.used_coupons = set()
    return sim.run()
