{#- One row per identifier that links records (kept by the guards), with the
    person it belongs to: how messages, consents, coupons and audiences keyed
    by a phone, e-mail, device or unionid find their person. is_main_of_type
    marks each person's main identifier of each type (most records, then
    latest seen, then smallest node id): the one rule dim_customers (main
    phone and e-mail) and activation (recipient per channel) both read.
    An edge is one record and one identifier (edge_id, tested unique), so a
    node's edges count its records without a distinct. A kept identifier
    joins all its records into one component, so every record of a node has
    the same person: the node is summarised from the edges first and looks
    up the person of one of its records (a join of one row per identifier,
    not one per edge; half the time at 100,000 people when memory is tight).
    -#}
with

kept_edges as (

    select * from {{ ref('int_identity_edges_checked') }}
    where cut_reason is null

),

person_map as (

    select * from {{ ref('int_identity_person_map') }}

),

nodes as (

    select
        node_id,
        min(record_key) as sample_record_key,
        min(identifier_type) as identifier_type,
        min(identifier_value) as identifier_value,
        count(*) as record_count,
        min(first_seen_at) as first_seen_at,
        max(last_seen_at) as last_seen_at
    from kept_edges
    group by 1

),

resolved as (

    select
        nodes.node_id,
        person_map.person_id,
        nodes.identifier_type,
        nodes.identifier_value,
        nodes.record_count,
        nodes.first_seen_at,
        nodes.last_seen_at
    from nodes
    inner join person_map on nodes.sample_record_key = person_map.record_key

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
