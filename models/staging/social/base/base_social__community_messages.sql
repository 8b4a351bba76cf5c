{%- set raw_columns = [
    'message_id', 'group_id', 'group_name', 'sender_unionid', 'sender_role',
    'message_type', 'campaign_id', 'message_text', 'sent_at',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('social', 'community_messages'), raw_columns
    ) }}

),

parsed as (

    select
        {{ clean_text('message_id') }} as message_id,
        {{ clean_text('group_id') }} as group_id,
        {{ clean_text('group_name') }} as group_name,
        {{ clean_text('sender_unionid') }} as sender_unionid,
        lower({{ clean_text('sender_role') }}) as sender_role,
        lower({{ clean_text('message_type') }}) as message_type,
        {{ clean_text('campaign_id') }} as campaign_id,
        {{ clean_text('message_text') }} as message_text,
        {{ local_to_utc(parse_timestamp(clean_text('sent_at'),
                                        ['%Y-%m-%d %H:%M:%S'])) }}
            as sent_at,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source

),

checked as (

    select
        parsed.*,
        parsed.sender_role = 'staff' as is_staff,
        case
            when parsed.message_id is null then 'missing_key'
            when parsed.sent_at is null then 'unparseable_timestamp'
            when parsed.sent_at > {{ as_of_end_utc() }}
                then 'future_timestamp'
        end as quarantine_reason
    from parsed

)

select * from checked
