{#- Which channel earned the sale, model by model, for one month (var
    attribution_comparison_month, YYYY-MM): one row per channel with its
    attributed conversions under each attribution model side by side, the
    spread between the most and the least generous model, the month's
    spend, and ROAS under last touch and under Markov. `dbt compile`
    writes the SQL to target/compiled; run it against the warehouse. -#}
{%- set month_start = var('attribution_comparison_month') ~ '-01' -%}
with

performance as (

    select * from {{ ref('fct_channel_performance') }}
    where performance_month = cast('{{ month_start }}' as date)

),

channels as (

    select * from {{ ref('channels') }}

),

compared as (

    select
        performance.channel,
        {{ attribution_models_pivoted(
            'performance.attributed_conversions',
            'performance.attribution_model',
            'conversions') }},
        max(performance.attributed_conversions)
        - min(performance.attributed_conversions) as model_spread,
        max(performance.spend) as spend,
        max(
            case
                when performance.attribution_model = 'last_touch'
                    then performance.roas
            end
        ) as last_touch_roas,
        max(
            case
                when performance.attribution_model = 'markov'
                    then performance.roas
            end
        ) as markov_roas
    from performance
    group by 1

),

labelled as (

    select
        row_number() over (
            order by compared.spend desc, compared.channel asc
        ) as display_rank,
        channels.channel_name_en,
        channels.channel_name_zh,
        compared.*
    from compared
    left join channels on compared.channel = channels.channel_id

)

select * from labelled
order by 1
