with

interactions as (

    {{ social_video_interactions_parsed(copies_by_hash=true) | indent(4) }}

),

staged as (

    select
        interaction_id,
        channel_id,
        platform_user_id,
        video_id,
        interaction_type,
        is_duplicate,
        interacted_at
    from interactions
    where
        quarantine_reason is null
        and {{ erasure_filter('social.video_interactions') }}

)

select * from staged
