-- Every staged message send up to the end of the as-of date is counted
-- once in fct_campaign_performance, and so is every delivered one. Returns
-- a row when the totals differ.
with

performance as (

    select
        sum(sent_count) as sent_count,
        sum(delivered_count) as delivered_count
    from {{ ref('fct_campaign_performance') }}

),

sends as (

    select
        count(*) as sent_count,
        sum(case when is_delivered then 1 else 0 end) as delivered_count
    from {{ ref('stg_marketing__message_sends') }}
    where not is_duplicate and sent_at <= {{ as_of_end_utc() }}

)

select
    performance.sent_count as mart_sent_count,
    sends.sent_count as staged_sent_count,
    performance.delivered_count as mart_delivered_count,
    sends.delivered_count as staged_delivered_count
from performance
cross join sends
where
    performance.sent_count != sends.sent_count
    or performance.delivered_count != sends.delivered_count
