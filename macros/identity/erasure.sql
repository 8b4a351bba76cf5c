{#- Erasure filters. `stg_privacy__erasure_suppression` lists, as salted
    hashes only, every record, identifier and person id of a person who asked
    to be erased; each staged model keeps a row only when
    `erasure_filter(table)` is true, so the person disappears from staging and
    therefore from everything built on it.

    Identity records are matched by record key (exactly the person's records,
    never a family member's that shares a device); rows that only point at
    such a record (order lines, refunds) by that record; rows keyed by an
    identifier (messages, consents, audiences, coupons, the stored-value
    ledger) by the identifier; partner rows by the partner's salted hash. -#}
{% macro erasure_dependents() %}
    {{ return({
        'shop.order_items': [('record', 'shop.orders', 'order_id')],
        'shop.refunds': [('record', 'shop.orders', 'order_id')],
        'pos.transaction_items': [('record', 'pos.transactions', 'transaction_id')],
        'marketing.coupon_redemptions': [('record', 'shop.orders', 'order_id')],
        'crm.consents': [('identifier', "concat(identifier_type, ':', identifier_value)")],
        'crm.stored_value_ledger': [('identifier', "concat('member_card:', member_card_no)")],
        'marketing.message_sends': [('identifier', "concat(recipient_type, ':', recipient)")],
        'marketing.campaign_members': [('identifier', "concat(identifier_type, ':', identifier_value)")],
        'marketing.coupons': [('identifier', "concat('account:', account_id)"),
                              ('identifier', "concat('member_card:', member_card_no)")],
        'partners.customer_lists': [('partner_hash', 'phone_sha256'), ('partner_hash', 'email_sha256')],
        'partners.code_redemptions': [('partner_hash', 'phone_sha256'),
                                      ('record', 'shop.orders', 'order_id')],
    }) }}
{% endmacro %}

{#- The identity source config of one table, or none. -#}
{% macro identity_source(table) -%}
    {%- for source in identity_sources() if source.table == table -%}
        {{ return(source) }}
    {%- endfor -%}
    {{ return(none) }}
{%- endmacro %}

{#- One "not suppressed" condition. Null-safe by hand: a null hash is never
    suppressed. `coalesce(x not in (subquery), true)` is not enough: Spark
    plans a NOT IN subquery inside an expression as a null-aware existence
    join, which gives false, not null, for a null x, and the row would vanish
    on Spark only (it did: quarantined rows without a member card). -#}
{% macro erasure_condition(kind, expression) -%}
    {%- set hashed = expression if kind == 'partner_hash' else salted_hash(expression) -%}
    (
        {{ hashed }} is null
        or {{ hashed }} not in (
            select suppressed_hash from {{ ref('stg_privacy__erasure_suppression') }}
            where suppressed_kind = '{{ kind }}'
        )
    )
{%- endmacro %}

{#- True when a row of `table` does not belong to an erased person.
    `by_identifiers` checks an identity source's identifier columns instead
    of its record key: the quarantine uses it, since a refused row is no
    identity record. -#}
{% macro erasure_filter(table, by_identifiers=false) -%}
    {%- set conditions = [] -%}
    {%- set source = identity_source(table) -%}
    {%- if source is not none and not by_identifiers -%}
        {%- do conditions.append(erasure_condition('record', identity_record_key(source))) -%}
    {%- elif source is not none -%}
        {%- for identifier_type, column, scope in source.identifiers -%}
            {%- do conditions.append(erasure_condition('identifier', identity_node(identifier_type, column, scope))) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- for rule in erasure_dependents().get(table, []) -%}
        {%- if rule[0] == 'record' -%}
            {%- do conditions.append(erasure_condition('record', "concat('" ~ rule[1] ~ ":', " ~ rule[2] ~ ")")) -%}
        {%- else -%}
            {%- do conditions.append(erasure_condition(rule[0], rule[1])) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ conditions | join('\n    and ') if conditions else 'true' }}
{%- endmacro %}

{#- SHA-256 in lower-case hex. -#}
{% macro sha256_hex(expression) -%}
    {{ return(adapter.dispatch('sha256_hex', 'precision_marketing')(expression)) }}
{%- endmacro %}

{% macro duckdb__sha256_hex(expression) -%}
    sha256({{ expression }})
{%- endmacro %}

{% macro default__sha256_hex(expression) -%}
    sha2({{ expression }}, 256)
{%- endmacro %}

{#- The hash a partner sends for one of our identifiers: SHA-256 of the salt
    agreed with the partner (environment variable PARTNER_HASH_SALT, with the
    demo's default) followed by the normalised value. -#}
{% macro partner_hash(expression) -%}
    {{ sha256_hex("concat('" ~ env_var('PARTNER_HASH_SALT', 'demo-partner-salt-2025') ~ "', " ~ expression ~ ")") }}
{%- endmacro %}

{#- A salted SHA-256 (hex) for identifiers published in marts: our own salt
    (MARKETING_HASH_SALT), never the partners'. Null stays null. -#}
{% macro salted_sha256(expression) -%}
    case
        when {{ expression }} is not null
            then {{ sha256_hex("concat('" ~ env_var('MARKETING_HASH_SALT', 'precision-marketing-demo-salt') ~ "', " ~ expression ~ ")") }}
    end
{%- endmacro %}

{#- Pre-hook of incremental staged models: deletes rows already loaded for
    a person who has since asked to be erased, found by the salted hash of
    their identity record kept on every row. DuckDB only: Spark's Parquet
    tables cannot delete rows, so there the model reloads every day that
    still holds such a row (insert_overwrite rewrites the whole day). -#}
{% macro delete_erased_rows(hash_column) -%}
    {%- if target.type == 'duckdb' and is_incremental() -%}
        delete from {{ this }}
        where {{ hash_column }} in (
            select suppressed_hash
            from {{ ref('stg_privacy__erasure_suppression') }}
            where suppressed_kind = 'record'
        )
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}
