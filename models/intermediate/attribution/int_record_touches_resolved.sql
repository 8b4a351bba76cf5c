{#- One row per marketing touch kept as an identity record, with its
    person: ad clicks, content reads (the channel of the content item),
    short-video interactions, official-account comments and follows, and
    community-group messages by members (staff posts are not touches).
    touch_id is the record key, so the person comes from the person map; a
    record the identity guards left without a person is not a touch. -#}
with

ad_clicks as (

    select * from {{ ref('stg_marketing__ad_clicks') }}
    where not is_duplicate

),

content_reads as (

    select * from {{ ref('stg_content__reads') }}
    where not is_duplicate

),

content_items as (

    select * from {{ ref('stg_content__items') }}
    where not is_duplicate

),

video_interactions as (

    select * from {{ ref('stg_social__video_interactions') }}
    where not is_duplicate

),

oa_comments as (

    select * from {{ ref('stg_social__oa_comments') }}
    where not is_duplicate

),

oa_followers as (

    select * from {{ ref('stg_social__oa_followers') }}
    where not is_duplicate

),

community_messages as (

    select * from {{ ref('stg_social__community_messages') }}
    where not is_duplicate and not is_staff

),

person_map as (

    {{ person_map_of([
        'marketing.ad_clicks',
        'content.reads',
        'social.video_interactions',
        'social.oa_comments',
        'social.oa_followers',
        'social.community_messages'
    ]) }}

),

record_touches as (

    select
        concat('marketing.ad_clicks:', click_id) as touch_id,
        'ad_click' as touch_type,
        channel_id,
        clicked_at as touched_at
    from ad_clicks
    union all
    select
        concat('content.reads:', content_reads.read_id) as touch_id,
        'content_read' as touch_type,
        coalesce(content_items.channel_id, 'unknown') as channel_id,
        content_reads.read_at as touched_at
    from content_reads
    left join content_items
        on content_reads.content_id = content_items.content_id
    union all
    select
        concat('social.video_interactions:', interaction_id) as touch_id,
        'video_interaction' as touch_type,
        channel_id,
        interacted_at as touched_at
    from video_interactions
    union all
    select
        concat('social.oa_comments:', comment_id) as touch_id,
        'oa_comment' as touch_type,
        'wechat_official_account' as channel_id,
        commented_at as touched_at
    from oa_comments
    union all
    select
        concat('social.oa_followers:', follow_id) as touch_id,
        'oa_follow' as touch_type,
        'wechat_official_account' as channel_id,
        followed_at as touched_at
    from oa_followers
    union all
    select
        concat('social.community_messages:', message_id) as touch_id,
        'community_message' as touch_type,
        'community_group' as channel_id,
        sent_at as touched_at
    from community_messages

),

touches_joined_to_persons as (

    select
        record_touches.touch_id,
        person_map.person_id,
        record_touches.touch_type,
        record_touches.channel_id,
        record_touches.touched_at
    from record_touches
    inner join person_map on record_touches.touch_id = person_map.record_key

)

select * from touches_joined_to_persons
