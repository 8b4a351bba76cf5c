with

messages as (

    select * from {{ ref('base_social__community_messages') }}

),

staged as (

    select
        message_id,
        group_id,
        group_name,
        sender_unionid,
        sender_role,
        message_type,
        campaign_id,
        message_text,
        is_staff,
        is_duplicate,
        sent_at
    from messages
    where
        quarantine_reason is null
        and {{ erasure_filter('social.community_messages') }}

)

select * from staged
