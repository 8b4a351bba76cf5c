{#- Spark and other engines without recursive queries only (disabled on
    DuckDB, whose erasure search scores only the records it reaches): every
    pair of usable raw members and shop accounts (before erasure) the
    matcher scores at or above the match threshold, as salted hashes of
    the two record keys. A table of its own because the profiles come from
    ephemeral base models, which the statements of Spark's connected
    components cannot read. A transient table that
    stg_privacy__erasure_suppression drops after use. -#}
{{ config(
    materialized='table',
    enabled=target.type != 'duckdb',
) }}

with

erasure_profiles as (

    {{ erasure_match_profiles() }}

),

match_scores as (

    {{ identity_match_scores_sql('erasure_profiles') }}

),

links as (

    select
        record_key_a,
        record_key_b
    from match_scores
    where match_weight >= {{ var('identity_match_threshold') }}

)

select * from links
