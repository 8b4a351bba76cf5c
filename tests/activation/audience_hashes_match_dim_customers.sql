-- The phone and e-mail hashes an SMS or e-mail audience member carries are
-- the person's main phone and e-mail hashes in dim_customers: activation
-- and the customer dimension agree on who a person's address is. Returns
-- the rows that differ.
with

members as (

    select * from {{ ref('fct_audience_members') }}
    where channel_id in ('sms', 'email')

),

persons as (

    select
        {{ salted_sha256('person_id') }} as person_sha256,
        phone_sha256,
        email_sha256
    from {{ ref('dim_customers') }}

)

select
    members.audience_id,
    members.person_sha256,
    members.channel_id
from members
left join persons on members.person_sha256 = persons.person_sha256
where
    persons.person_sha256 is null
    or (
        members.channel_id = 'sms'
        and members.recipient_sha256 != coalesce(persons.phone_sha256, '')
    )
    or (
        members.channel_id = 'email'
        and members.recipient_sha256 != coalesce(persons.email_sha256, '')
    )
