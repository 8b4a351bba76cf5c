{#- Identity state kept between builds, so person ids survive rebuilds, full
    refreshes and new records: after each build the person map and the
    merge/split log are copied to `identity_state__person_map` and
    `identity_state__merge_log` beside them (post-hooks of
    int_identity_merge_log, the last identity model), and the next build
    reads those copies. Deleting them (or the warehouse) mints ids afresh,
    deterministically from each cluster's smallest record key. -#}
{% macro identity_state_relation(name) -%}
    {%- if execute -%}
        {%- set relation = adapter.get_relation(
            database=target.database,
            schema=generate_schema_name('intermediate', none),
            identifier='identity_state__' ~ name) -%}
        {{ return(relation) }}
    {%- endif -%}
    {{ return(none) }}
{%- endmacro %}

{#- Copies a built model to its state table (a post-hook). -#}
{% macro save_identity_state(name, model_relation) -%}
    {%- set state = generate_schema_name('intermediate', none) ~ '.identity_state__' ~ name -%}
    {%- if execute -%}
        {%- do run_query('drop table if exists ' ~ state) -%}
        {%- do run_query('create table ' ~ state
            ~ (' using parquet' if target.type == 'spark' else '')
            ~ ' as select * from ' ~ model_relation) -%}
    {%- endif -%}
    select 1
{%- endmacro %}

{#- A salted hash (md5 of the salt and the value) for pseudonymous keys: the
    erasure suppression list, the hashed identifiers in public marts. The salt
    comes from the environment variable MARKETING_HASH_SALT; the demo default
    must be replaced in production. -#}
{% macro salted_hash(expression) -%}
    {{ dbt.hash("concat('" ~ env_var('MARKETING_HASH_SALT', 'precision-marketing-demo-salt') ~ "', " ~ expression ~ ")") }}
{%- endmacro %}
