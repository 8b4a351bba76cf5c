{#- One row per channel path (consecutive repeats collapsed, channels joined
    with ' > ') over every journey: conversions and non-converting journeys
    from the same lookback window, conversion rate, first purchases and net
    revenue; path_rank orders paths from the most common. Conversions with no
    eligible touch form the path (none), whose conversion rate is null (a
    journey without touches that did not convert is never observed). -#}
with

journeys as (

    select * from {{ ref('int_journeys_anchored') }}

),

steps as (

    select * from {{ ref('int_journey_steps_collapsed') }}

),

conversions as (

    select * from {{ ref('int_conversions_selected') }}

),

paths as (

    select
        journey_id,
        {{ ordered_string_agg('channel_id', ['step_number'], ' > ') }}
            as channel_path,
        count(*) as step_count
    from steps
    group by 1

),

journey_paths as (

    select
        journeys.journey_id,
        coalesce(paths.channel_path, '(none)') as channel_path,
        coalesce(paths.step_count, 0) as step_count,
        conversions.revenue,
        journeys.is_conversion,
        coalesce(conversions.is_first_purchase, false) as is_first_purchase
    from journeys
    left join paths on journeys.journey_id = paths.journey_id
    left join conversions
        on journeys.conversion_id = conversions.conversion_id

),

path_totals as (

    select
        channel_path,
        max(step_count) as step_count,
        count(*) as journey_count,
        sum(case when is_conversion then 1 else 0 end) as conversion_count,
        sum(case when is_first_purchase then 1 else 0 end)
            as first_purchase_count,
        sum(coalesce(revenue, 0)) as revenue
    from journey_paths
    group by 1

),

final as (

    select
        channel_path,
        cast(row_number() over (
            order by
                journey_count desc, conversion_count desc, channel_path asc
        ) as {{ dbt.type_bigint() }}) as path_rank,
        cast(step_count as {{ dbt.type_bigint() }}) as step_count,
        cast(journey_count as {{ dbt.type_bigint() }}) as journey_count,
        cast(conversion_count as {{ dbt.type_bigint() }}) as conversion_count,
        cast(journey_count - conversion_count as {{ dbt.type_bigint() }})
            as non_converting_count,
        cast(first_purchase_count as {{ dbt.type_bigint() }})
            as first_purchase_count,
        cast(case
            when channel_path != '(none)'
                then {{ safe_divide('conversion_count', 'journey_count') }}
        end as double) as conversion_rate,
        cast(revenue as decimal(18, 2)) as revenue
    from path_totals

)

select * from final
