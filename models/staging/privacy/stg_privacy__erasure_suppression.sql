{#- The erasure pre-pass: everything reachable from a requested identifier
    (its connected component) on the pre-erasure graph of
    stg_privacy__erasure_edges: the record-identifier edges the identity
    guards keep and the matcher's pairs at or above the match threshold
    (erased_edges, which guards and scores only what it reaches on DuckDB).
    Salted hashes only: records, identifiers (and the requested ones),
    partner-side hashes of phones and e-mails, and the person ids the
    previous build gave those records. Every staged model filters on this
    list (erasure_filter), so an erased person exists in no staged,
    intermediate or mart relation. -#}
{{ config(
    materialized='table',
    post_hook=[
        "{{ drop_connected_components_helper('kept') }}",
        "{{ drop_connected_components_helper('edges') }}",
        "{{ drop_connected_components_helper('final') }}",
        "{{ drop_relation_after_use(ref('stg_privacy__erasure_edges')) }}",
        "{{ drop_relation_after_use(
            this.schema ~ '.stg_privacy__erasure_match_links') }}",
    ],
) }}
{#- Spark's erased_edges guards the edges in a statement of its own, which
    dbt does not parse for refs. -#}
-- depends_on: {{ ref('identifier_blocklist') }}
-- depends_on: {{ ref('identifier_types') }}
{% set previous_map_state = identity_state_relation('person_map') -%}

with

erased_edges as (

    {{ erased_edges(ref('stg_privacy__erasure_edges')) }}

),

erased_links as (

    select
        erased_edges.record_key as record_hash,
        erased_edges.node_id as node_b,
        all_edges.partner_hash
    from erased_edges
    inner join {{ ref('stg_privacy__erasure_edges') }} as all_edges
        on
            erased_edges.record_key = all_edges.record_key
            and erased_edges.node_id = all_edges.node_id

),

requests as (

    select concat(identifier_type, ':', identifier_value) as node_id
    from {{ ref('base_crm__erasure_requests') }}
    where quarantine_reason is null

),

suppressed as (

    select
        'record' as suppressed_kind,
        record_hash as suppressed_hash
    from erased_links
    union
    select
        'identifier' as suppressed_kind,
        node_b as suppressed_hash
    from erased_links
    union
    select
        'identifier' as suppressed_kind,
        {{ salted_hash('node_id') }} as suppressed_hash
    from requests
    union
    select
        'partner_hash' as suppressed_kind,
        partner_hash as suppressed_hash
    from erased_links
    where partner_hash is not null
    {%- if previous_map_state is not none %}
    union
    select
        'person' as suppressed_kind,
        {{ salted_hash('previous_map.person_id') }} as suppressed_hash
    from {{ previous_map_state }} as previous_map
    where {{ salted_hash('previous_map.record_key') }} in (
        select erased_links.record_hash from erased_links
    )
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
