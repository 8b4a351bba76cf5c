"""The raw export contract: every source table, its key and its columns.

This is the single list the writer follows; the dbt sources YAML documents the
same tables and `tests/python/test_generator.py` checks that the two agree.
Every raw column is written as text, as exports arrive: typing is staging's job.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RawTable:
    source: str
    name: str
    key: str
    columns: tuple[str, ...]

    @property
    def file_stem(self) -> str:
        return f"{self.source}__{self.name}"


def _t(source: str, name: str, key: str, columns: str) -> RawTable:
    return RawTable(source, name, key, tuple(columns.split()))


RAW_TABLES: tuple[RawTable, ...] = (
    # online shop
    _t(
        "shop",
        "accounts",
        "account_id",
        "account_id phone email wx_unionid nickname receiver_name birth_date "
        "city address registered_at",
    ),
    _t(
        "shop",
        "orders",
        "order_id",
        "order_id account_id order_channel utm_source utm_medium utm_campaign "
        "ordered_at currency gross_amount discount_amount shipping_fee "
        "coupon_code order_status receiver_phone",
    ),
    _t(
        "shop",
        "order_items",
        "order_item_id",
        "order_item_id order_id sku quantity unit_price line_discount",
    ),
    _t(
        "shop", "refunds", "refund_id", "refund_id order_id refunded_at refund_amount refund_reason"
    ),
    # stores
    _t("pos", "stores", "store_id", "store_id store_name city district store_phone opened_on"),
    _t(
        "pos",
        "transactions",
        "transaction_id",
        "transaction_id store_id member_card_no customer_phone transacted_at "
        "total_amount discount_amount payment_method cashier_id",
    ),
    _t("pos", "transaction_items", "line_id", "line_id transaction_id sku quantity unit_price"),
    # membership
    _t(
        "crm",
        "members",
        "member_id",
        "member_id member_card_no phone name gender birth_date city address "
        "enrolled_at enrolled_store_id member_level",
    ),
    _t(
        "crm",
        "stored_value_ledger",
        "entry_id",
        "entry_id member_card_no entry_type amount balance_after entry_at",
    ),
    _t(
        "crm",
        "consents",
        "consent_id",
        "consent_id identifier_type identifier_value channel consent_status recorded_at",
    ),
    _t(
        "crm",
        "erasure_requests",
        "request_id",
        "request_id identifier_type identifier_value requested_at",
    ),
    # app and mini-program
    _t(
        "app",
        "events",
        "event_id",
        "event_id session_id platform app_id device_id account_id openid "
        "event_name sku search_term utm_source utm_medium utm_campaign "
        "occurred_at_ms",
    ),
    # social
    _t(
        "social",
        "oa_followers",
        "follow_id",
        "follow_id app_id openid unionid subscribe_scene followed_at unfollowed_at",
    ),
    _t(
        "social",
        "oa_comments",
        "comment_id",
        "comment_id app_id openid content_id comment_text commented_at",
    ),
    _t(
        "social",
        "community_messages",
        "message_id",
        "message_id group_id group_name sender_unionid sender_role "
        "message_type campaign_id message_text sent_at",
    ),
    _t(
        "social",
        "video_interactions",
        "interaction_id",
        "interaction_id platform platform_user_id video_id interaction_type interacted_at",
    ),
    # customer service
    _t(
        "service",
        "tickets",
        "ticket_id",
        "ticket_id contact_phone account_id ticket_channel reason sentiment "
        "resolution satisfaction_score opened_at closed_at",
    ),
    # marketing
    _t(
        "marketing",
        "campaigns",
        "campaign_id",
        "campaign_id campaign_name channel objective has_holdout started_on ended_on",
    ),
    _t(
        "marketing",
        "campaign_members",
        "campaign_member_id",
        "campaign_member_id campaign_id member_type member_value assigned_group assigned_at",
    ),
    _t(
        "marketing",
        "ad_clicks",
        "click_id",
        "click_id platform campaign_id platform_user_id device_id openid "
        "app_id landing_page clicked_at",
    ),
    _t(
        "marketing",
        "message_sends",
        "send_id",
        "send_id campaign_id channel recipient_type recipient delivery_status cost sent_at",
    ),
    _t(
        "marketing",
        "message_events",
        "message_event_id",
        "message_event_id send_id event_type occurred_at",
    ),
    _t(
        "marketing",
        "coupons",
        "coupon_id",
        "coupon_id coupon_code campaign_id account_id member_card_no "
        "face_value min_spend issued_at expires_at",
    ),
    _t(
        "marketing",
        "coupon_redemptions",
        "redemption_id",
        "redemption_id coupon_code order_id redeemed_at",
    ),
    # content
    _t(
        "content", "items", "content_id", "content_id channel content_type topic title published_at"
    ),
    _t(
        "content",
        "reads",
        "read_id",
        "read_id content_id app_id openid account_id read_seconds "
        "completion_rate is_shared comment_text read_at",
    ),
    # spend
    _t(
        "spend",
        "daily_spend",
        "spend_id",
        "spend_id spend_date channel campaign_id currency spend_amount impressions clicks",
    ),
    # partners
    _t("partners", "partners", "partner_id", "partner_id partner_name partner_category"),
    _t(
        "partners",
        "customer_lists",
        "list_entry_id",
        "list_entry_id partner_id phone_sha256 email_sha256 list_date",
    ),
    _t(
        "partners",
        "promotions",
        "promotion_id",
        "promotion_id partner_id promotion_name partner_code our_code started_on ended_on",
    ),
    _t(
        "partners",
        "code_redemptions",
        "redemption_id",
        "redemption_id promo_code redeemed_with order_id phone_sha256 redeemed_at",
    ),
)

TABLES_BY_STEM = {t.file_stem: t for t in RAW_TABLES}
