{#- True on every copy of an exact duplicate row except the first: the same
    export line written twice. The copies are identical, so which one counts
    as first does not change any result. -#}
{% macro is_repeated_row(columns) -%}
    row_number() over (
        partition by {{ columns | join(', ') }}
        order by {{ columns[0] }}
    ) > 1
{%- endmacro %}

{#- The canonical channel id for a raw source / platform / UTM string, through
    the channel_mapping seed (case and spaces ignored). Unmapped strings are
    'unknown'; a missing string is `when_missing` ('direct' for visits). -#}
{% macro map_channel(expression, when_missing='unknown') -%}
    coalesce(
        (
            select max(channel_mapping.channel_id)
            from {{ ref('channel_mapping') }} as channel_mapping
            where channel_mapping.raw_source = lower({{ clean_text(expression) }})
        ),
        case
            when {{ clean_text(expression) }} is null then '{{ when_missing }}'
            else 'unknown'
        end
    )
{%- endmacro %}
