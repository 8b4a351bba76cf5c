{#- Connected components of the signature-identifier graph, to a fixpoint
    (connected_components: one recursive query on DuckDB, iterated rounds on
    Spark). -#}
{{ config(post_hook=[
    "{{ drop_connected_components_helper('edges') }}",
    "{{ drop_connected_components_helper('final') }}",
]) }}

{{ connected_components(ref('int_identity_graph_edges')) }}
