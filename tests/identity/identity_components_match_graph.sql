-- The components hold exactly the graph's nodes, each component named by
-- its smallest node. Guards the incremental update of
-- int_identity_graph_components: a node left behind after losing its last
-- edge, a node never labelled, or a component that kept the id of a node
-- it no longer holds. Returns the offending nodes with the reason.
with

graph_edges as {{ not_materialized() }} (

    select * from {{ ref('int_identity_graph_edges') }}

),

components as {{ not_materialized() }} (

    select * from {{ ref('int_identity_graph_components') }}

),

graph_nodes as (

    select node_a as node_id from graph_edges
    union
    select node_b as node_id from graph_edges

),

component_minimums as (

    select
        component_id,
        min(node_id) as smallest_node_id
    from components
    group by 1

),

problems as (

    select
        components.node_id,
        'node without an edge in the graph' as problem
    from components
    where
        components.node_id not in (select graph_nodes.node_id from graph_nodes)

    union all

    select
        graph_nodes.node_id,
        'graph node without a component' as problem
    from graph_nodes
    where
        graph_nodes.node_id not in (select components.node_id from components)

    union all

    select
        component_minimums.component_id as node_id,
        'component not named by its smallest node' as problem
    from component_minimums
    where component_minimums.component_id != component_minimums.smallest_node_id

)

select * from problems
