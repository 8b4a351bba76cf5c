{#- Append-only log of how persons changed between builds: a merge when a
    person now holds records that had two or more person ids, a split when a
    previous person's records now belong to two or more persons. It reads
    the state saved by the previous build and, once built, saves the new
    person map and log as the state for the next one (post-hooks). Rows of
    erased persons are dropped. -#}
{{ config(post_hook=[
    "{{ save_identity_state('person_map', ref('int_identity_person_map')) }}",
    "{{ save_identity_state('merge_log', this) }}",
]) }}
{%- set previous_map_state = identity_state_relation('person_map') -%}
{%- set previous_log_state = identity_state_relation('merge_log') -%}

with

person_map as {{ not_materialized() }} (

    select * from {{ ref('int_identity_person_map') }}

),

erased_persons as (

    select suppressed_hash
    from {{ ref('stg_privacy__erasure_suppression') }}
    where suppressed_kind = 'person'

),

{% if previous_map_state is not none -%}
    previous_map as (

        select
            record_key,
            person_id
        from {{ previous_map_state }}

    ),

    record_moves as (

        select
            person_map.person_id,
            previous_map.person_id as previous_person_id,
            count(*) as record_count
        from person_map
        inner join
            previous_map
            on person_map.record_key = previous_map.record_key
        group by 1, 2

    ),

    merged_persons as (

        select
            'merge' as change_type,
            record_moves.person_id,
            record_moves.previous_person_id as other_person_id,
            record_moves.record_count
        from record_moves
        where
            record_moves.person_id != record_moves.previous_person_id
            and record_moves.person_id in (
                select moves.person_id from record_moves as moves
                group by 1
                having count(*) > 1
            )

    ),

    split_persons as (

        select
            'split' as change_type,
            record_moves.previous_person_id as person_id,
            record_moves.person_id as other_person_id,
            record_moves.record_count
        from record_moves
        where
            record_moves.person_id != record_moves.previous_person_id
            and record_moves.previous_person_id in (
                select moves.previous_person_id from record_moves as moves
                group by 1
                having count(*) > 1
            )

    ),

    new_changes as (

        select * from merged_persons
        union all
        select * from split_persons

    ),
{%- else %}
    new_changes as (

        select
            cast(null as {{ dbt.type_string() }}) as change_type,
            cast(null as {{ dbt.type_string() }}) as person_id,
            cast(null as {{ dbt.type_string() }}) as other_person_id,
            cast(null as {{ dbt.type_bigint() }}) as record_count
        from person_map
        where false

    ),
{%- endif %}

this_build as (

    select
        {{ dbt.hash(dbt.concat([
            'change_type', "'|'", 'person_id', "'|'", 'other_person_id',
            "'|" ~ var('as_of_date') ~ "'",
        ])) }} as change_id,
        change_type,
        person_id,
        other_person_id,
        cast(record_count as {{ dbt.type_bigint() }}) as record_count,
        {{ as_of_date() }} as logged_as_of_date
    from new_changes

),

earlier_builds as (

    {% if previous_log_state is not none -%}
        select
            change_id,
            change_type,
            person_id,
            other_person_id,
            record_count,
            logged_as_of_date
        from {{ previous_log_state }}
        where change_id not in (select this_build.change_id from this_build)
    {%- else -%}
        select
            change_id,
            change_type,
            person_id,
            other_person_id,
            record_count,
            logged_as_of_date
        from this_build
        where false
    {%- endif %}

),

merge_log as (

    select * from earlier_builds
    union all
    select * from this_build

),

without_erased as (

    select merge_log.*
    from merge_log
    where
        {{ salted_hash('merge_log.person_id') }}
        not in (select erased_persons.suppressed_hash from erased_persons)
        -- null-safe by hand (see erasure_condition): Spark's NOT IN gives
        -- false for a null left side
        and (
            merge_log.other_person_id is null
            or {{ salted_hash('merge_log.other_person_id') }}
            not in (select erased_persons.suppressed_hash from erased_persons)
        )

)

select * from without_erased
