with

comments as (

    select * from {{ ref('base_social__oa_comments') }}

),

staged as (

    select
        comment_id,
        app_id,
        openid,
        content_id,
        comment_text,
        is_duplicate,
        commented_at
    from comments
    where
        quarantine_reason is null
        and {{ erasure_filter('social.oa_comments') }}

)

select * from staged
