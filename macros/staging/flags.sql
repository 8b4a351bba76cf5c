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
    the channel_mapping seed (case and spaces ignored), read from the row of
    the seed that channel_mapping_join attached under `mapping`. Unmapped
    strings are 'unknown'; a missing string is `when_missing` ('direct' for
    visits). -#}
{% macro map_channel(expression, when_missing='unknown', mapping='channel_mapping') -%}
    coalesce(
        {{ mapping }}.channel_id,
        case
            when {{ clean_text(expression) }} is null then '{{ when_missing }}'
            else 'unknown'
        end
    )
{%- endmacro %}

{#- The join that map_channel reads: the channel_mapping seed's row for the
    raw string (at most one: the seed is grouped by its raw spelling), left
    joined under the alias `mapping`. A join rather than a scalar subquery in
    the select list: DuckDB drops a join whose columns a query does not use,
    but keeps evaluating a correlated subquery for every row, so the readers
    of a base model that need no channel (the quarantine, the erasure
    pre-pass, the reconciliation tests) paid for the lookup on every raw
    row. -#}
{% macro channel_mapping_join(expression, mapping='channel_mapping') -%}
    left join (
        select
            channel_mapping.raw_source,
            max(channel_mapping.channel_id) as channel_id
        from {{ ref('channel_mapping') }} as channel_mapping
        group by 1
    ) as {{ mapping }}
        on {{ mapping }}.raw_source = lower({{ clean_text(expression) }})
{%- endmacro %}
