{#- The raw row as a JSON object of its text columns, in the given order, for
    the quarantine table: what arrived, before any cleaning. -#}
{% macro raw_values_json(columns) -%}
    {{ return(adapter.dispatch('raw_values_json', 'precision_marketing')(columns)) }}
{%- endmacro %}

{% macro duckdb__raw_values_json(columns) -%}
    cast(json_object(
        {%- for column in columns %}
        '{{ column }}', {{ column }}{{ "," if not loop.last }}
        {%- endfor %}
    ) as varchar)
{%- endmacro %}

{% macro spark__raw_values_json(columns) -%}
    to_json(named_struct(
        {%- for column in columns %}
        '{{ column }}', {{ column }}{{ "," if not loop.last }}
        {%- endfor %}
    ))
{%- endmacro %}
