{#- One row per identifier that links records (kept by the guards), with the
    person it belongs to: how messages, consents, coupons and audiences keyed
    by a phone, e-mail, device or unionid find their person. -#}
with

kept_edges as (

    select * from {{ ref('int_identity_edges_checked') }}
    where cut_reason is null

),

person_map as (

    select * from {{ ref('int_identity_person_map') }}

),

resolved as (

    select
        kept_edges.node_id,
        min(person_map.person_id) as person_id,
        min(kept_edges.identifier_type) as identifier_type,
        min(kept_edges.identifier_value) as identifier_value,
        count(distinct kept_edges.record_key) as record_count,
        min(kept_edges.first_seen_at) as first_seen_at,
        max(kept_edges.last_seen_at) as last_seen_at
    from kept_edges
    inner join person_map on kept_edges.record_key = person_map.record_key
    group by 1

)

select * from resolved
