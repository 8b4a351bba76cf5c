{#- The erasure pre-pass. Runs before staging on every usable raw row:
    builds the same guarded identity graph the identity layer builds
    (identity_edges_sql, identity_guard_sql), finds everything reachable from
    each requested identifier, adds records the probabilistic matcher links to
    them (one round, same weights and threshold), and writes the result as
    salted hashes only. Staging filters on this list (erasure_filter), so an
    erased person exists in no staged, intermediate or mart relation. The
    person's previous person id, from the identity state, is listed too, so
    the merge log can drop it. -#}
{{ config(materialized='table') }}
{%- set previous_map_state = identity_state_relation('person_map') -%}

with

requests as (

    select
        request_id,
        identifier_type,
        identifier_value,
        concat(identifier_type, ':', identifier_value) as node_id,
        requested_at
    from {{ ref('base_crm__erasure_requests') }}
    where quarantine_reason is null

),

all_edges as (

    {{ identity_edges_sql('base') }}

),

checked_edges as (

    {{ identity_guard_sql('all_edges') }}

),

kept_edges as (

    select * from checked_edges where cut_reason is null

),

record_signatures as (

    {{ identity_signatures_sql('kept_edges') }}

),

signature_graph as (

    {{ identity_graph_edges_sql('kept_edges', 'record_signatures') }}

),

seed_nodes as (

    select distinct {{ identity_identifier_node('kept_edges.node_id') }} as node_id
    from kept_edges
    inner join requests
        on
            kept_edges.identifier_type = requests.identifier_type
            and kept_edges.identifier_value = requests.identifier_value

),

reached_nodes as (

    {{ reachable_nodes('seed_nodes', 'signature_graph') }}

),

reached_records as (

    select record_signatures.record_key
    from record_signatures
    inner join reached_nodes
        on record_signatures.signature_node = reached_nodes.node_id

),

erasure_profiles as (

    select
        concat('crm.members:', member_id) as record_key,
        full_name,
        birth_date,
        {{ normalize_address('address', 'city') }} as address_key,
        city
    from {{ ref('base_crm__members') }}
    where quarantine_reason is null and not is_duplicate
    union all
    select
        concat('shop.accounts:', account_id) as record_key,
        full_name,
        birth_date,
        {{ normalize_address('address', 'city') }} as address_key,
        city
    from {{ ref('base_shop__accounts') }}
    where quarantine_reason is null and not is_duplicate and not is_test

),

profiles_marked as (

    select
        erasure_profiles.*,
        case
            when reached_records.record_key is not null then 'erased'
            else erasure_profiles.record_key
        end as component_id
    from erasure_profiles
    left join reached_records
        on erasure_profiles.record_key = reached_records.record_key

),

match_scores as (

    {{ identity_match_scores_sql('profiles_marked') }}

),

limited_anchors as (

    select
        kept_edges.record_key,
        kept_edges.identifier_type,
        kept_edges.node_id,
        reached_records.record_key is not null as is_reached
    from kept_edges
    inner join {{ ref('identifier_types') }} as identifier_types
        on kept_edges.identifier_type = identifier_types.identifier_type
    left join reached_records
        on kept_edges.record_key = reached_records.record_key
    where identifier_types.max_per_person = 1

),

linked_records as (

    select
        case
            when match_scores.component_id_a = 'erased' then match_scores.record_key_b
            else match_scores.record_key_a
        end as record_key
    from match_scores
    where
        (match_scores.component_id_a = 'erased' or match_scores.component_id_b = 'erased')
        and match_scores.match_weight >= {{ var('identity_match_threshold') }}

),

linked_without_conflict as (

    select linked_records.record_key
    from linked_records
    where not exists (
        select 1
        from limited_anchors as theirs
        inner join limited_anchors as ours
            on
                theirs.identifier_type = ours.identifier_type
                and theirs.node_id != ours.node_id
        where
            theirs.record_key = linked_records.record_key
            and ours.is_reached
    )

),

linked_seeds as (

    select distinct record_signatures.signature_node as node_id
    from record_signatures
    inner join linked_without_conflict
        on record_signatures.record_key = linked_without_conflict.record_key

),

linked_reached_nodes as (

    {{ reachable_nodes('linked_seeds', 'signature_graph') }}

),

erased_records as (

    select record_key from reached_records
    union
    select record_signatures.record_key
    from record_signatures
    inner join linked_reached_nodes
        on record_signatures.signature_node = linked_reached_nodes.node_id

),

erased_edges as (

    select kept_edges.*
    from kept_edges
    inner join erased_records on kept_edges.record_key = erased_records.record_key

),

suppressed as (

    select distinct
        'record' as suppressed_kind,
        {{ salted_hash('record_key') }} as suppressed_hash
    from erased_edges
    union
    select
        'identifier' as suppressed_kind,
        {{ salted_hash('node_id') }} as suppressed_hash
    from erased_edges
    union
    select
        'identifier' as suppressed_kind,
        {{ salted_hash('node_id') }} as suppressed_hash
    from requests
    union
    select
        'partner_hash' as suppressed_kind,
        {{ partner_hash('identifier_value') }} as suppressed_hash
    from erased_edges
    where identifier_type in ('phone', 'email')
    {%- if previous_map_state is not none %}
    union
    select
        'person' as suppressed_kind,
        {{ salted_hash('previous_map.person_id') }} as suppressed_hash
    from {{ previous_map_state }} as previous_map
    inner join erased_records
        on previous_map.record_key = erased_records.record_key
    {%- endif %}

),

keyed as (

    select
        {{ dbt.hash(dbt.concat(['suppressed_kind', "'|'", 'suppressed_hash'])) }}
            as suppression_id,
        suppressed_kind,
        suppressed_hash
    from suppressed

)

select * from keyed
