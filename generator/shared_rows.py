"""Rows that belong to the brand rather than to one person: stores, campaigns,
content, spend, partners, staff posts, and the QA team's test orders."""

from __future__ import annotations

import datetime as dt
import random

from generator import formats as f
from generator.people import Rows
from generator.world import (
    CHANNEL_SPELLINGS,
    CITIES,
    PARTNER_SALT_DEFAULT,
    World,
    sha256_hex,
    stable_hash,
)

DAILY_SPEND = {
    "douyin": 3200,
    "xiaohongshu": 2100,
    "kuaishou": 800,
    "baidu_search": 1500,
    "tmall": 2600,
    "meituan": 600,
}


def _emit(rows: Rows, table: str, at: dt.datetime | None, **values: object) -> None:
    row: dict[str, object] = dict(values)
    row["_at"] = at
    row["_owner"] = None
    rows.setdefault(table, []).append(row)


def shared_rows(world: World, rows: Rows) -> None:
    rng = random.Random(world.seed * 7 + 1)
    for s in world.stores:
        _emit(
            rows,
            "pos__stores",
            None,
            store_id=s.store_id,
            store_name=s.name,
            city=s.city,
            district=s.district,
            store_phone=s.phone,
            opened_on=s.opened_on.isoformat(),
        )
    for c in world.campaigns:
        _emit(
            rows,
            "marketing__campaigns",
            None,
            campaign_id=c.campaign_id,
            campaign_name=c.name,
            channel=rng.choice(CHANNEL_SPELLINGS[c.channel]),
            objective=c.objective,
            has_holdout="true" if c.has_holdout else "false",
            started_on=c.start.isoformat(),
            ended_on=c.end.isoformat(),
        )
        if c.channel in DAILY_SPEND:
            day = c.start
            while day <= c.end:
                spend = DAILY_SPEND[c.channel] * rng.uniform(0.6, 1.4)
                impressions = int(spend * rng.uniform(80, 160))
                _emit(
                    rows,
                    "spend__daily_spend",
                    dt.datetime.combine(day, dt.time(23, 0)),
                    spend_id=f"SP{stable_hash(world.seed, c.campaign_id, day, size=6).upper()}",
                    spend_date=day.isoformat(),
                    channel=rng.choice(CHANNEL_SPELLINGS[c.channel]),
                    campaign_id=c.campaign_id,
                    currency="CNY",
                    spend_amount=f.money(spend),
                    impressions=str(impressions),
                    clicks=str(int(impressions * rng.uniform(0.008, 0.03))),
                )
                day += dt.timedelta(days=1)
        if c.channel == "community_group":
            for number, (city, _, _) in enumerate(CITIES, start=1):
                at = dt.datetime.combine(c.start, dt.time(19, 30))
                _emit(
                    rows,
                    "social__community_messages",
                    at,
                    message_id="CMM"
                    + stable_hash(world.seed, c.campaign_id, number, size=8).upper(),
                    group_id=f"G{number:02d}",
                    group_name=f"{city}会员群",
                    sender_unionid=f"oU_staff_{number:02d}",
                    sender_role="staff",
                    message_type="flash_sale_link",
                    campaign_id=c.campaign_id,
                    message_text=f"今晚8点{c.name}，限时秒杀，点击小程序链接抢购！",
                    sent_at=f.plain_local(at),
                )
    for item in world.content:
        _emit(
            rows,
            "content__items",
            item.published_at,
            content_id=item.content_id,
            channel=rng.choice(CHANNEL_SPELLINGS[item.channel]),
            content_type=item.content_type,
            topic=item.topic,
            title=item.title,
            published_at=f.plain_local(item.published_at),
        )
    for p in world.partners:
        _emit(
            rows,
            "partners__partners",
            None,
            partner_id=p.partner_id,
            partner_name=p.name,
            partner_category=p.category,
        )
        _emit(
            rows,
            "partners__promotions",
            None,
            promotion_id=p.promotion_id,
            partner_id=p.partner_id,
            promotion_name=f"{p.name}联名季",
            partner_code=p.partner_code,
            our_code=p.our_code,
            started_on=p.promo_start.isoformat(),
            ended_on=p.promo_end.isoformat(),
        )
        # The partner's own customers who are not ours.
        for n in range(400):
            phone = f"+86199{rng.randint(10_000_000, 99_999_999)}"
            _emit(
                rows,
                "partners__customer_lists",
                None,
                list_entry_id=f"PL{stable_hash(world.seed, p.partner_id, n, size=7).upper()}",
                partner_id=p.partner_id,
                phone_sha256=sha256_hex(PARTNER_SALT_DEFAULT + phone),
                email_sha256="",
                list_date=(world.end - dt.timedelta(days=5)).isoformat(),
            )
    _test_orders(world, rows, rng)


def _test_orders(world: World, rows: Rows, rng: random.Random) -> None:
    """The QA team's accounts place small orders in production."""
    sku = world.products[0].product_id
    for account in world.test_accounts:
        at = dt.datetime.combine(
            world.start + dt.timedelta(days=rng.randint(0, 60)), dt.time(15, 0)
        )
        _emit(
            rows,
            "shop__accounts",
            at,
            account_id=account["account_id"],
            phone=account["phone"],
            email="qa@brand-test.cn",
            wx_unionid="",
            nickname="测试账号",
            receiver_name="测试",
            birth_date="",
            city="上海",
            address="测试地址",
            registered_at=f.iso_local(at),
        )
        for k in range(4):
            t = at + dt.timedelta(days=rng.randint(1, world.days - 70), hours=rng.randint(0, 5))
            order_id = f"SO{stable_hash(world.seed, account['account_id'], k, size=7).upper()}"
            _emit(
                rows,
                "shop__orders",
                t,
                order_id=order_id,
                account_id=account["account_id"],
                order_channel=rng.choice(("app", "web", "小程序")),
                utm_source="",
                utm_medium="",
                utm_campaign="",
                ordered_at=f.iso_local(t),
                currency="CNY",
                gross_amount="0.01",
                discount_amount="0.00",
                shipping_fee="0.00",
                coupon_code="",
                order_status="completed",
                receiver_phone=account["phone"],
            )
            _emit(
                rows,
                "shop__order_items",
                t,
                order_item_id=f"{order_id}-1",
                order_id=order_id,
                sku=sku,
                quantity="1",
                unit_price="0.01",
                line_discount="0.00",
            )
