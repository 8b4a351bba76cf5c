{#- The erasure pre-pass's graph, built before staging from every usable raw
    row with the same guards and matcher as the identity layer, on the
    hashed edges of stg_privacy__erasure_edges: salted hashes only. One row per kept record-identifier edge, plus
    one per probabilistic pair at or above the match threshold (the
    pre-pass does not apply the mutual-best rule, so it can only erase more).
    A transient table (built once, not once per data test) that
    stg_privacy__erasure_suppression drops as soon as it has used it. -#}
{{ config(materialized='table') }}

with

checked_edges as (

    {{ identity_guard_sql(
        ref('stg_privacy__erasure_edges'), hashed_values=true
    ) }}

),

kept_edges as (

    select * from checked_edges
    where cut_reason is null

),

record_signatures as (

    {{ identity_signatures_sql('kept_edges') }}

),

erasure_profiles as (

    select
        {{ salted_hash("concat('crm.members:', member_id)") }} as record_key,
        {{ salted_hash("concat('crm.members:', member_id)") }} as component_id,
        full_name,
        birth_date,
        {{ normalize_address('address', 'city') }} as address_key,
        city
    from {{ ref('base_crm__members') }}
    where quarantine_reason is null and not is_duplicate
    union all
    select
        {{ salted_hash("concat('shop.accounts:', account_id)") }} as record_key,
        {{ salted_hash("concat('shop.accounts:', account_id)") }}
            as component_id,
        full_name,
        birth_date,
        {{ normalize_address('address', 'city') }} as address_key,
        city
    from {{ ref('base_shop__accounts') }}
    where quarantine_reason is null and not is_duplicate and not is_test

),

match_scores as (

    {{ identity_match_scores_sql('erasure_profiles') }}

),

identifier_links as (

    select
        'identifier' as link_kind,
        record_signatures.signature_node as node_a,
        kept_edges.node_id as node_b,
        kept_edges.record_key as record_hash,
        kept_edges.partner_hash,
        kept_edges.is_requested
    from kept_edges
    inner join record_signatures
        on kept_edges.record_key = record_signatures.record_key

),

match_links as (

    select
        'match' as link_kind,
        signatures_a.signature_node as node_a,
        signatures_b.signature_node as node_b,
        cast(null as {{ dbt.type_string() }}) as record_hash,
        cast(null as {{ dbt.type_string() }}) as partner_hash,
        false as is_requested
    from match_scores
    inner join record_signatures as signatures_a
        on match_scores.record_key_a = signatures_a.record_key
    inner join record_signatures as signatures_b
        on match_scores.record_key_b = signatures_b.record_key
    where match_scores.match_weight >= {{ var('identity_match_threshold') }}

),

graph as (

    select * from identifier_links
    union all
    select * from match_links

)

select * from graph
