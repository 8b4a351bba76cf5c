{#- One row per experiment (a campaign with a holdout, or a lifecycle
    action) with its treatment and holdout groups counted: persons,
    converted persons and revenue. Lifecycle actions are due on the as-of
    date, so their outcomes are not observed yet: null. -#}
with

campaign_members as (

    select * from {{ ref('int_campaign_members_measured') }}

),

campaigns as (

    select * from {{ ref('stg_marketing__campaigns') }}
    where not is_duplicate

),

lifecycle_actions as (

    select * from {{ ref('fct_lifecycle_actions') }}

),

campaign_groups as (

    select
        concat('campaign:', campaign_members.campaign_id) as experiment_id,
        'campaign' as experiment_type,
        campaign_members.campaign_id as experiment_key,
        max(campaigns.channel_id) as channel_id,
        {%- for group in ['treatment', 'holdout'] %}
            {%- set in_group = ('not ' if group == 'treatment' else '')
                ~ 'campaign_members.is_holdout' %}
            sum(case when {{ in_group }} then 1 else 0 end)
                as {{ group }}_person_count,
            sum(
                case
                    when {{ in_group }} and campaign_members.has_converted
                        then 1
                    else 0
                end
            ) as {{ group }}_converted_count,
            sum(
                case
                    when {{ in_group }} then campaign_members.revenue
                    else 0
                end
            ) as {{ group }}_revenue,
        {%- endfor %}
        min(
            case when campaign_members.is_window_complete then 1 else 0 end
        ) = 1
            as is_outcome_observed,
        min(cast({{ utc_to_local('campaign_members.assigned_at') }} as date))
            as assignment_date
    from campaign_members
    left join campaigns
        on campaign_members.campaign_id = campaigns.campaign_id
    group by 1, 2, 3

),

action_groups as (

    select
        concat('lifecycle_action:', action) as experiment_id,
        'lifecycle_action' as experiment_type,
        action as experiment_key,
        cast(null as {{ dbt.type_string() }}) as channel_id,
        sum(case when not is_holdout then 1 else 0 end)
            as treatment_person_count,
        cast(null as {{ dbt.type_bigint() }}) as treatment_converted_count,
        cast(null as decimal(18, 2)) as treatment_revenue,
        sum(case when is_holdout then 1 else 0 end) as holdout_person_count,
        cast(null as {{ dbt.type_bigint() }}) as holdout_converted_count,
        cast(null as decimal(18, 2)) as holdout_revenue,
        false as is_outcome_observed,
        min(as_of_date) as assignment_date
    from lifecycle_actions
    group by 1, 2, 3

),

groups as (

    select * from campaign_groups
    union all
    select * from action_groups

)

select * from groups
