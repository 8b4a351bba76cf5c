-- The partner marts carry no identifier of a person: no text value in them
-- equals one of our phones or e-mails (normalised), our partner hashes of
-- them, or a hash on a partner's list. Returns the leaking values.
with

identifiers as (

    select identifier_value as identifier
    from {{ ref('int_identifiers_resolved') }}
    where identifier_type in ('phone', 'email')
    union all
    select partner_identifier_hash as identifier
    from {{ ref('int_partner_identifiers_hashed') }}
    union all
    select phone_sha256 as identifier
    from {{ ref('stg_partners__customer_lists') }}
    union all
    select email_sha256 as identifier
    from {{ ref('stg_partners__customer_lists') }}

),

mart_values as (

    select partner_id as mart_value from {{ ref('fct_partner_overlap') }}
    union all
    select partner_name as mart_value from {{ ref('fct_partner_overlap') }}
    union all
    select partner_category as mart_value
    from {{ ref('fct_partner_overlap') }}
    union all
    select promotion_id as mart_value from {{ ref('fct_partner_referrals') }}
    union all
    select promotion_code as mart_value
    from {{ ref('fct_partner_referrals') }}

)

select distinct mart_values.mart_value
from mart_values
inner join identifiers on mart_values.mart_value = identifiers.identifier
