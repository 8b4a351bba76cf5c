-- fct_recommendations never recommends a product the person already bought
-- in a valid order. Returns the offending recommendations.
with

recommendations as (

    select * from {{ ref('fct_recommendations') }}

),

order_lines as (

    select * from {{ ref('fct_order_lines') }}
    where person_id is not null

)

select
    recommendations.person_id,
    recommendations.slot,
    recommendations.product_id
from recommendations
inner join order_lines
    on
        recommendations.person_id = order_lines.person_id
        and recommendations.product_id = order_lines.product_id
