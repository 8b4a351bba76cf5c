{#- One row per RFM dimension and score, as of var as_of_date: the range of
    values that received the score and how many customers did. Makes the
    scoring visible: with ties, a score can be empty. -#}
with

scored as {{ not_materialized() }} (

    select * from {{ ref('int_customer_rfm_scored') }}
    where is_as_of_date

),

by_dimension as (

    select
        'recency_days' as rfm_dimension,
        r_score as score,
        cast(recency_days as double) as measure_value
    from scored
    union all
    select
        'frequency' as rfm_dimension,
        f_score as score,
        cast(frequency as double) as measure_value
    from scored
    union all
    select
        'monetary' as rfm_dimension,
        m_score as score,
        cast(monetary as double) as measure_value
    from scored

),

cutpoints as (

    select
        rfm_dimension,
        cast(score as integer) as score,
        min(measure_value) as min_value,
        max(measure_value) as max_value,
        count(*) as customer_count
    from by_dimension
    group by 1, 2

)

select * from cutpoints
