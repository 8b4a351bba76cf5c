{#- a / b, null when b is 0 or null. DuckDB returns inf (or an error for
    decimals) and Spark null for a division by zero; every ratio in the
    marts goes through this so both engines agree. -#}
{% macro safe_divide(numerator, denominator) -%}
    ({{ numerator }}) / nullif({{ denominator }}, 0)
{%- endmacro %}

{#- Values of a group joined into one string in a given order. dbt.listagg
    drops the order on Spark; this keeps it on both engines. -#}
{% macro ordered_string_agg(value, order_by, separator) -%}
    {{ return(adapter.dispatch('ordered_string_agg', 'precision_marketing')(value, order_by, separator)) }}
{%- endmacro %}

{#- DuckDB: an ordered list joined into a string. Same result as
    string_agg(... order by ...) (nulls skipped, null for a group of nulls),
    but a plain list aggregate: 1.5x faster on the identity signatures, the
    largest use, and it spills less. -#}
{% macro duckdb__ordered_string_agg(value, order_by, separator) -%}
    array_to_string(
        list({{ value }} order by {{ order_by | join(', ') }}), '{{ separator }}'
    )
{%- endmacro %}

{% macro spark__ordered_string_agg(value, order_by, separator) -%}
    array_join(
        transform(
            array_sort(collect_list(named_struct(
                {%- for expression in order_by %}
                'k{{ loop.index }}', {{ expression }},
                {%- endfor %}
                'v', {{ value }}
            ))),
            item -> item.v
        ),
        '{{ separator }}'
    )
{%- endmacro %}

{#- Written between a CTE's name and its body (`edges as {{ not_materialized() }}
    (...)`) where a CTE that is cheap to compute again, such as an import
    CTE over a table, is read more than once. DuckDB would otherwise copy
    its whole result into memory for the readers to share, which spills to
    disk once the data outgrow the memory limit (with 100,000 people under
    0.7 GB the identity guards took twice as long); re-reading the table
    costs less. Spark never copies a CTE, so there it is empty. -#}
{% macro not_materialized() -%}
    {{ return(adapter.dispatch('not_materialized', 'precision_marketing')()) }}
{%- endmacro %}

{% macro duckdb__not_materialized() -%}
    not materialized
{%- endmacro %}

{% macro default__not_materialized() -%}
{%- endmacro %}

{#- The incremental strategy for this engine: delete+insert on DuckDB,
    insert_overwrite of whole partitions on Spark (merge needs Delta or
    Iceberg; see README, "Running at scale"). -#}
{% macro engine_incremental_strategy() -%}
    {{ return('insert_overwrite' if target.type == 'spark' else 'delete+insert') }}
{%- endmacro %}

{#- An aggregate that signs a set of rows: bit_xor of a 64-bit hash of
    each row's columns (DuckDB's hash, Spark's xxhash64). The same for the
    same set in any order; different, but for a hash collision, when a row
    is added, lost or changed. Rows must be distinct (two equal rows cancel
    out): give it a column that is unique in the set. -#}
{% macro set_signature(columns) -%}
    {{ return(adapter.dispatch('set_signature', 'precision_marketing')(columns)) }}
{%- endmacro %}

{#- DuckDB's hash of several values combines the values' own hashes with
    xor, so a bit_xor over rows of it would be a bit_xor of each column's
    hashes on its own: two touches that swapped channels, or a constant
    signed with an even number of rows, would cancel out. Hashing that hash
    again mixes the columns of each row first. -#}
{% macro duckdb__set_signature(columns) -%}
    {%- if columns | length == 1 -%}
        bit_xor(hash({{ columns[0] }}))
    {%- else -%}
        bit_xor(hash(hash({{ columns | join(', ') }})))
    {%- endif -%}
{%- endmacro %}

{% macro spark__set_signature(columns) -%}
    bit_xor(xxhash64({{ columns | join(', ') }}))
{%- endmacro %}

{#- A non-null hash of a row's columns, the same for equal values (nulls
    included), for finding rows that may be equal before comparing them
    column by column; unequal rows may share it. DuckDB and Spark both
    call it hash (64 and 32 bits). -#}
{% macro row_hash(columns) -%}
    {{ return(adapter.dispatch('row_hash', 'precision_marketing')(columns)) }}
{%- endmacro %}

{% macro default__row_hash(columns) -%}
    hash({{ columns | join(', ') }})
{%- endmacro %}
