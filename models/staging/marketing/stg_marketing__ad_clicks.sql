with

ad_clicks as (

    select * from {{ ref('base_marketing__ad_clicks') }}

),

staged as (

    select
        click_id,
        channel_id,
        campaign_id,
        platform_user_id,
        device_id,
        openid,
        app_id,
        landing_page,
        is_duplicate,
        clicked_at
    from ad_clicks
    where
        quarantine_reason is null
        and {{ erasure_filter('marketing.ad_clicks') }}

)

select * from staged
