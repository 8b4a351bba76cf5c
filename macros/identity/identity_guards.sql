{#- Guards applied before clustering, in order, to the record-identifier
    edges in `edges` (a relation or CTE name). Returns every edge with
    `cut_reason` null (kept) or one of:
    - blocklisted: the identifier is in the identifier_blocklist seed;
    - degree_exceeded: the identifier is on more records than the var
      identity_max_records_per_identifier (a store's default phone);
    - cardinality_conflict: the identifier's records carry two different
      values of a type a person may hold only one of (identifier_types seed,
      max_per_person = 1: account, member card, unionid). The oldest value
      keeps the identifier; edges from records carrying another value are
      cut, so a shared device or home phone never joins two accounts or cards.
    `cut_detail` says what was found. With `hashed_values` the edges hold
    salted hashes of the identifier values (the erasure pre-pass), and the
    blocklist is hashed the same way before it is compared. The edges, the
    CTEs that filter them and the anchors are each read several times and
    are cheaper to compute again than to copy, so they are not_materialized
    (half the time when memory is tight: 100,000 people under 0.7 GB). -#}
{% macro identity_guard_sql(edges, hashed_values=false) -%}
    with

    edges as {{ not_materialized() }} (

        select * from {{ edges }}

    ),

    blocklist as (

        select
            identifier_type,
            {% if hashed_values -%}
                {{ salted_hash('identifier_value') }} as identifier_value,
            {%- else -%}
                identifier_value,
            {%- endif %}
            reason
        from {{ ref('identifier_blocklist') }}

    ),

    limited_types as (

        select identifier_type
        from {{ ref('identifier_types') }}
        where max_per_person = 1

    ),

    blocklisted as (

        select
            edges.*,
            'blocklisted' as cut_reason,
            blocklist.reason as cut_detail
        from edges
        inner join blocklist
            on
                edges.identifier_type = blocklist.identifier_type
                and edges.identifier_value = blocklist.identifier_value

    ),

    unblocked as {{ not_materialized() }} (

        select edges.*
        from edges
        left join blocklist
            on
                edges.identifier_type = blocklist.identifier_type
                and edges.identifier_value = blocklist.identifier_value
        where blocklist.identifier_type is null

    ),

    degrees as (

        select
            node_id,
            count(distinct record_key) as record_count
        from unblocked
        group by 1

    ),

    over_degree as (

        select
            unblocked.*,
            'degree_exceeded' as cut_reason,
            concat(
                'on ', cast(degrees.record_count as {{ dbt.type_string() }}),
                ' records; the limit is {{ var("identity_max_records_per_identifier") }}'
            ) as cut_detail
        from unblocked
        inner join degrees on unblocked.node_id = degrees.node_id
        where degrees.record_count > {{ var('identity_max_records_per_identifier') }}

    ),

    within_degree as {{ not_materialized() }} (

        select unblocked.*
        from unblocked
        inner join degrees on unblocked.node_id = degrees.node_id
        where degrees.record_count <= {{ var('identity_max_records_per_identifier') }}

    ),

    anchors as {{ not_materialized() }} (

        select
            within_degree.record_key,
            within_degree.identifier_type as anchor_type,
            within_degree.node_id as anchor_node,
            min(within_degree.first_seen_at) over (
                partition by within_degree.node_id
            ) as anchor_first_seen_at
        from within_degree
        inner join limited_types
            on within_degree.identifier_type = limited_types.identifier_type

    ),

    anchors_by_node as (

        select distinct
            within_degree.node_id,
            anchors.anchor_type,
            anchors.anchor_node,
            anchors.anchor_first_seen_at
        from within_degree
        inner join anchors
            on
                within_degree.record_key = anchors.record_key
                and within_degree.identifier_type != anchors.anchor_type

    ),

    ranked_anchors as (

        select
            anchors_by_node.*,
            count(*) over (
                partition by anchors_by_node.node_id, anchors_by_node.anchor_type
            ) as anchor_count,
            row_number() over (
                partition by anchors_by_node.node_id, anchors_by_node.anchor_type
                order by
                    anchors_by_node.anchor_first_seen_at asc nulls last,
                    anchors_by_node.anchor_node asc
            ) as anchor_rank
        from anchors_by_node

    ),

    winners as (

        select
            node_id,
            anchor_type,
            anchor_node as winning_anchor
        from ranked_anchors
        where anchor_count > 1 and anchor_rank = 1

    ),

    conflicting_edges as (

        select
            within_degree.record_key,
            within_degree.node_id,
            min(concat(
                anchors.anchor_type, ' ', anchors.anchor_node,
                ' lost to ', winners.winning_anchor
            )) as cut_detail
        from within_degree
        inner join anchors on within_degree.record_key = anchors.record_key
        inner join winners
            on
                within_degree.node_id = winners.node_id
                and anchors.anchor_type = winners.anchor_type
        where anchors.anchor_node != winners.winning_anchor
        group by 1, 2

    ),

    checked as (

        select
            within_degree.*,
            case
                when conflicting_edges.record_key is not null
                    then 'cardinality_conflict'
            end as cut_reason,
            conflicting_edges.cut_detail
        from within_degree
        left join conflicting_edges
            on
                within_degree.record_key = conflicting_edges.record_key
                and within_degree.node_id = conflicting_edges.node_id

    ),

    guarded as (

        select * from checked
        union all
        select * from over_degree
        union all
        select * from blocklisted

    )

    select * from guarded
{%- endmacro %}
