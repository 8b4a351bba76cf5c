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

{#- One "not suppressed" condition: the salted hash of `expression` (or,
    for partner_hash, the expression itself) is not in the suppression list
    under `kind`. `hashed` names a column that already holds the salted hash
    (a staged model that keeps it), so it is not computed again. -#}
{% macro erasure_condition(kind, expression, hashed=none) -%}
    {%- set hashed = hashed or (
        expression if kind == 'partner_hash' else salted_hash(expression)
    ) -%}
    (
        {% if erasure_hash_may_be_null(kind) -%}
        {{ hashed }} is null
        or {% endif -%}
        {{ hashed }} not in (
            select suppressed_hash from {{ ref('stg_privacy__erasure_suppression') }}
            where suppressed_kind = '{{ kind }}'
        )
    )
{%- endmacro %}

{#- Whether the hash an erasure condition compares may be null, so that the
    condition checks for null first (a null hash is never suppressed). -#}
{% macro erasure_hash_may_be_null(kind) -%}
    {{ return(adapter.dispatch('erasure_hash_may_be_null', 'precision_marketing')(kind)) }}
{%- endmacro %}

{#- Spark: always. `coalesce(x not in (subquery), true)` is not enough:
    Spark plans a NOT IN subquery inside an expression as a null-aware
    existence join, which gives false, not null, for a null x, and the row
    would vanish on Spark only (it did: quarantined rows without a member
    card). -#}
{% macro default__erasure_hash_may_be_null(kind) -%}
    {{ return(true) }}
{%- endmacro %}

{#- DuckDB: only a partner hash (a column that may be null). DuckDB's concat
    skips nulls, so a salted hash is never null, and the check only computed
    the hash a second time for every row (the NOT IN's join key is the
    first): the reconciliation tests took half the time without it. -#}
{% macro duckdb__erasure_hash_may_be_null(kind) -%}
    {{ return(kind == 'partner_hash') }}
{%- endmacro %}

{#- True when a row of `table` does not belong to an erased person.
    `by_identifiers` checks an identity source's identifier columns instead
    of its record key: the quarantine uses it, since a refused row is no
    identity record. `record_hash` names a column already holding the
    salted hash of the record key (the models staged by day keep it). The
    conditions come in one pair of parentheses, so `not erasure_filter(...)`
    negates them all. -#}
{% macro erasure_filter(table, by_identifiers=false, record_hash=none) -%}
    {%- set conditions = [] -%}
    {%- set source = identity_source(table) -%}
    {%- if source is not none and not by_identifiers -%}
        {%- do conditions.append(erasure_condition(
            'record', identity_record_key(source), record_hash
        )) -%}
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
    {%- if conditions %}
    ({{ conditions | join('\n    and ') }})
    {%- else %}
    true
    {%- endif %}
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

{#- The profiles the erasure pre-pass's matcher compares: every usable raw
    member and shop account (before erasure), keyed like the edges (salted
    hash of the record key; the record is its own component, so every pair
    of records is scored). -#}
{% macro erasure_match_profiles() -%}
    with

    profiles as (

        select
            {{ salted_hash("concat('crm.members:', member_id)") }}
                as record_key,
            full_name,
            birth_date,
            {{ normalize_address('address', 'city') }} as address_key,
            city
        from {{ ref('base_crm__members') }}
        where quarantine_reason is null and not is_duplicate
        union all
        select
            {{ salted_hash("concat('shop.accounts:', account_id)") }}
                as record_key,
            full_name,
            birth_date,
            {{ normalize_address('address', 'city') }} as address_key,
            city
        from {{ ref('base_shop__accounts') }}
        where quarantine_reason is null and not is_duplicate and not is_test

    )

    select
        record_key,
        record_key as component_id,
        full_name,
        birth_date,
        address_key,
        city
    from profiles
{%- endmacro %}

{#- The kept edges of every person to erase: each record reachable from a
    requested identifier over the record-identifier edges in `edges` (the
    hashed edges of stg_privacy__erasure_edges) that the identity guards
    keep, and over the matcher's pairs at or above identity_match_threshold
    (without the mutual-best rule, so the pre-pass can only erase more).
    One row per kept edge of such a record: record_key, node_id. -#}
{% macro erased_edges(edges) -%}
    {{ return(adapter.dispatch('erased_edges', 'precision_marketing')(edges)) }}
{%- endmacro %}

{#- DuckDB: a breadth-first search in one recursive query over records and
    identifiers, which guards and scores only what it reaches. UNION keeps
    each node once over all rounds, so a round starts from the nodes the
    round before reached first. It applies identity_guard_sql to the edges
    that decide the guards of the identifiers it touches (theirs, and those
    of the anchor identifiers, account, card or unionid, of their records:
    what the degree limit and the cardinality rule read), so each touched
    identifier's edges are cut or kept exactly as over all edges; it
    follows the kept ones, and scores the records it reached first (those
    with a kept edge) against the profiles of their blocks (same name and
    city, or same birth date and surname) with the identity layer's
    blocking and weights. Each record's kept edges are emitted as rows of
    kind edge. Nothing is computed for the millions of records no request
    reaches, and the search stops when a round reaches nothing new. -#}
{% macro duckdb__erased_edges(edges) -%}
    with recursive

    erasure_profiles as materialized (

        {{ erasure_match_profiles() | indent(8) }}

    ),

    limited_types as materialized (

        select identifier_type
        from {{ ref('identifier_types') }}
        where max_per_person = 1

    ),

    reached (node_kind, node_id) as (

        select distinct
            'identifier' as node_kind,
            node_id
        from {{ edges }}
        where is_requested

        union

        (
            with

            frontier_records as (

                select node_id as record_key from reached
                where node_kind = 'record'

            ),

            touched_nodes as (

                select node_id from reached
                where node_kind = 'identifier'
                union
                select all_edges.node_id
                from {{ edges }} as all_edges
                where all_edges.record_key in (
                    select frontier_records.record_key from frontier_records
                )

            ),

            touched_edges as (

                select all_edges.record_key
                from {{ edges }} as all_edges
                where all_edges.node_id in (
                    select touched_nodes.node_id from touched_nodes
                )

            ),

            anchor_nodes as (

                select all_edges.node_id
                from {{ edges }} as all_edges
                where
                    all_edges.record_key in (
                        select touched_edges.record_key from touched_edges
                    )
                    and all_edges.identifier_type in (
                        select limited_types.identifier_type
                        from limited_types
                    )

            ),

            deciding_edges as (

                select all_edges.*
                from {{ edges }} as all_edges
                where all_edges.node_id in (
                    select touched_nodes.node_id from touched_nodes
                    union
                    select anchor_nodes.node_id from anchor_nodes
                )

            ),

            guarded as (

                {{ identity_guard_sql('deciding_edges', hashed_values=true)
                    | indent(16) }}

            ),

            kept as (

                select guarded.record_key, guarded.node_id
                from guarded
                where
                    guarded.cut_reason is null
                    and guarded.node_id in (
                        select touched_nodes.node_id from touched_nodes
                    )

            ),

            kept_of_frontier as (

                select kept.record_key, kept.node_id
                from kept
                where kept.record_key in (
                    select frontier_records.record_key from frontier_records
                )

            ),

            frontier_profiles as (

                select erasure_profiles.*
                from erasure_profiles
                where erasure_profiles.record_key in (
                    select kept_of_frontier.record_key from kept_of_frontier
                )

            ),

            block_profiles as (

                {%- for rule in identity_blocking_rules(
                    'erasure_profiles', 'frontier_profiles'
                ) %}
                select erasure_profiles.*
                from erasure_profiles
                inner join frontier_profiles on {{ rule.condition }}
                {%- if not loop.last %}
                union
                {%- endif %}
                {%- endfor %}

            ),

            match_scores as (

                {{ identity_match_scores_sql('block_profiles') | indent(16) }}

            ),

            matches as (

                select record_key_a, record_key_b
                from match_scores
                where match_weight >= {{ var('identity_match_threshold') }}

            )

            select
                'record' as node_kind,
                kept.record_key as node_id
            from kept
            where kept.node_id in (
                select reached.node_id from reached
                where reached.node_kind = 'identifier'
            )
            union all
            select
                'identifier' as node_kind,
                kept_of_frontier.node_id
            from kept_of_frontier
            union all
            select
                'edge' as node_kind,
                concat(
                    kept_of_frontier.record_key, '|', kept_of_frontier.node_id
                ) as node_id
            from kept_of_frontier
            union all
            select
                'record' as node_kind,
                matches.record_key_b as node_id
            from matches
            where matches.record_key_a in (
                select frontier_profiles.record_key from frontier_profiles
            )
            union all
            select
                'record' as node_kind,
                matches.record_key_a as node_id
            from matches
            where matches.record_key_b in (
                select frontier_profiles.record_key from frontier_profiles
            )
        )

    )

    select
        split_part(node_id, '|', 1) as record_key,
        split_part(node_id, '|', 2) as node_id
    from reached
    where node_kind = 'edge'
{%- endmacro %}

{#- Spark and other engines (no recursive queries): the identity guards over
    every edge, written to a helper table beside the model (dropped by its
    post-hook); the whole graph of records and identifiers (every kept edge,
    and every pair of stg_privacy__erasure_match_links whose records both
    have a kept edge); its connected_components (which reads the graph, an
    unaliased subquery, more than once); then the kept edges of the records
    in a component with a requested identifier. -#}
{% macro default__erased_edges(edges) -%}
    {%- set kept_edges = connected_components_helper_prefix() ~ '_kept' -%}
    {%- if execute and flags.WHICH in ('run', 'build') -%}
        {%- do run_query('drop table if exists ' ~ kept_edges) -%}
        {%- do run_query(
            'create table ' ~ kept_edges ~ ' as select record_key, node_id, '
            ~ 'is_requested from ('
            ~ identity_guard_sql(edges, hashed_values=true)
            ~ ') as guarded where cut_reason is null') -%}
    {%- endif -%}
    {%- set graph_edges -%}
    (
        select
            concat('record:', edges.record_key) as node_a,
            edges.node_id as node_b
        from {{ kept_edges }} as edges
        union all
        select
            concat('record:', links.record_key_a) as node_a,
            concat('record:', links.record_key_b) as node_b
        from {{ ref('stg_privacy__erasure_match_links') }} as links
        where
            links.record_key_a in (select record_key from {{ kept_edges }})
            and links.record_key_b in (
                select record_key from {{ kept_edges }}
            )
    )
    {%- endset -%}
    with

    components as (

        {{ connected_components(graph_edges) | indent(8) }}

    ),

    erased_components as (

        select distinct components.component_id
        from components
        inner join {{ kept_edges }} as edges
            on components.node_id = edges.node_id
        where edges.is_requested

    ),

    erased_records as (

        select substr(components.node_id, 8) as record_key
        from components
        inner join erased_components
            on components.component_id = erased_components.component_id
        where components.node_id like 'record:%'

    )

    select
        edges.record_key,
        edges.node_id
    from {{ kept_edges }} as edges
    inner join erased_records
        on edges.record_key = erased_records.record_key
{%- endmacro %}
