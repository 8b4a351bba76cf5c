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

{% macro duckdb__ordered_string_agg(value, order_by, separator) -%}
    string_agg({{ value }}, '{{ separator }}' order by {{ order_by | join(', ') }})
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

{#- The incremental strategy for this engine: delete+insert on DuckDB,
    insert_overwrite of whole partitions on Spark (merge needs Delta or
    Iceberg; see README, "Running at scale"). -#}
{% macro engine_incremental_strategy() -%}
    {{ return('insert_overwrite' if target.type == 'spark' else 'delete+insert') }}
{%- endmacro %}
