with

campaigns as (

    select * from {{ ref('base_marketing__campaigns') }}

),

staged as (

    select
        campaign_id,
        campaign_name,
        channel_id,
        objective,
        has_holdout,
        is_duplicate,
        start_date,
        end_date
    from campaigns
    where
        quarantine_reason is null
        and {{ erasure_filter('marketing.campaigns') }}

)

select * from staged
