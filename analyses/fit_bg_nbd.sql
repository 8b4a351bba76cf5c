-- The buy-till-you-die summary, ready for a BG/NBD (or Pareto/NBD) fit.
-- Compile (dbt compile -s fit_bg_nbd), run, and in Python:
--
--   from lifetimes import BetaGeoFitter, GammaGammaFitter
--   bgf = BetaGeoFitter(penalizer_coef=0.001)
--   bgf.fit(df.btyd_frequency, df.btyd_recency, df.btyd_t)
--   expected = bgf.conditional_expected_number_of_purchases_up_to_time
--   df["expected_purchases_365d"] = expected(
--       365, df.btyd_frequency, df.btyd_recency, df.btyd_t)
--   repeat = df[df.btyd_frequency > 0]
--   ggf = GammaGammaFitter(penalizer_coef=0.001)
--   ggf.fit(repeat.btyd_frequency, repeat.btyd_monetary_value)
--
-- Do not read BG/NBD's P(alive) for one-time buyers: it is 1 by
-- construction. fct_customer_lifecycle holds the stages instead.
with

rfm as (

    select * from {{ ref('fct_customer_rfm') }}

),

summary as (

    select
        person_id,
        btyd_frequency,
        btyd_recency,
        btyd_t,
        btyd_monetary_value
    from rfm

)

select * from summary
