{#- ISO day of the week of a date or timestamp: 1 = Monday ... 7 = Sunday.
    Engines number weekdays differently (DuckDB's dayofweek counts from
    0 = Sunday, Spark's from 1 = Sunday), so weekends are read from this. -#}
{% macro iso_day_of_week(expression) -%}
    {{ return(adapter.dispatch('iso_day_of_week', 'precision_marketing')(expression)) }}
{%- endmacro %}

{% macro default__iso_day_of_week(expression) -%}
    extract(isodow from {{ expression }})
{%- endmacro %}

{% macro spark__iso_day_of_week(expression) -%}
    (weekday({{ expression }}) + 1)
{%- endmacro %}

{#- True on Saturdays and Sundays. -#}
{% macro is_weekend(expression) -%}
    ({{ iso_day_of_week(expression) }} >= 6)
{%- endmacro %}

{#- True when a local hour (0-23) falls in the late-night window from var
    clustering_late_night_start_hour (included) to var
    clustering_late_night_end_hour (excluded); the window wraps past
    midnight when the start is after the end (22 to 2: 22:00-01:59). -#}
{% macro is_late_night_hour(hour_expression) -%}
    {%- set start_hour = var('clustering_late_night_start_hour') | int -%}
    {%- set end_hour = var('clustering_late_night_end_hour') | int -%}
    {%- set joiner = 'or' if start_hour > end_hour else 'and' -%}
    ({{ hour_expression }} >= {{ start_hour }} {{ joiner }} {{ hour_expression }} < {{ end_hour }})
{%- endmacro %}
