{#- One row per joint promotion: its days (local dates, both ends included)
    and a pre-period of the same length that ends the day before it
    starts. -#}
with

promotions as (

    select * from {{ ref('stg_partners__promotions') }}
    where not is_duplicate

),

day_counts as (

    select
        promotion_id,
        partner_id,
        partner_code,
        our_code,
        cast(
            {{ dbt.datediff('start_date', 'end_date', 'day') }}
            as integer
        ) + 1 as promotion_days,
        start_date,
        end_date
    from promotions

),

windowed as (

    select
        promotion_id,
        partner_id,
        partner_code,
        our_code,
        promotion_days,
        start_date,
        end_date,
        {{ dbt.cast(dbt.dateadd('day', '0 - promotion_days', 'start_date'),
                    'date') }} as pre_period_start_date,
        {{ dbt.cast(dbt.dateadd('day', -1, 'start_date'), 'date') }}
            as pre_period_end_date
    from day_counts

)

select * from windowed
