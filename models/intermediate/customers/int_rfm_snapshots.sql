{#- One row per date at which RFM is scored: every month end of the last
    var rfm_history_months months (for the tier history) and the as-of date
    itself. -#}
with

month_starts as (

    {{ dbt.date_spine(
        'month',
        dbt.dateadd('month', -var('rfm_history_months'), dbt.date_trunc('month', as_of_date())),
        dbt.date_trunc('month', as_of_date()),
    ) }}

),

month_ends as (

    select
        cast({{ dbt.last_day('date_month', 'month') }} as date)
            as snapshot_date,
        false as is_as_of_date
    from month_starts

),

as_of as (

    select
        {{ as_of_date() }} as snapshot_date,
        true as is_as_of_date

),

snapshots as (

    select month_ends.*
    from month_ends
    where month_ends.snapshot_date < {{ as_of_date() }}
    union all
    select * from as_of

)

select * from snapshots
