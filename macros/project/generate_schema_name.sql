{#- Custom schemas are used exactly as named (raw, reference, staging,
    intermediate, marts), so a BI tool sees `marts.dim_customers`. Models
    without one land in the target's schema. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema | trim }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
