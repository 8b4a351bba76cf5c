{#- Records collapsed to signatures: records that carry exactly the same kept
    identifiers are interchangeable for clustering (a customer's forty orders
    with the same account and phone are one signature), so the graph the
    components run on is small even when the records are many. Returns one
    row per record: record_key, signature_node; `with_seen` adds the
    record's source_table, first_seen_at, last_seen_at and row_count from
    the same grouping, so the identity layer groups its edges by record once.
    -#}
{% macro identity_signatures_sql(kept_edges, with_seen=false) -%}
    select
        record_key,
        concat('signature:', {{ dbt.hash(ordered_string_agg('node_id', ['node_id'], '|')) }})
            as signature_node
        {%- if with_seen %},
        min(source_table) as source_table,
        min(first_seen_at) as first_seen_at,
        max(last_seen_at) as last_seen_at,
        max(row_count) as row_count
        {%- endif %}
    from {{ kept_edges }}
    group by 1
{%- endmacro %}

{#- The bipartite signature-identifier graph as undirected edges (node_a,
    node_b). Identifier nodes are hashed so that component ids, which are
    the smallest node in a component, are opaque and hold no personal data. -#}
{% macro identity_graph_edges_sql(kept_edges, signatures) -%}
    select distinct
        {{ signatures }}.signature_node as node_a,
        concat('identifier:', {{ dbt.hash(kept_edges ~ '.node_id') }}) as node_b
    from {{ kept_edges }}
    inner join {{ signatures }}
        on {{ kept_edges }}.record_key = {{ signatures }}.record_key
{%- endmacro %}

{#- The hashed graph node of an identifier node id. -#}
{% macro identity_identifier_node(node_id) -%}
    concat('identifier:', {{ dbt.hash(node_id) }})
{%- endmacro %}

{#- An address without the city, spaces and the trailing 室, so that
    "上海市浦东新区人民路1号5栋1201" and "浦东新区人民路1号 5栋1201室" agree. -#}
{% macro normalize_address(address, city) -%}
    {{ regex_replace_all(
        "replace(replace(" ~ address ~ ", concat(" ~ city ~ ", '市'), ''), " ~ city ~ ", '')",
        '[ 　]|室$', '') }}
{%- endmacro %}
