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

{#- How many times ISO weekday `weekday` (an expression, 1 to 7) occurs in
    the `window_days` days that end on the as-of date: whole weeks, plus one
    when the weekday falls in the remainder that starts the window. -#}
{% macro weekday_occurrences(weekday, window_days) -%}
    {%- set window_start = 'cast(' ~ dbt.dateadd(
        'day', 1 - window_days, as_of_date()) ~ ' as date)' -%}
    (
        floor(
            (
                {{ window_days }} - 1
                - (({{ weekday }} - {{ iso_weekday(window_start) }}) % 7 + 7) % 7
            ) / 7
        ) + 1
    )
{%- endmacro %}

{#- English and Chinese names of an ISO weekday expression (1 = Monday). -#}
{% macro weekday_name(weekday, language='en') -%}
    {%- set names = {
        'en': ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday',
               'Saturday', 'Sunday'],
        'zh': ['周一', '周二', '周三', '周四', '周五', '周六', '周日']} -%}
    case {{ weekday }}
        {%- for name in names[language] %}
        when {{ loop.index }} then '{{ name }}'
        {%- endfor %}
    end
{%- endmacro %}
