{#- The rows of `relation` (narrowed by `filter`, a where clause or '')
    with is_duplicate: true on every copy of an exact duplicate row except
    the first, the same export line written twice. The copies are
    identical, so which one counts as first does not change any result.
    By default a window over every raw column: a column DuckDB leaves out
    when a reader does not ask for it (the quarantine and the erasure
    pre-pass read the base views without it). With hash_first, for a model
    that always reads the flag, only rows whose hash of every raw column
    occurs more than once go through that window; the others cannot be
    copies (identical rows hash alike), so a hash collision costs a window
    over a few more rows and never a wrong flag. Staging the app events at
    1M people (26M rows, written to a table): 55.6 s with the window over
    every row, 33.7 s hash first, 24.6 s with no check at all. Hash first
    is never skipped, though: to a reader that does not need the flag it
    costs the 9 s the window would not have. `in` and `not in` on purpose:
    written with `exists` and `not exists` the same query took 76.9 s. -#}
{% macro repeated_rows_flagged(relation, columns, filter='', hash_first=false) -%}
    {%- set copies_window -%}
        row_number() over (
            partition by {{ columns | join(', ') }}
            order by {{ columns[0] }}
        ) > 1
    {%- endset -%}
    {%- if not hash_first -%}
    select
        *,
        {{ copies_window }} as is_duplicate
    from {{ relation }}
    {{ filter }}
    {%- else -%}
    with

    raw_rows as {{ not_materialized() }} (

        select * from {{ relation }}
        {{ filter }}

    ),

    repeated_hashes as (

        select {{ row_hash(columns) }} as row_hash
        from raw_rows
        group by 1
        having count(*) > 1

    )

    select
        raw_rows.*,
        false as is_duplicate
    from raw_rows
    where {{ row_hash(columns) }} not in (
        select repeated_hashes.row_hash from repeated_hashes
    )
    union all
    select
        raw_rows.*,
        {{ copies_window }} as is_duplicate
    from raw_rows
    where {{ row_hash(columns) }} in (
        select repeated_hashes.row_hash from repeated_hashes
    )
    {%- endif -%}
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
