{#- The content reads parsed and checked: the body of base_content__reads
    (every raw row, for quarantine and the erasure pre-pass) and what
    stg_content__reads reads. On an incremental run the staged model passes
    the days it reloads, and the raw rows of other days are left out before
    the duplicate check (copies of one export line share their timestamp,
    so they fall on the same day and are still told apart). -#}
{% macro content_reads_parsed(
    reload_days_from=none, reload_days_in=none, copies_by_hash=false
) -%}
{%- set raw_columns = [
    'read_id', 'content_id', 'app_id', 'openid', 'account_id', 'read_seconds',
    'completion_rate', 'is_shared', 'comment_text', 'read_at',
] -%}
{%- set read_at = local_to_utc(parse_timestamp(clean_text('read_at'), ['%Y-%m-%d %H:%M:%S'])) -%}

with

source as (

    {{ repeated_rows_flagged(
        source('content', 'reads'), raw_columns,
        filter=reload_days_condition(
            read_at, reload_days_from, reload_days_in
        ),
        hash_first=copies_by_hash
    ) }}

),

parsed as (

    select
        {{ clean_text('read_id') }} as read_id,
        {{ clean_text('content_id') }} as content_id,
        {{ clean_text('app_id') }} as app_id,
        {{ clean_text('openid') }} as openid,
        {{ clean_text('account_id') }} as account_id,
        {{ clean_text('comment_text') }} as comment_text,
        {{ parse_integer('read_seconds') }} as read_seconds,
        {{ parse_decimal('completion_rate') }} as completion_rate,
        coalesce({{ parse_boolean('is_shared') }}, false) as is_shared,
        {{ read_at }} as read_at,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source

),

checked as (

    select
        parsed.*,
        case
            when parsed.read_id is null then 'missing_key'
            when parsed.read_at is null then 'unparseable_timestamp'
            when parsed.read_at > {{ as_of_end_utc() }}
                then 'future_timestamp'
            when
                coalesce(parsed.completion_rate not between 0 and 1, true)
                or coalesce(parsed.read_seconds < 0, true)
                then 'out_of_range'
        end as quarantine_reason
    from parsed

)

select * from checked
{%- endmacro %}
