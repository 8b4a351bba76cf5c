with

reads as (

    select * from {{ ref('base_content__reads') }}

),

staged as (

    select
        read_id,
        content_id,
        app_id,
        openid,
        account_id,
        comment_text,
        read_seconds,
        completion_rate,
        is_shared,
        comment_text is not null as has_comment,
        is_duplicate,
        read_at
    from reads
    where
        quarantine_reason is null
        and {{ erasure_filter('content.reads') }}

)

select * from staged
