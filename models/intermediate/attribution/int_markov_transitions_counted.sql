{#- One row per transition of the first-order Markov chain with its count
    and probability. Every journey's collapsed path adds (start) -> first
    channel, each channel -> next channel, and last channel -> (conversion)
    or (null); each journey counts once. -#}
with

steps as (

    select * from {{ ref('int_journey_steps_collapsed') }}

),

steps_with_next as (

    select
        channel_id,
        lead(channel_id) over (
            partition by journey_id order by step_number asc
        ) as next_channel_id,
        step_number,
        is_conversion
    from steps

),

transitions as (

    select
        '(start)' as from_state,
        channel_id as to_state
    from steps_with_next
    where step_number = 1
    union all
    select
        channel_id as from_state,
        coalesce(
            next_channel_id,
            case when is_conversion then '(conversion)' else '(null)' end
        ) as to_state
    from steps_with_next

),

transitions_counted as (

    select
        from_state,
        to_state,
        count(*) as transition_count
    from transitions
    group by 1, 2

),

transitions_normalised as (

    select
        from_state,
        to_state,
        transition_count,
        cast(transition_count as double)
        / sum(transition_count) over (partition by from_state)
            as transition_probability
    from transitions_counted

)

select * from transitions_normalised
