{%- set raw_columns = [
    'campaign_id', 'campaign_name', 'channel', 'objective', 'has_holdout',
    'started_on', 'ended_on',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('marketing', 'campaigns'), raw_columns
    ) }}

),

parsed as (

    select
        {{ clean_text('campaign_id') }} as campaign_id,
        {{ clean_text('campaign_name') }} as campaign_name,
        {{ map_channel('channel') }} as channel_id,
        lower({{ clean_text('objective') }}) as objective,
        coalesce({{ parse_boolean('has_holdout') }}, false) as has_holdout,
        {{ parse_date('started_on') }} as start_date,
        {{ parse_date('ended_on') }} as end_date,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source
    {{ channel_mapping_join('channel') }}

),

checked as (

    select
        parsed.*,
        case
            when parsed.campaign_id is null then 'missing_key'
            when
                parsed.start_date is null or parsed.end_date is null
                or parsed.end_date < parsed.start_date
                then 'invalid_date'
        end as quarantine_reason
    from parsed

)

select * from checked
