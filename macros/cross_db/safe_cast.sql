{#- dbt's safe_cast compiles to a plain cast on dbt-duckdb, which fails on the
    first bad value; try_cast returns null instead, which is what staging needs
    to route the row to quarantine. Spark returns null from cast already (dbt-spark
    runs with ANSI mode off), so the default stays. -#}
{% macro duckdb__safe_cast(field, type) -%}
    try_cast({{ field }} as {{ type }})
{%- endmacro %}
