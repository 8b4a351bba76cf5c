{#- One row per identity record with its person_id. A cluster keeps the
    person id that most of its records had in the previous build (and a
    previous person id goes to the cluster holding most of its records), so
    ids survive rebuilds and new records; a cluster with no previous id mints
    one from its smallest record key. -#}
{%- set previous_state = identity_state_relation('person_map') -%}

with

resolved as {{ not_materialized() }} (

    select * from {{ ref('int_identity_records_resolved') }}

),

previous_map as (

    {% if previous_state is not none -%}
        select
            record_key,
            person_id
        from {{ previous_state }}
    {%- else -%}
        select
            cast(null as {{ dbt.type_string() }}) as record_key,
            cast(null as {{ dbt.type_string() }}) as person_id
        from resolved
        where false
    {%- endif %}

),

votes as (

    select
        resolved.cluster_id,
        previous_map.person_id,
        count(*) as record_count
    from resolved
    inner join previous_map on resolved.record_key = previous_map.record_key
    group by 1, 2

),

person_homes as (

    select
        person_id,
        cluster_id
    from (
        select
            votes.*,
            row_number() over (
                partition by votes.person_id
                order by votes.record_count desc, votes.cluster_id asc
            ) as home_rank
        from votes
    ) as ranked
    where home_rank = 1

),

kept_ids as (

    select
        cluster_id,
        person_id
    from (
        select
            votes.*,
            row_number() over (
                partition by votes.cluster_id
                order by votes.record_count desc, votes.person_id asc
            ) as keep_rank
        from votes
        inner join person_homes
            on
                votes.person_id = person_homes.person_id
                and votes.cluster_id = person_homes.cluster_id
    ) as ranked
    where keep_rank = 1

),

minted_ids as (

    select
        cluster_id,
        concat('P', upper(substr({{ dbt.hash('min(record_key)') }}, 1, 12)))
            as minted_id,
        concat(
            'P',
            upper(substr({{ dbt.hash("concat(min(record_key), '#')") }}, 1, 12))
        )
            as fallback_id
    from resolved
    group by 1

),

cluster_ids as (

    select
        minted_ids.cluster_id,
        case
            when kept_ids.person_id is not null then kept_ids.person_id
            when
                minted_ids.minted_id in (
                    select taken.person_id from kept_ids as taken
                )
                or minted_ids.minted_id in (
                    select previous_ids.person_id
                    from previous_map as previous_ids
                )
                then minted_ids.fallback_id
            else minted_ids.minted_id
        end as person_id,
        kept_ids.person_id is not null as is_kept_from_previous_build
    from minted_ids
    left join kept_ids on minted_ids.cluster_id = kept_ids.cluster_id

),

person_map as (

    select
        resolved.record_key,
        cluster_ids.person_id,
        resolved.cluster_id,
        resolved.source_table,
        cluster_ids.is_kept_from_previous_build,
        resolved.first_seen_at,
        resolved.last_seen_at
    from resolved
    inner join cluster_ids on resolved.cluster_id = cluster_ids.cluster_id

)

select * from person_map
