{#- The erasure pre-pass's graph: the record-identifier edges of every
    usable raw row (before erasure) that the identity layer's guards keep,
    on the hashed edges of stg_privacy__erasure_edges: salted hashes only.
    The matcher's links are not listed here: stg_privacy__erasure_suppression
    scores only the pairs its search reaches (erased_records). A transient
    table (built once, not once per data test) that
    stg_privacy__erasure_suppression drops as soon as it has used it. -#}
{{ config(materialized='table') }}

with

checked_edges as (

    {{ identity_guard_sql(
        ref('stg_privacy__erasure_edges'), hashed_values=true
    ) }}

),

kept_edges as (

    select
        record_key,
        node_id,
        partner_hash,
        is_requested
    from checked_edges
    where cut_reason is null

)

select * from kept_edges
