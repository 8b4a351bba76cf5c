{#- Why are two records one person? Prints the shortest chain of links from
    record_a to record_b: each hop is a record sharing a kept identifier
    (with the source table and when it was seen) or an accepted
    probabilistic match (with its per-field weights). Returns the hops.

        dbt run-operation explain_identity_link \
          --args '{record_a: "crm.members:M1", record_b: "shop.orders:SO1"}'
-#}
{% macro explain_identity_link(record_a, record_b) %}
    {%- set query -%}
        {{ identity_link_path_sql(record_a, record_b) }}
    {%- endset -%}
    {%- set hops = run_query(query) -%}
    {%- if hops.rows | length == 0 -%}
        {{ print("No chain of kept links joins " ~ record_a ~ " and " ~ record_b
                 ~ ": they are not the same person.") }}
    {%- else -%}
        {{ print(record_a ~ " and " ~ record_b ~ " are one person:") }}
        {%- for hop in hops.rows -%}
            {{ print("  " ~ hop['hop_number'] ~ ". " ~ hop['from_key'] ~ "  --[" ~ hop['rule'] ~ "]-->  " ~ hop['to_key']) }}
        {%- endfor -%}
    {%- endif -%}
    {{ return(hops) }}
{% endmacro %}

{#- The hops of the shortest chain, one row each (hop_number, from_key,
    rule, to_key), or no row when the records are not linked. -#}
{% macro identity_link_path_sql(record_a, record_b) -%}
    {{ return(adapter.dispatch('identity_link_path_sql', 'precision_marketing')(record_a, record_b)) }}
{%- endmacro %}

{% macro duckdb__identity_link_path_sql(record_a, record_b) -%}
    with recursive

    links as (

        {{ identity_links_sql() }}

    ),

    search (node_key, previous_key, rule, depth) using key (node_key) as (

        select
            '{{ record_a }}' as node_key,
            cast(null as varchar) as previous_key,
            cast(null as varchar) as rule,
            0 as depth

        union

        select
            links.to_key as node_key,
            min(links.from_key) as previous_key,
            min(links.rule) as rule,
            min(search.depth) + 1 as depth
        from search
        inner join links on search.node_key = links.from_key
        where links.to_key not in (select node_key from recurring.search)
        group by links.to_key

    ),

    path (node_key, previous_key, rule, steps_back) as (

        select node_key, previous_key, rule, 0 from search where node_key = '{{ record_b }}'
        union all
        select search.node_key, search.previous_key, search.rule, path.steps_back + 1
        from path
        inner join search on path.previous_key = search.node_key

    )

    select
        row_number() over (order by steps_back desc) as hop_number,
        previous_key as from_key,
        rule,
        node_key as to_key
    from path
    where previous_key is not null
    order by hop_number
{%- endmacro %}

{#- Every link of the identity graph in both directions, with the rule that
    makes it: a record carrying a kept identifier, or an accepted
    probabilistic match with its per-field weights. -#}
{% macro identity_links_sql() -%}
    with

    kept as (

        select * from {{ ref('int_identity_edges_checked') }}
        where cut_reason is null

    ),

    matches as (

        select * from {{ ref('int_identity_match_candidates') }}
        where is_accepted

    ),

    links as (

        select
            record_key as from_key,
            node_id as to_key,
            concat('carries ', identifier_type, ' in ', source_table, ', seen ',
                   cast(first_seen_at as varchar), ' to ', cast(last_seen_at as varchar)) as rule
        from kept
        union all
        select
            node_id as from_key,
            record_key as to_key,
            concat('carried by a ', source_table, ' record') as rule
        from kept
        union all
        select
            record_key_a as from_key,
            record_key_b as to_key,
            concat('probabilistic match, weight ', cast(round(match_weight, 1) as varchar),
                   ': name ', full_name_level, ' ', cast(round(full_name_weight, 1) as varchar),
                   ', birth date ', birth_date_level, ' ', cast(round(birth_date_weight, 1) as varchar),
                   ', address ', address_level, ' ', cast(round(address_weight, 1) as varchar),
                   ', city ', city_level, ' ', cast(round(city_weight, 1) as varchar)) as rule
        from matches
        union all
        select record_key_b, record_key_a, concat('probabilistic match, weight ',
            cast(round(match_weight, 1) as varchar)) from matches

    )

    select * from links
{%- endmacro %}

{#- Other engines (Spark allows only UNION ALL in recursive queries): walks
    of at most 8 hops that never revisit a node; the shortest one wins. -#}
{% macro default__identity_link_path_sql(record_a, record_b) -%}
    with recursive

    links as (

        {{ identity_links_sql() }}

    ),

    walks (node_key, path, rules, depth) as (

        select
            '{{ record_a }}' as node_key,
            concat('|', '{{ record_a }}', '|') as path,
            cast('' as {{ dbt.type_string() }}) as rules,
            0 as depth

        union all

        select
            links.to_key as node_key,
            concat(walks.path, links.to_key, '|') as path,
            concat(walks.rules, links.rule, ' ;; ') as rules,
            walks.depth + 1 as depth
        from walks
        inner join links on walks.node_key = links.from_key
        where
            walks.depth < 8
            and walks.node_key != '{{ record_b }}'
            and instr(walks.path, concat('|', links.to_key, '|')) = 0

    ),

    shortest as (

        select
            filter(split(path, '[|]'), part -> part != '') as nodes,
            split(rules, ' ;; ') as hop_rules,
            depth
        from walks
        where node_key = '{{ record_b }}'
        order by depth, path
        limit 1

    ),

    hops as (

        select inline(transform(
            sequence(1, depth),
            position -> named_struct(
                'hop_number', position,
                'from_key', element_at(nodes, position),
                'rule', element_at(hop_rules, position),
                'to_key', element_at(nodes, position + 1)
            )
        ))
        from shortest
        where depth > 0

    )

    select * from hops
    order by hop_number
{%- endmacro %}
