{#- One row per joint promotion and referral source: `partner_code` (the
    partner's code redeemed with us: customers the partner sent us),
    `our_code` (ours redeemed with the partner, as the partner reports it:
    customers we sent) and `all_orders` (every valid order of ours, the base
    of the shares). Redemptions, customers, new customers and their share of
    all our new customers during the promotion, and the row's sales with us
    during the promotion against a pre-period of equal length. -#}
with

windows as (

    select * from {{ ref('int_partner_promotions_windowed') }}

),

referrals as (

    select * from {{ ref('int_partner_referrals_summarised') }}

),

with_base as (

    select
        referrals.*,
        max(case
            when referrals.referral_source = 'all_orders'
                then referrals.new_customer_count
        end) over (partition by referrals.promotion_id)
            as all_new_customer_count
    from referrals

),

final as (

    select
        with_base.promotion_id,
        with_base.referral_source,
        windows.partner_id,
        case with_base.referral_source
            when 'partner_code' then windows.partner_code
            when 'our_code' then windows.our_code
        end as promotion_code,
        windows.promotion_days,
        cast(with_base.redemption_count as {{ dbt.type_bigint() }})
            as redemption_count,
        cast(with_base.customer_count as {{ dbt.type_bigint() }})
            as customer_count,
        cast(with_base.identified_customer_count as {{ dbt.type_bigint() }})
            as identified_customer_count,
        cast(with_base.new_customer_count as {{ dbt.type_bigint() }})
            as new_customer_count,
        cast({{ safe_divide('with_base.new_customer_count',
                            'with_base.all_new_customer_count') }} as double)
            as new_customer_share,
        cast(
            with_base.pre_period_new_customer_count
            as {{ dbt.type_bigint() }}
        ) as pre_period_new_customer_count,
        cast(with_base.promotion_sales_amount as decimal(18, 2))
            as promotion_sales_amount,
        cast(with_base.pre_period_sales_amount as decimal(18, 2))
            as pre_period_sales_amount,
        cast({{ safe_divide(
            'with_base.promotion_sales_amount'
            ~ ' - with_base.pre_period_sales_amount',
            'with_base.pre_period_sales_amount') }} as double)
            as sales_change_rate,
        windows.start_date,
        windows.end_date,
        windows.pre_period_start_date,
        windows.pre_period_end_date
    from with_base
    inner join windows on with_base.promotion_id = windows.promotion_id

)

select * from final
