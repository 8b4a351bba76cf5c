with

events as (

    select * from {{ ref('base_app__events') }}

),

staged as (

    select
        event_id,
        session_id,
        platform,
        app_id,
        device_id,
        account_id,
        openid,
        event_name,
        product_id,
        search_term,
        utm_source,
        session_channel_id,
        utm_medium,
        utm_campaign,
        is_duplicate,
        occurred_at
    from events
    where
        quarantine_reason is null
        and {{ erasure_filter('app.events') }}

)

select * from staged
