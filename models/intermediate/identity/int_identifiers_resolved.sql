{#- One row per identifier that links records (kept by the guards), with the
    person it belongs to: how messages, consents, coupons and audiences keyed
    by a phone, e-mail, device or unionid find their person. is_main_of_type
    marks each person's main identifier of each type (most records, then
    latest seen, then smallest node id): the one rule dim_customers (main
    phone and e-mail) and activation (recipient per channel) both read.
    An edge is one record and one identifier (edge_id, tested unique), so a
    node's edges count its records without a distinct. -#}
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
        count(*) as record_count,
        min(kept_edges.first_seen_at) as first_seen_at,
        max(kept_edges.last_seen_at) as last_seen_at
    from kept_edges
    inner join person_map on kept_edges.record_key = person_map.record_key
    group by 1

),

flagged as (

    select
        resolved.*,
        row_number() over (
            partition by resolved.person_id, resolved.identifier_type
            order by
                resolved.record_count desc,
                resolved.last_seen_at desc,
                resolved.node_id asc
        ) = 1 as is_main_of_type
    from resolved

)

select * from flagged
