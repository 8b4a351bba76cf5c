with

followers as (

    select * from {{ ref('base_social__oa_followers') }}

),

staged as (

    select
        follow_id,
        app_id,
        openid,
        unionid,
        subscribe_scene,
        is_duplicate,
        followed_at,
        case
            when unfollowed_at <= {{ as_of_end_utc() }} then unfollowed_at
        end as unfollowed_at
    from followers
    where
        quarantine_reason is null
        and {{ erasure_filter('social.oa_followers') }}

)

select * from staged
