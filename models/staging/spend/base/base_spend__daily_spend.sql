{%- set raw_columns = [
    'spend_id', 'spend_date', 'channel', 'campaign_id', 'currency',
    'spend_amount', 'impressions', 'clicks',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('spend', 'daily_spend'), raw_columns
    ) }}

),

parsed as (

    select
        {{ clean_text('spend_id') }} as spend_id,
        {{ map_channel('channel') }} as channel_id,
        {{ clean_text('campaign_id') }} as campaign_id,
        upper({{ clean_text('currency') }}) as currency,
        {{ parse_amount('spend_amount') }} as spend_amount,
        {{ parse_integer('impressions') }} as impressions,
        {{ parse_integer('clicks') }} as clicks,
        {{ parse_date('spend_date') }} as spend_date,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source
    {{ channel_mapping_join('channel') }}

),

checked as (

    select
        parsed.*,
        case
            when parsed.spend_id is null then 'missing_key'
            when parsed.spend_date is null then 'invalid_date'
            when parsed.spend_date > {{ as_of_date() }}
                then 'future_timestamp'
            when parsed.spend_amount is null then 'unparseable_amount'
            when parsed.spend_amount < 0 then 'out_of_range'
            when parsed.currency != 'CNY' then 'unsupported_currency'
        end as quarantine_reason
    from parsed

)

select * from checked
