{#- Fellegi-Sunter scoring of record pairs that share no strong identifier,
    over name, birth date, address and city. `profiles` has record_key,
    component_id, full_name, birth_date, address_key (normalize_address),
    city. Candidate pairs come from two blocking rules, each pair scored
    once (Splink's "and not the earlier rules"); identity_blocking_rules
    names them.
    Each field's comparison level gets the weight log2(m/u) from the
    match_weights seed; a missing value weighs 0. Returns one row per pair
    with every level, every field's contribution and the total. The erasure
    search (duckdb__erased_edges) gathers its blocks from the same rules. -#}
{% macro identity_match_scores_sql(profiles) -%}
    with

    profiles as (

        select * from {{ profiles }}

    ),

    weights as (

        select
            field,
            comparison_level,
            log2(m_probability / u_probability) as weight
        from {{ ref('match_weights') }}

    ),

    {%- set rules = identity_blocking_rules('left_side', 'right_side') %}
    {%- for rule in rules %}

    {{ rule.name }} as (

        select
            left_side.record_key as record_key_a,
            right_side.record_key as record_key_b,
            '{{ rule.name }}' as blocking_rule
        from profiles as left_side
        inner join profiles as right_side
            on
                {{ rule.condition }}
                and left_side.record_key < right_side.record_key
                and left_side.component_id != right_side.component_id
        {%- for earlier in rules[:loop.index0] %}
        {{ 'where' if loop.first else 'and' }} not ({{ earlier.condition }})
        {%- endfor %}

    ),
    {%- endfor %}

    candidate_pairs as (

        {%- for rule in rules %}
        select * from {{ rule.name }}
        {%- if not loop.last %}
        union all
        {%- endif %}
        {%- endfor %}

    ),

    compared as (

        select
            candidate_pairs.record_key_a,
            candidate_pairs.record_key_b,
            left_side.component_id as component_id_a,
            right_side.component_id as component_id_b,
            candidate_pairs.blocking_rule,
            case
                when left_side.full_name is null or right_side.full_name is null
                    then 'missing'
                when left_side.full_name = right_side.full_name then 'exact'
                when {{ string_similarity('left_side.full_name', 'right_side.full_name') }}
                    >= 0.92 then 'similar'
                else 'different'
            end as full_name_level,
            case
                when left_side.birth_date is null or right_side.birth_date is null
                    then 'missing'
                when left_side.birth_date = right_side.birth_date then 'exact'
                when year(left_side.birth_date) = year(right_side.birth_date)
                    and month(left_side.birth_date) = month(right_side.birth_date)
                    then 'year_month'
                else 'different'
            end as birth_date_level,
            case
                when left_side.address_key is null or right_side.address_key is null
                    then 'missing'
                when left_side.address_key = right_side.address_key then 'exact'
                when 1.0 - levenshtein(left_side.address_key, right_side.address_key)
                    / greatest(length(left_side.address_key), length(right_side.address_key))
                    >= 0.8 then 'similar'
                else 'different'
            end as address_level,
            case
                when left_side.city is null or right_side.city is null then 'missing'
                when left_side.city = right_side.city then 'exact'
                else 'different'
            end as city_level
        from candidate_pairs
        inner join profiles as left_side
            on candidate_pairs.record_key_a = left_side.record_key
        inner join profiles as right_side
            on candidate_pairs.record_key_b = right_side.record_key

    ),

    scored as (

        select
            compared.*,
            coalesce(name_weight.weight, 0) as full_name_weight,
            coalesce(birth_date_weight.weight, 0) as birth_date_weight,
            coalesce(address_weight.weight, 0) as address_weight,
            coalesce(city_weight.weight, 0) as city_weight
        from compared
        left join weights as name_weight
            on
                name_weight.field = 'full_name'
                and compared.full_name_level = name_weight.comparison_level
        left join weights as birth_date_weight
            on
                birth_date_weight.field = 'birth_date'
                and compared.birth_date_level = birth_date_weight.comparison_level
        left join weights as address_weight
            on
                address_weight.field = 'address'
                and compared.address_level = address_weight.comparison_level
        left join weights as city_weight
            on
                city_weight.field = 'city'
                and compared.city_level = city_weight.comparison_level

    )

    select
        scored.*,
        full_name_weight + birth_date_weight + address_weight + city_weight
            as match_weight
    from scored
{%- endmacro %}

{#- The blocking rules of the matcher, in order: a list of {name,
    condition}, the condition a join predicate between the relations named
    `left` and `right`:
      1. same_name_and_city: same full name and same city;
      2. same_birth_date_and_surname: same birth date and same surname
         (first character of the full name).
    The matcher pairs records within each block (identity_match_scores_sql)
    and the erasure search gathers the profiles that share a block with the
    records it reaches (duckdb__erased_edges), so a rule added here reaches
    both. -#}
{% macro identity_blocking_rules(left, right) -%}
    {{ return([
        {
            'name': 'same_name_and_city',
            'condition': left ~ '.full_name = ' ~ right ~ '.full_name and '
                ~ left ~ '.city = ' ~ right ~ '.city'
        },
        {
            'name': 'same_birth_date_and_surname',
            'condition': left ~ '.birth_date = ' ~ right ~ '.birth_date and '
                ~ 'substr(' ~ left ~ '.full_name, 1, 1) = substr('
                ~ right ~ '.full_name, 1, 1)'
        }
    ]) }}
{%- endmacro %}

{#- Similarity of two strings in 0..1 (Jaro-Winkler where the engine has
    it). -#}
{% macro string_similarity(left, right) -%}
    {{ return(adapter.dispatch('string_similarity', 'precision_marketing')(left, right)) }}
{%- endmacro %}

{% macro default__string_similarity(left, right) -%}
    jaro_winkler_similarity({{ left }}, {{ right }})
{%- endmacro %}
