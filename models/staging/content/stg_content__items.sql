with

items as (

    select * from {{ ref('base_content__items') }}

),

staged as (

    select
        content_id,
        channel_id,
        content_type,
        topic,
        title,
        is_duplicate,
        published_at
    from items
    where
        quarantine_reason is null
        and {{ erasure_filter('content.items') }}

)

select * from staged
