{{ config(materialized='view') }}

with

checked as (

    select * from {{ ref('int_identity_edges_checked') }}

),

cut as (

    select
        edge_id,
        source_table,
        record_key,
        identifier_type,
        node_id,
        cut_reason,
        cut_detail,
        first_seen_at,
        last_seen_at
    from checked
    where cut_reason is not null

)

select * from cut
