{#- ISO weekday (1 = Monday ... 7 = Sunday) of a date, the same on every
    engine (DuckDB's dayofweek counts from Sunday = 0, Spark's from
    Sunday = 1): days since Monday 1900-01-01, modulo 7, plus one. -#}
{% macro iso_weekday(date_expression) -%}
    (
        cast(
            {{ dbt.datediff("cast('1900-01-01' as date)", date_expression, 'day') }}
            as {{ dbt.type_bigint() }}
        ) % 7 + 1
    )
{%- endmacro %}
