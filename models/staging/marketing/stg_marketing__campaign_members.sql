with

campaign_members as (

    {{ marketing_campaign_members_parsed(copies_by_hash=true) | indent(4) }}

),

staged as (

    select
        campaign_member_id,
        campaign_id,
        identifier_type,
        identifier_value,
        assigned_group,
        is_holdout,
        is_duplicate,
        assigned_at
    from campaign_members
    where
        quarantine_reason is null
        and {{ erasure_filter('marketing.campaign_members') }}

)

select * from staged
