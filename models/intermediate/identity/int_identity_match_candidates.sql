{#- Probabilistic fallback for records with no strong identifier in common:
    member and shop-account profiles in different deterministic components,
    scored on name, birth date, address and city (identity_match_scores_sql).
    A pair is accepted when its weight reaches var identity_match_threshold,
    the two components do not hold different values of a one-per-person
    identifier type (cannot-link), and each side is the other's best
    candidate (so one member never links two accounts). Refused pairs are
    kept for review down to var identity_match_review_threshold; lower
    pairs are left out (at 1M people, 9.3M of 9.35M scored pairs: namesakes
    in one city with nothing else in common, whose number grows with the
    square of the people sharing a name). -#}
with

members as (

    select * from {{ ref('stg_crm__members') }}
    where not is_duplicate

),

accounts as (

    select * from {{ ref('stg_shop__accounts') }}
    where not is_duplicate and not is_test

),

record_components as {{ not_materialized() }} (

    select * from {{ ref('int_identity_record_components') }}

),

kept_edges as (

    select * from {{ ref('int_identity_edges_checked') }}
    where cut_reason is null

),

limited_types as (

    select identifier_type from {{ ref('identifier_types') }}
    where max_per_person = 1

),

profiles as (

    select
        concat('crm.members:', member_id) as record_key,
        full_name,
        birth_date,
        {{ normalize_address('address', 'city') }} as address_key,
        city
    from members
    union all
    select
        concat('shop.accounts:', account_id) as record_key,
        full_name,
        birth_date,
        {{ normalize_address('address', 'city') }} as address_key,
        city
    from accounts

),

profiles_in_components as (

    select
        profiles.*,
        record_components.component_id
    from profiles
    inner join record_components
        on profiles.record_key = record_components.record_key

),

all_scored as (

    {{ identity_match_scores_sql('profiles_in_components') }}

),

scored as (

    select * from all_scored
    where match_weight >= {{ var('identity_match_review_threshold') }}

),

component_anchors as (

    select distinct
        record_components.component_id,
        kept_edges.identifier_type,
        kept_edges.node_id
    from kept_edges
    inner join limited_types
        on kept_edges.identifier_type = limited_types.identifier_type
    inner join record_components
        on kept_edges.record_key = record_components.record_key

),

scored_component_pairs as (

    select distinct
        scored.component_id_a,
        scored.component_id_b
    from scored

),

-- Only the scored pairs are checked (a self-join of all anchors would pair
-- every two components holding one-per-person identifiers: quadratic in
-- the number of persons).
cannot_link as (

    select
        scored_component_pairs.component_id_a,
        scored_component_pairs.component_id_b,
        min(anchors_a.identifier_type) as conflicting_type
    from scored_component_pairs
    inner join component_anchors as anchors_a
        on scored_component_pairs.component_id_a = anchors_a.component_id
    inner join component_anchors as anchors_b
        on
            scored_component_pairs.component_id_b = anchors_b.component_id
            and anchors_a.identifier_type = anchors_b.identifier_type
            and anchors_a.node_id != anchors_b.node_id
    group by 1, 2

),

checked as (

    select
        scored.*,
        cannot_link.conflicting_type,
        scored.match_weight >= {{ var('identity_match_threshold') }}
        and cannot_link.conflicting_type is null as is_eligible
    from scored
    left join cannot_link
        on
            scored.component_id_a = cannot_link.component_id_a
            and scored.component_id_b = cannot_link.component_id_b

),

sides as (

    select
        record_key_a as record_key,
        component_id_a as component_id,
        component_id_b as other_component_id,
        match_weight
    from checked
    where is_eligible
    union all
    select
        record_key_b as record_key,
        component_id_b as component_id,
        component_id_a as other_component_id,
        match_weight
    from checked
    where is_eligible

),

best_partner as (

    select
        component_id,
        other_component_id
    from (
        select
            sides.*,
            row_number() over (
                partition by sides.component_id
                order by sides.match_weight desc, sides.other_component_id asc
            ) as partner_rank
        from sides
    ) as ranked
    where partner_rank = 1

),

decided as (

    select
        {{ dbt.hash(dbt.concat([
            'checked.record_key_a', "'|'", 'checked.record_key_b',
        ])) }} as candidate_pair_id,
        checked.*,
        coalesce(
            checked.is_eligible
            and best_a.other_component_id = checked.component_id_b
            and best_b.other_component_id = checked.component_id_a,
            false
        ) as is_accepted,
        case
            when checked.match_weight < {{ var('identity_match_threshold') }}
                then 'below_threshold'
            when checked.conflicting_type is not null
                then concat('cannot_link:', checked.conflicting_type)
            when
                best_a.other_component_id != checked.component_id_b
                or best_b.other_component_id != checked.component_id_a
                then 'not_mutual_best'
        end as rejection_reason
    from checked
    left join best_partner as best_a
        on checked.component_id_a = best_a.component_id
    left join best_partner as best_b
        on checked.component_id_b = best_b.component_id

)

select * from decided
