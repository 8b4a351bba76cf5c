{#- One row per person and behaviour feature with a value: the raw value
    and its percentile rank among all persons with orders, the share of
    persons below plus half the share tied (ties share a rank; the ranks of
    a feature average exactly 0.5). Cluster labels read these, not z-scores
    of log features. -#}
with

features as (

    select * from {{ ref('int_customer_features') }}

),

unpivoted as (

    {% for feature in clustering_feature_names() %}
        select
            person_id,
            '{{ feature }}' as feature,
            cast({{ feature }} as double) as feature_value
        from features
        where {{ feature }} is not null
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

ranked as (

    select
        person_id,
        feature,
        feature_value,
        (
            cast(
                rank() over (partition by feature order by feature_value) - 1
                as double
            )
            + 0.5 * count(*) over (partition by feature, feature_value)
        )
        / count(*) over (partition by feature) as percentile_rank
    from unpivoted

)

select * from ranked
