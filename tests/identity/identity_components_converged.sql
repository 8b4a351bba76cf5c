-- Connected components reached a fixpoint: no graph edge joins two
-- components. Returns the offending edges.
with

graph_edges as (

    select * from {{ ref('int_identity_graph_edges') }}

),

components as (

    select * from {{ ref('int_identity_graph_components') }}

)

select
    graph_edges.node_a,
    graph_edges.node_b,
    component_a.component_id as component_a,
    component_b.component_id as component_b
from graph_edges
inner join components as component_a on graph_edges.node_a = component_a.node_id
inner join components as component_b on graph_edges.node_b = component_b.node_id
where component_a.component_id != component_b.component_id
