{#- Connected components of the signature-identifier graph, to a fixpoint
    (connected_components: a recursive query over helper tables on DuckDB,
    iterated rounds on Spark). Incremental on DuckDB: each node keeps a
    signature of its edges, and a run recomputes only the components that
    hold a node whose edges changed (a new, lost or re-guarded edge), over all of those components'
    edges. A component's id is its smallest node, so a recomputed component
    gets the id a full build gives it. A node with no edge left is deleted
    before the run (pre-hook). On Spark (Parquet tables, no row deletes) the
    model is a table, rebuilt whole. -#}
{{ config(
    materialized=('table' if target.type == 'spark' else 'incremental'),
    incremental_strategy='delete+insert',
    unique_key='node_id',
    on_schema_change='append_new_columns',
    pre_hook="{{ delete_lost_graph_nodes(
        ref('int_identity_graph_edges')
    ) }}",
    post_hook=[
        "{{ drop_connected_components_helper('nodes') }}",
        "{{ drop_connected_components_helper('edges') }}",
        "{{ drop_connected_components_helper('final') }}",
    ],
) }}

{#- A table built before edge signatures existed is recomputed whole once
    (its new column is added by on_schema_change). -#}
{%- set update_touched = is_incremental() and 'edge_signature' in (
    adapter.get_columns_in_relation(this)
    | map(attribute='name') | map('lower') | list
) -%}

with

graph_edges as {{ not_materialized() }} (

    select * from {{ ref('int_identity_graph_edges') }}

),

node_signatures as (

    select
        node_id,
        {{ edge_set_signature('neighbour_id') }} as edge_signature
    from (
        select
            node_a as node_id,
            node_b as neighbour_id
        from graph_edges
        union all
        select
            node_b as node_id,
            node_a as neighbour_id
        from graph_edges
    ) as endpoints
    group by 1

),

{% if update_touched %}
previous_components as (

    select * from {{ this }}

),

changed_nodes as (

    select node_signatures.node_id
    from node_signatures
    left join previous_components
        on node_signatures.node_id = previous_components.node_id
    where
        node_signatures.edge_signature
        is distinct from previous_components.edge_signature

),

touched_nodes as (

    select previous_components.node_id
    from previous_components
    where previous_components.component_id in (
        select touched.component_id
        from previous_components as touched
        inner join changed_nodes on touched.node_id = changed_nodes.node_id
    )

    union

    select node_id from changed_nodes

),

{# Every edge of the touched components: an edge that is new changed the
    signature of both its nodes, and an old edge lies within one earlier
    component, so an edge with one touched node has two. #}
component_edges as (

    select graph_edges.node_a, graph_edges.node_b
    from graph_edges
    where graph_edges.node_a in (select touched_nodes.node_id from touched_nodes)

),

{% endif %}
components as (

    {{ connected_components(
        'component_edges' if update_touched
        else ref('int_identity_graph_edges')
    ) | indent(4) }}

),

final as (

    select
        components.node_id,
        components.component_id,
        node_signatures.edge_signature
    from components
    inner join node_signatures on components.node_id = node_signatures.node_id

)

select * from final
