with

spend as (

    select * from {{ ref('base_spend__daily_spend') }}

),

staged as (

    select
        spend_id,
        channel_id,
        campaign_id,
        currency,
        spend_amount,
        impressions,
        clicks,
        is_duplicate,
        spend_date
    from spend
    where
        quarantine_reason is null
        and {{ erasure_filter('spend.daily_spend') }}

)

select * from staged
