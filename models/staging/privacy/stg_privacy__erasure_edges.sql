{#- The erasure pre-pass's edges: every record-identifier edge of every
    usable raw row (before erasure), already reduced to salted hashes (record
    key, identifier value, node id), with the partner-side hash of phones and
    e-mails and whether an erasure request names the identifier (no row
    count: exact copies of a raw row are not told apart here, see
    identity_source_rows). A transient
    table (read once from the raw rows instead of once per use and per data
    test) that stg_privacy__erasure_suppression drops after use. -#}
{{ config(materialized='table') }}

with

requests as (

    select
        identifier_type,
        identifier_value
    from {{ ref('base_crm__erasure_requests') }}
    where quarantine_reason is null

),

raw_edges as (

    {{ identity_edges_sql('base') }}

),

hashed as (

    select
        raw_edges.source_table,
        {{ salted_hash('raw_edges.record_key') }} as record_key,
        raw_edges.identifier_type,
        {{ salted_hash('raw_edges.identifier_value') }} as identifier_value,
        {{ salted_hash('raw_edges.node_id') }} as node_id,
        raw_edges.first_seen_at,
        raw_edges.last_seen_at,
        case
            when raw_edges.identifier_type in ('phone', 'email')
                then {{ partner_hash('raw_edges.identifier_value') }}
        end as partner_hash,
        requests.identifier_type is not null as is_requested
    from raw_edges
    left join requests
        on
            raw_edges.identifier_type = requests.identifier_type
            and raw_edges.identifier_value = requests.identifier_value

)

select * from hashed
