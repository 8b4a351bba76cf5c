-- Why are these two records one person? Replace the two keys (see
-- intermediate.int_identity_person_map), compile and run the result, or use
--   dbt run-operation explain_identity_link --args '{record_a: ..., record_b: ...}'
{{ identity_link_path_sql('pos.transactions:PT137CA958D6C516', 'shop.orders:SOBC7D014B6705A1') }}
