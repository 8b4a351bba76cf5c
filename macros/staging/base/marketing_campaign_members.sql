{#- The marketing campaign members parsed and checked: the body of
    base_marketing__campaign_members (every raw row, for the quarantine and
    the erasure pre-pass) and what stg_marketing__campaign_members reads, with
    copies_by_hash (see repeated_rows_flagged). -#}
{% macro marketing_campaign_members_parsed(copies_by_hash=false) -%}
{%- set raw_columns = [
    'campaign_member_id', 'campaign_id', 'member_type', 'member_value',
    'assigned_group', 'assigned_at',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('marketing', 'campaign_members'), raw_columns,
        hash_first=copies_by_hash
    ) }}

),

parsed as (

    select
        {{ clean_text('campaign_member_id') }} as campaign_member_id,
        {{ clean_text('campaign_id') }} as campaign_id,
        lower({{ clean_text('member_type') }}) as identifier_type,
        {{ normalize_identifier('member_type', 'member_value') }}
            as identifier_value,
        lower({{ clean_text('assigned_group') }}) as assigned_group,
        {{ parse_iso_timestamp_to_utc(clean_text('assigned_at')) }}
            as assigned_at,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source

),

checked as (

    select
        parsed.*,
        parsed.assigned_group = 'holdout' as is_holdout,
        case
            when parsed.campaign_member_id is null then 'missing_key'
            when parsed.assigned_at is null then 'unparseable_timestamp'
            when parsed.assigned_at > {{ as_of_end_utc() }}
                then 'future_timestamp'
            when parsed.assigned_group not in ('treatment', 'holdout')
                then 'unknown_group'
            when parsed.identifier_value is null then 'invalid_identifier'
        end as quarantine_reason
    from parsed

)

select * from checked
{%- endmacro %}
