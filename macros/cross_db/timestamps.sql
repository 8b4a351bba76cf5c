{#- Parsing the timestamp conventions the sources use, and moving between UTC
    and the business's wall clock. Every function returns null on bad input;
    staging turns the null into a quarantine reason. -#}

{#- Local wall-clock text in one of the given strftime formats, as a naive
    timestamp in the same zone. -#}
{% macro parse_timestamp(expression, formats) -%}
    {{ return(adapter.dispatch('parse_timestamp', 'precision_marketing')(expression, formats)) }}
{%- endmacro %}

{% macro duckdb__parse_timestamp(expression, formats) -%}
    try_strptime({{ expression }}, [
        {%- for format in formats %}'{{ format }}'{{ ", " if not loop.last }}{% endfor -%}
    ])
{%- endmacro %}

{% macro spark__parse_timestamp(expression, formats) -%}
    coalesce(
        {%- for format in formats %}
        to_timestamp({{ expression }}, '{{ strftime_to_java(format) }}'){{ "," if not loop.last }}
        {%- endfor %}
    )
{%- endmacro %}

{#- Translates the few strftime codes used here into Java date patterns. -#}
{% macro strftime_to_java(format) -%}
    {{ format | replace('%Y', 'yyyy') | replace('%m', 'MM') | replace('%d', 'dd')
        | replace('%H', 'HH') | replace('%M', 'mm') | replace('%S', 'ss') }}
{%- endmacro %}

{#- ISO 8601 text with an offset or a Z, as a naive UTC timestamp. -#}
{% macro parse_iso_timestamp_to_utc(expression) -%}
    {{ return(adapter.dispatch('parse_iso_timestamp_to_utc', 'precision_marketing')(expression)) }}
{%- endmacro %}

{% macro duckdb__parse_iso_timestamp_to_utc(expression) -%}
    cast(timezone('UTC', try_cast({{ expression }} as timestamptz)) as timestamp)
{%- endmacro %}

{% macro spark__parse_iso_timestamp_to_utc(expression) -%}
    {#- the Spark session runs in UTC (profiles.yml), so this is UTC -#}
    to_timestamp({{ expression }})
{%- endmacro %}

{#- Milliseconds since the epoch, as a naive UTC timestamp. -#}
{% macro epoch_ms_to_timestamp(expression) -%}
    {{ return(adapter.dispatch('epoch_ms_to_timestamp', 'precision_marketing')(expression)) }}
{%- endmacro %}

{% macro duckdb__epoch_ms_to_timestamp(expression) -%}
    epoch_ms(try_cast({{ expression }} as bigint))
{%- endmacro %}

{% macro spark__epoch_ms_to_timestamp(expression) -%}
    timestamp_millis(cast({{ expression }} as bigint))
{%- endmacro %}

{#- Seconds since the epoch of a UTC timestamp. -#}
{% macro epoch_seconds(expression) -%}
    {{ return(adapter.dispatch('epoch_seconds', 'precision_marketing')(expression)) }}
{%- endmacro %}

{% macro duckdb__epoch_seconds(expression) -%}
    epoch({{ expression }})
{%- endmacro %}

{% macro spark__epoch_seconds(expression) -%}
    unix_timestamp({{ expression }})
{%- endmacro %}

{#- A naive wall-clock timestamp in `time_zone` to naive UTC. -#}
{% macro local_to_utc(expression, time_zone=none) -%}
    {{ return(adapter.dispatch('local_to_utc', 'precision_marketing')(expression, time_zone or var('source_time_zone'))) }}
{%- endmacro %}

{% macro duckdb__local_to_utc(expression, time_zone) -%}
    cast(timezone('UTC', timezone('{{ time_zone }}', {{ expression }})) as timestamp)
{%- endmacro %}

{% macro spark__local_to_utc(expression, time_zone) -%}
    to_utc_timestamp({{ expression }}, '{{ time_zone }}')
{%- endmacro %}

{#- A naive UTC timestamp to the wall clock of `time_zone` (the reporting
    zone by default): hours of day and weekdays are read from this. -#}
{% macro utc_to_local(expression, time_zone=none) -%}
    {{ return(adapter.dispatch('utc_to_local', 'precision_marketing')(expression, time_zone or var('reporting_time_zone'))) }}
{%- endmacro %}

{% macro duckdb__utc_to_local(expression, time_zone) -%}
    cast(timezone('{{ time_zone }}', timezone('UTC', {{ expression }})) as timestamp)
{%- endmacro %}

{% macro spark__utc_to_local(expression, time_zone) -%}
    from_utc_timestamp({{ expression }}, '{{ time_zone }}')
{%- endmacro %}
