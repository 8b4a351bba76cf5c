{#- The as-of date as a date literal. -#}
{% macro as_of_date() -%}
    cast('{{ var("as_of_date") }}' as date)
{%- endmacro %}

{#- The end of the as-of date in the reporting time zone, as a UTC timestamp:
    anything later than this has not happened yet. -#}
{% macro as_of_end_utc() -%}
    {{ local_to_utc(
        dbt.dateadd('day', 1, "cast('" ~ var('as_of_date') ~ "' as timestamp)"),
        var('reporting_time_zone')) }}
{%- endmacro %}
