{#- One row per person and messaging channel the person can be reached on:
    the latest consent decision for the channel is a grant and the person
    has an identifier of the channel's recipient type. The identifier is
    the person's main one of that type (int_identifiers_resolved's
    is_main_of_type, the rule dim_customers uses for phone and e-mail),
    published only as a salted SHA-256. Channels are ranked by the
    person's past response (clicks per delivered send; a channel never
    delivered to counts as 0), ties by the seed's channel priority. -#}
with

channels as (

    select * from {{ ref('activation_channels') }}

),

consents as (

    select * from {{ ref('int_person_consents') }}
    where is_consented

),

identifiers as (

    select * from {{ ref('int_identifiers_resolved') }}

),

sends as (

    select * from {{ ref('int_message_sends_resolved') }}
    where person_id is not null

),

main_identifiers as (

    select
        person_id,
        identifier_type,
        identifier_value
    from identifiers
    where is_main_of_type

),

responses as (

    select
        person_id,
        channel_id,
        sum(case when is_delivered then 1 else 0 end) as delivered_count,
        sum(case when is_delivered and is_clicked then 1 else 0 end)
            as clicked_count
    from sends
    group by 1, 2

),

reachable as (

    select
        consents.person_id,
        consents.channel_id,
        channels.recipient_type,
        {{ salted_sha256('main_identifiers.identifier_value') }}
            as recipient_sha256,
        channels.channel_priority,
        coalesce(responses.delivered_count, 0) as delivered_count,
        coalesce(responses.clicked_count, 0) as clicked_count,
        coalesce(
            {{ safe_divide('responses.clicked_count',
                           'responses.delivered_count') }},
            0
        ) as response_rate
    from consents
    inner join channels on consents.channel_id = channels.channel_id
    inner join main_identifiers
        on
            consents.person_id = main_identifiers.person_id
            and channels.recipient_type = main_identifiers.identifier_type
    left join responses
        on
            consents.person_id = responses.person_id
            and consents.channel_id = responses.channel_id

),

ranked as (

    select
        person_id,
        channel_id,
        recipient_type,
        recipient_sha256,
        cast(delivered_count as {{ dbt.type_bigint() }}) as delivered_count,
        cast(clicked_count as {{ dbt.type_bigint() }}) as clicked_count,
        cast(response_rate as double) as response_rate,
        channel_priority,
        cast(row_number() over (
            partition by person_id
            order by response_rate desc, channel_priority asc, channel_id asc
        ) as integer) as channel_rank
    from reachable

)

select * from ranked
