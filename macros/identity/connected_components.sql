{#- Connected components of an undirected graph given as a relation with
    columns node_a, node_b. Returns one row per node: node_id, component_id
    (the smallest node id in its component). Computed to a fixpoint; the
    test `identity_components_converged` fails if any edge still joins two
    components. -#}
{% macro connected_components(edges_relation) -%}
    {{ return(adapter.dispatch('connected_components', 'precision_marketing')(edges_relation)) }}
{%- endmacro %}

{#- DuckDB: label propagation in one recursive CTE with USING KEY, so the
    recursive part sees the whole node -> label dictionary (recurring.cc)
    and only the last round's changes (cc). Each round takes the smallest
    label among the neighbours and the label of the node's own label
    (pointer jumping), so labels travel exponentially fast and long chains
    converge in a logarithmic number of rounds. Only strict improvements are
    emitted, so it stops when nothing changes. The rounds run on numbers,
    not on the node ids (32-character hashes): each node is numbered in node
    id order once, so the smallest number is the smallest id, and the ids
    are put back at the end (at 100k people this took the recursion from
    40 s to 15 s).

    Given a relation (a full build), the numbering, the numbered edges and
    the labels are three statements that write helper tables beside the
    model, so the recursion, which cannot spill, holds integers alone: in
    one query the numbered ids and every materialised step were held with
    it, and at 1M people (12.9M edges) it ran out of a 7 GB memory limit
    (one query: 7.2 GB resident; the steps: 5.1 GB at most). Given a CTE
    name (the touched components of an incremental run, a unit test's
    fixture) it is one query. -#}
{% macro duckdb__connected_components(edges_relation) -%}
    {%- set in_helpers = edges_relation is not string
        and execute and flags.WHICH in ('run', 'build') -%}
    {%- if in_helpers -%}
        {%- set helper = connected_components_helper_prefix() -%}
        {%- do run_query(
            'create or replace table ' ~ helper ~ '_nodes as '
            ~ duckdb__numbered_graph_nodes(edges_relation)) -%}
        {%- do run_query(
            'create or replace table ' ~ helper ~ '_edges as '
            ~ duckdb__numbered_graph_edges(edges_relation, helper ~ '_nodes')) -%}
        {%- do run_query(
            'create or replace table ' ~ helper ~ '_final as with recursive '
            ~ duckdb__component_labels(helper ~ '_nodes', helper ~ '_edges')
            ~ ' select node_id, component_id from cc') -%}
        select
            nodes.node_id,
            labels.node_id as component_id
        from {{ helper }}_final as cc
        inner join {{ helper }}_nodes as nodes
            on cc.node_id = nodes.node_number
        inner join {{ helper }}_nodes as labels
            on cc.component_id = labels.node_number
    {%- else -%}
    with recursive

    graph_nodes as materialized (

        {{ duckdb__numbered_graph_nodes(edges_relation) | indent(8) }}

    ),

    graph_edges as materialized (

        {{ duckdb__numbered_graph_edges(edges_relation, 'graph_nodes')
            | indent(8) }}

    ),

    {{ duckdb__component_labels('graph_nodes', 'graph_edges') }}

    select
        nodes.node_id,
        labels.node_id as component_id
    from cc
    inner join graph_nodes as nodes on cc.node_id = nodes.node_number
    inner join graph_nodes as labels on cc.component_id = labels.node_number
    {%- endif -%}
{%- endmacro %}

{#- The nodes of an edge relation (node_a, node_b), each numbered in node
    id order: node_id, node_number. -#}
{% macro duckdb__numbered_graph_nodes(edges_relation) -%}
    select
        node_id,
        row_number() over (order by node_id) as node_number
    from (
        select node_a as node_id from {{ edges_relation }}
        union
        select node_b as node_id from {{ edges_relation }}
    ) as endpoints
{%- endmacro %}

{#- The edges of an edge relation as node numbers, in both directions:
    source_node, target_node. -#}
{% macro duckdb__numbered_graph_edges(edges_relation, nodes_relation) -%}
    with numbered_edges as (

        select
            nodes_a.node_number as source_node,
            nodes_b.node_number as target_node
        from {{ edges_relation }} as edges
        inner join {{ nodes_relation }} as nodes_a
            on edges.node_a = nodes_a.node_id
        inner join {{ nodes_relation }} as nodes_b
            on edges.node_b = nodes_b.node_id

    )

    select source_node, target_node from numbered_edges
    union
    select target_node as source_node, source_node as target_node
    from numbered_edges
{%- endmacro %}

{#- The recursive CTE cc (node_id, component_id) over numbered nodes
    (node_number) and numbered edges (source_node, target_node), for a
    `with recursive` list. -#}
{% macro duckdb__component_labels(nodes_relation, edges_relation) -%}
    cc (node_id, component_id) using key (node_id) as (

        select
            node_number as node_id,
            node_number as component_id
        from {{ nodes_relation }}

        union

        (
            with candidates as (

                select
                    graph_edges.target_node as node_id,
                    cc.component_id
                from cc
                inner join {{ edges_relation }} as graph_edges
                    on cc.node_id = graph_edges.source_node

                union all

                select
                    cc.node_id,
                    jumped.component_id
                from cc
                inner join recurring.cc as jumped
                    on cc.component_id = jumped.node_id

            )

            select
                candidates.node_id,
                min(candidates.component_id) as component_id
            from candidates
            inner join recurring.cc as current_label
                on candidates.node_id = current_label.node_id
            group by candidates.node_id, current_label.component_id
            having min(candidates.component_id) < current_label.component_id
        )

    )
{%- endmacro %}

{#- Spark (and other engines): no USING KEY, so iterate in helper tables:
    each round sets every node's label to the smallest of its own, its
    neighbours' and its label's label, until a round changes nothing. The
    helpers live beside the model and are dropped when it is built. Fails if
    var identity_max_rounds rounds are not enough. -#}
{% macro default__connected_components(edges_relation) -%}
    {%- set helper = connected_components_helper_prefix() -%}
    {%- if execute and flags.WHICH in ('run', 'build') -%}
        {%- do run_query('drop table if exists ' ~ helper ~ '_edges') -%}
        {%- do run_query(
            'create table ' ~ helper ~ '_edges as '
            ~ 'select node_a as source_node, node_b as target_node from ' ~ edges_relation
            ~ ' union select node_b, node_a from ' ~ edges_relation) -%}
        {%- do run_query('drop table if exists ' ~ helper ~ '_0') -%}
        {%- do run_query(
            'create table ' ~ helper ~ '_0 as select source_node as node_id, '
            ~ 'least(source_node, min(target_node)) as component_id from ' ~ helper ~ '_edges group by 1') -%}
        {%- set state = namespace(round=0, converged=false) -%}
        {%- for round in range(1, var('identity_max_rounds') + 1) -%}
            {%- if not state.converged -%}
                {%- set previous = helper ~ '_' ~ (round - 1) -%}
                {%- set current = helper ~ '_' ~ round -%}
                {%- do run_query('drop table if exists ' ~ current) -%}
                {%- do run_query(
                    'create table ' ~ current ~ ' as '
                    ~ 'with neighbour_labels as (select e.source_node as node_id, min(l.component_id) as component_id '
                    ~ 'from ' ~ helper ~ '_edges e inner join ' ~ previous ~ ' l on e.target_node = l.node_id group by 1) '
                    ~ 'select p.node_id, least(p.component_id, coalesce(n.component_id, p.component_id), '
                    ~ 'coalesce(j.component_id, p.component_id)) as component_id '
                    ~ 'from ' ~ previous ~ ' p left join neighbour_labels n on p.node_id = n.node_id '
                    ~ 'left join ' ~ previous ~ ' j on p.component_id = j.node_id') -%}
                {%- set changed = run_query(
                    'select count(*) from ' ~ current ~ ' c inner join ' ~ previous
                    ~ ' p on c.node_id = p.node_id where c.component_id != p.component_id').columns[0].values()[0] -%}
                {%- do run_query('drop table if exists ' ~ previous) -%}
                {%- set state.round = round -%}
                {%- if changed == 0 -%}
                    {%- set state.converged = true -%}
                {%- endif -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if not state.converged -%}
            {{ exceptions.raise_compiler_error(
                "Connected components did not converge in " ~ var('identity_max_rounds')
                ~ " rounds; raise var identity_max_rounds.") }}
        {%- endif -%}
        {%- do run_query('drop table if exists ' ~ helper ~ '_final') -%}
        {%- do run_query('alter table ' ~ helper ~ '_' ~ state.round ~ ' rename to ' ~ helper ~ '_final') -%}
        select node_id, component_id from {{ helper }}_final
    {%- else -%}
        select node_a as node_id, node_a as component_id from {{ edges_relation }}
    {%- endif -%}
{%- endmacro %}

{#- A signature of a node's set of neighbours (an aggregate over the
    node's edges, one row per neighbour): equal for the same set in any
    order, different (but for a 64-bit hash collision) when an edge is
    added or lost. int_identity_graph_components keeps it per node to find
    the nodes whose edges changed since the last build. -#}
{% macro edge_set_signature(neighbour) -%}
    {{ set_signature([neighbour]) }}
{%- endmacro %}

{#- Pre-hook of int_identity_graph_components on an incremental run:
    deletes the nodes that no longer have an edge (an erased or re-guarded
    record's last link), which the run's delete+insert would not reach.
    Their neighbours lost an edge too, so the components they were in are
    recomputed. -#}
{% macro delete_lost_graph_nodes(edges_relation) -%}
    {%- if target.type == 'duckdb' and is_incremental() -%}
        delete from {{ this }}
        where node_id not in (
            select node_a from {{ edges_relation }}
            union all
            select node_b from {{ edges_relation }}
        )
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}

{#- Drops one helper table of connected_components (post-hook); a table a
    target does not write is not there, and `if exists` passes over it. -#}
{% macro drop_connected_components_helper(suffix) -%}
    drop table if exists {{ connected_components_helper_prefix() }}_{{ suffix }}
{%- endmacro %}

{#- The name the helper tables of connected_components start with, beside
    the model being built: <schema>.<model>__cc (then _nodes, _edges,
    _final). -#}
{% macro connected_components_helper_prefix() -%}
    {{ return(this.schema ~ '.' ~ this.identifier ~ '__cc') }}
{%- endmacro %}

{#- Drops a transient relation after use (a post-hook of the model that
    read it last), so what it holds is not kept between builds. -#}
{% macro drop_relation_after_use(relation) -%}
    drop table if exists {{ relation }}
{%- endmacro %}
