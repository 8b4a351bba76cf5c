"""Identity resolution on the demo data, checked against the generator's
truth: pairwise precision and recall, over-merges, the guards."""

from __future__ import annotations

from conftest import Warehouse, dbt

# Row-level identity sources: truth table name -> (staged key column, record prefix).
ROW_SOURCES = {
    "shop__accounts": "shop.accounts",
    "shop__orders": "shop.orders",
    "pos__transactions": "pos.transactions",
    "crm__members": "crm.members",
    "social__oa_followers": "social.oa_followers",
    "social__oa_comments": "social.oa_comments",
    "social__community_messages": "social.community_messages",
    "social__video_interactions": "social.video_interactions",
    "service__tickets": "service.tickets",
    "marketing__ad_clicks": "marketing.ad_clicks",
    "content__reads": "content.reads",
}


def assignment_sql(demo_data) -> str:
    """One row per staged identity record owned by a (non-erased) person in
    the truth: its true person and its predicted person (unresolved records
    count as singletons)."""
    tables = ", ".join(f"'{t}'" for t in ROW_SOURCES)
    return f"""
    with owners as (
        select source_table, record_key, person_key
        from read_csv('{demo_data}/_truth/record_owners.csv', all_varchar = true)
    ),
    erased as (
        select person_key from read_csv('{demo_data}/_truth/persons.csv', all_varchar = true)
        where is_erased = 'True'
    ),
    staged_rows as (
        select replace(o.source_table, '__', '.') || ':' || o.record_key as record_key,
               o.person_key
        from owners o where o.source_table in ({tables})
    ),
    rows_predicted as (
        select s.person_key as truth,
               coalesce(m.person_id, 'unresolved:' || s.record_key) as predicted
        from staged_rows s
        left join intermediate.int_identity_person_map m using (record_key)
        where exists (select 1 from intermediate.int_identity_edges_collected c
                      where c.record_key = s.record_key)
        union all
        select o.person_key, coalesce(e.person_id, 'unresolved:' || e.event_id)
        from owners o inner join intermediate.int_app_events_resolved e
            on o.source_table = 'app__events' and o.record_key = e.event_id
    )
    select * from rows_predicted where truth not in (select person_key from erased)
    """


def pairwise_scores(warehouse: Warehouse, demo_data) -> dict[str, float]:
    sql = f"""
    with assigned as ({assignment_sql(demo_data)}),
    cells as (select predicted, truth, count(*) as n from assigned group by all),
    same_both as (select sum(n * (n - 1) / 2) as pairs from cells),
    same_predicted as (select sum(n * (n - 1) / 2) as pairs from
        (select predicted, count(*) as n from assigned group by 1)),
    same_truth as (select sum(n * (n - 1) / 2) as pairs from
        (select truth, count(*) as n from assigned group by 1)),
    persons as (select predicted, count(distinct truth) as owners from assigned group by 1)
    select (select count(*) from assigned),
           same_both.pairs / same_predicted.pairs,
           same_both.pairs / same_truth.pairs,
           (select count(*) filter (where owners > 1) * 1.0 / count(*) from persons)
    from same_both, same_predicted, same_truth
    """
    records, precision, recall, over_merge = warehouse.query(sql)[0]
    return {
        "records": records,
        "precision": precision,
        "recall": recall,
        "over_merge_rate": over_merge,
    }


def test_pairwise_precision_recall_and_over_merges(warehouse, demo_data):
    scores = pairwise_scores(warehouse, demo_data)
    print(
        f"\nidentity resolution on the demo data: {scores['records']:,} records, "
        f"pairwise precision {scores['precision']:.4f}, recall {scores['recall']:.4f}, "
        f"over-merge rate {scores['over_merge_rate']:.4%}"
    )
    assert scores["records"] > 50_000
    assert scores["precision"] >= 0.99
    assert scores["recall"] >= 0.97
    assert scores["over_merge_rate"] <= 0.005


def test_store_default_phone_is_caught_by_the_degree_guard(warehouse):
    store_phone = warehouse.scalar(
        "select store_phone from staging.stg_pos__stores where store_id = 'S007'"
    )
    reasons = warehouse.query(
        "select distinct cut_reason from intermediate.int_identity_edges_checked "
        f"where node_id = 'phone:{store_phone}'"
    )
    assert reasons == [("degree_exceeded",)]
    assert (
        warehouse.scalar(
            f"select count(*) from intermediate.int_identifiers_resolved "
            f"where node_id = 'phone:{store_phone}'"
        )
        == 0
    )


def test_each_kept_identifier_resolves_to_the_one_person_of_its_records(warehouse):
    """int_identifiers_resolved looks up the person of one record per
    identifier; that is right only if all of an identifier's records share a
    person. Checked edge by edge here, with every kept identifier present."""
    split_nodes = warehouse.scalar(
        "select count(*) from (select e.node_id "
        "from intermediate.int_identity_edges_checked e "
        "inner join intermediate.int_identity_person_map m "
        "on e.record_key = m.record_key where e.cut_reason is null "
        "group by 1 having count(distinct m.person_id) > 1)"
    )
    wrong_person = warehouse.scalar(
        "select count(*) from intermediate.int_identity_edges_checked e "
        "inner join intermediate.int_identity_person_map m "
        "on e.record_key = m.record_key "
        "left join intermediate.int_identifiers_resolved r "
        "on e.node_id = r.node_id "
        "where e.cut_reason is null and r.person_id is distinct from m.person_id"
    )
    assert split_nodes == 0
    assert wrong_person == 0


def test_placeholders_never_link_anyone(warehouse):
    blocked = warehouse.query(
        "select identifier_type || ':' || identifier_value from reference.identifier_blocklist"
    )
    kept = warehouse.scalar(
        "select count(*) from intermediate.int_identity_edges_checked e "
        "inner join reference.identifier_blocklist b "
        "on e.identifier_type = b.identifier_type and e.identifier_value = b.identifier_value "
        "where e.cut_reason is null"
    )
    assert blocked and kept == 0
    assert (
        warehouse.scalar(
            "select count(*) from intermediate.int_identity_edges_checked "
            "where cut_reason = 'blocklisted' "
            "and identifier_type in ('phone', 'device', 'wx_openid')"
        )
        > 0
    )


def test_family_tablet_does_not_merge_its_two_people(warehouse, demo_data):
    tablet = "device:a11e7ab1-e7ab-1e7a-b1e7-ab1e7ab1e7ab"
    cut = warehouse.query(
        "select distinct cut_reason from intermediate.int_identity_edges_checked "
        f"where node_id = '{tablet}' and cut_reason is not null"
    )
    assert cut == [("cardinality_conflict",)]
    persons = warehouse.query(f"""
        select o.person_key, count(distinct e.person_id)
        from read_csv('{demo_data}/_truth/record_owners.csv', all_varchar = true) o
        inner join intermediate.int_app_events_resolved e on o.record_key = e.event_id
        where o.person_key in ('T0000042', 'T0000043')
        group by 1 order by 1""")
    assert [p for p, _ in persons] == ["T0000042", "T0000043"]
    ids = warehouse.query(f"""
        select distinct o.person_key, e.person_id
        from read_csv('{demo_data}/_truth/record_owners.csv', all_varchar = true) o
        inner join intermediate.int_app_events_resolved e on o.record_key = e.event_id
        where o.person_key in ('T0000042', 'T0000043') and e.person_id is not null""")
    owners_by_id: dict[str, set[str]] = {}
    for person_key, person_id in ids:
        owners_by_id.setdefault(person_id, set()).add(person_key)
    assert all(len(owners) == 1 for owners in owners_by_id.values()), owners_by_id


def test_changed_phone_members_are_linked_probabilistically(warehouse, demo_data):
    planted = warehouse.scalar(
        f"select count(*) from read_csv('{demo_data}/_truth/persons.csv', all_varchar = true) "
        "where has_changed_phone = 'True' and is_erased = 'False'"
    )
    accepted = warehouse.scalar(
        "select count(*) from intermediate.int_identity_match_candidates where is_accepted"
    )
    wrong = warehouse.scalar(f"""
        with owners as (select replace(source_table, '__', '.') || ':' || record_key as k,
                               person_key
                        from read_csv('{demo_data}/_truth/record_owners.csv', all_varchar = true))
        select count(*) from intermediate.int_identity_match_candidates m
        inner join owners a on m.record_key_a = a.k
        inner join owners b on m.record_key_b = b.k
        where m.is_accepted and a.person_key != b.person_key""")
    assert wrong == 0
    assert accepted >= 0.9 * planted > 0


def test_explain_prints_the_chain_between_two_records(warehouse):
    a, b = warehouse.query("""
        select min(m.record_key) filter (where m.source_table = 'pos.transactions'),
               min(m.record_key) filter (where m.source_table = 'shop.orders')
        from intermediate.int_identity_person_map m
        inner join intermediate.int_identity_records_resolved r using (record_key)
        where r.is_probabilistically_linked
        group by m.person_id
        having count(*) filter (where m.source_table = 'shop.orders') > 0
           and count(*) filter (where m.source_table = 'pos.transactions') > 0
        order by 1 limit 1""")[0]
    result = dbt(
        "run-operation",
        "explain_identity_link",
        "--args",
        f'{{record_a: "{a}", record_b: "{b}"}}',
        database=warehouse.path,
        target_path=warehouse.target_path,
    )
    assert f"{a} and {b} are one person" in result.stdout
    assert "probabilistic match, weight" in result.stdout
    other = warehouse.scalar(
        "select min(record_key) from intermediate.int_identity_person_map "
        f"where person_id != (select person_id from intermediate.int_identity_person_map "
        f"where record_key = '{a}')"
    )
    result = dbt(
        "run-operation",
        "explain_identity_link",
        "--args",
        f'{{record_a: "{a}", record_b: "{other}"}}',
        database=warehouse.path,
        target_path=warehouse.target_path,
    )
    assert "they are not the same person" in result.stdout
