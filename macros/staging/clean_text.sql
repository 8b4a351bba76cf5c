{#- Trimmed text, with empty strings as null (CSV and Parquet exports disagree
    on how they write a missing value). -#}
{% macro clean_text(expression) -%}
    nullif(trim({{ expression }}), '')
{%- endmacro %}
