{#- Every raw row that staging could not use, from every source table: which
    table, its key as it arrived, the reason code and the raw values. Each
    base_ model decides the reason; this model only collects them. Rows
    carrying an identifier of an erased person are left out. A table,
    not a view: a snapshot of what each build refused (and a view this long
    exceeds the Hive metastore's limit on view text). -#}
{{ config(materialized='table') }}
{%- set checked_tables = [
    ('app', 'events', 'event_id'),
    ('content', 'items', 'content_id'),
    ('content', 'reads', 'read_id'),
    ('crm', 'consents', 'consent_id'),
    ('crm', 'erasure_requests', 'request_id'),
    ('crm', 'members', 'member_id'),
    ('crm', 'stored_value_ledger', 'entry_id'),
    ('marketing', 'ad_clicks', 'click_id'),
    ('marketing', 'campaign_members', 'campaign_member_id'),
    ('marketing', 'campaigns', 'campaign_id'),
    ('marketing', 'coupon_redemptions', 'redemption_id'),
    ('marketing', 'coupons', 'coupon_id'),
    ('marketing', 'message_events', 'message_event_id'),
    ('marketing', 'message_sends', 'send_id'),
    ('partners', 'code_redemptions', 'redemption_id'),
    ('partners', 'customer_lists', 'list_entry_id'),
    ('partners', 'partners', 'partner_id'),
    ('partners', 'promotions', 'promotion_id'),
    ('pos', 'stores', 'store_id'),
    ('pos', 'transaction_items', 'line_id'),
    ('pos', 'transactions', 'transaction_id'),
    ('service', 'tickets', 'ticket_id'),
    ('shop', 'accounts', 'account_id'),
    ('shop', 'order_items', 'order_item_id'),
    ('shop', 'orders', 'order_id'),
    ('shop', 'refunds', 'refund_id'),
    ('social', 'community_messages', 'message_id'),
    ('social', 'oa_comments', 'comment_id'),
    ('social', 'oa_followers', 'follow_id'),
    ('social', 'video_interactions', 'interaction_id'),
    ('spend', 'daily_spend', 'spend_id'),
] -%}

with

{% for source_name, table_name, key in checked_tables %}
    {{ source_name }}__{{ table_name }} as (

        select
            '{{ source_name }}.{{ table_name }}' as source_table,
            {{ key }} as raw_key,
            quarantine_reason,
            raw_values
        from {{ ref('base_' ~ source_name ~ '__' ~ table_name) }}
        where
            quarantine_reason is not null
            and {{ erasure_filter(
                source_name ~ '.' ~ table_name, by_identifiers=true
            ) }}

    ),

{% endfor %}
quarantined as (

    {% for source_name, table_name, key in checked_tables %}
        select * from {{ source_name }}__{{ table_name }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

numbered as (

    select
        quarantined.*,
        row_number() over (
            partition by
                quarantined.source_table,
                quarantined.raw_key,
                quarantined.quarantine_reason,
                quarantined.raw_values
            order by quarantined.raw_values
        ) as occurrence
    from quarantined

),

keyed as (

    select
        {{ dbt.hash(dbt.concat([
            "source_table", "'|'", "coalesce(raw_key, '')", "'|'",
            "raw_values", "'|'", "cast(occurrence as " ~ dbt.type_string() ~ ")",
        ])) }} as quarantined_row_id,
        source_table,
        raw_key,
        quarantine_reason,
        raw_values
    from numbered

)

select * from keyed
