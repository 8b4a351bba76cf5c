{#- Which staged tables are identity records, and which identifiers each
    carries. One place for the identity graph, the erasure pre-pass and the
    erasure filters, so they always agree.

    Each entry: `table` (source.table), `model` (staging model suffix), `key`
    (record key column; none means one record per distinct combination of
    identifiers, used for the event stream), `seen_at`, `where` (rows that are
    not identity records: QA accounts, staff posts) and `identifiers`
    (type, column, scope column or none; the scope namespaces ids that are
    unique only within an app or platform). -#}
{% macro identity_sources() %}
    {{ return([
        {'table': 'shop.accounts', 'model': 'shop__accounts', 'key': 'account_id',
         'seen_at': 'registered_at', 'where': 'not is_test',
         'identifiers': [('account', 'account_id', none), ('phone', 'phone', none),
                         ('email', 'email', none), ('wx_unionid', 'wx_unionid', none)]},
        {'table': 'shop.orders', 'model': 'shop__orders', 'key': 'order_id',
         'seen_at': 'ordered_at', 'where': 'not is_test',
         'identifiers': [('account', 'account_id', none), ('phone', 'receiver_phone', none)]},
        {'table': 'pos.transactions', 'model': 'pos__transactions', 'key': 'transaction_id',
         'seen_at': 'transacted_at', 'where': 'true',
         'identifiers': [('member_card', 'member_card_no', none), ('phone', 'customer_phone', none)]},
        {'table': 'crm.members', 'model': 'crm__members', 'key': 'member_id',
         'seen_at': 'enrolled_at', 'where': 'true',
         'identifiers': [('member_card', 'member_card_no', none), ('phone', 'phone', none)]},
        {'table': 'app.events', 'model': 'app__events', 'key': none,
         'seen_at': 'occurred_at', 'where': 'true',
         'identifiers': [('device', 'device_id', none), ('account', 'account_id', none),
                         ('wx_openid', 'openid', 'app_id')]},
        {'table': 'social.oa_followers', 'model': 'social__oa_followers', 'key': 'follow_id',
         'seen_at': 'followed_at', 'where': 'true',
         'identifiers': [('wx_openid', 'openid', 'app_id'), ('wx_unionid', 'unionid', none)]},
        {'table': 'social.oa_comments', 'model': 'social__oa_comments', 'key': 'comment_id',
         'seen_at': 'commented_at', 'where': 'true',
         'identifiers': [('wx_openid', 'openid', 'app_id')]},
        {'table': 'social.community_messages', 'model': 'social__community_messages',
         'key': 'message_id', 'seen_at': 'sent_at', 'where': 'not is_staff',
         'identifiers': [('wx_unionid', 'sender_unionid', none)]},
        {'table': 'social.video_interactions', 'model': 'social__video_interactions',
         'key': 'interaction_id', 'seen_at': 'interacted_at', 'where': 'true',
         'identifiers': [('platform_user', 'platform_user_id', 'channel_id')]},
        {'table': 'service.tickets', 'model': 'service__tickets', 'key': 'ticket_id',
         'seen_at': 'opened_at', 'where': 'true',
         'identifiers': [('phone', 'contact_phone', none), ('account', 'account_id', none)]},
        {'table': 'marketing.ad_clicks', 'model': 'marketing__ad_clicks', 'key': 'click_id',
         'seen_at': 'clicked_at', 'where': 'true',
         'identifiers': [('platform_user', 'platform_user_id', 'channel_id'),
                         ('device', 'device_id', none), ('wx_openid', 'openid', 'app_id')]},
        {'table': 'content.reads', 'model': 'content__reads', 'key': 'read_id',
         'seen_at': 'read_at', 'where': 'true',
         'identifiers': [('wx_openid', 'openid', 'app_id'), ('account', 'account_id', none)]},
    ]) }}
{% endmacro %}

{#- The namespaced node for one identifier: `phone:+86...`,
    `wx_openid:<app id>:<openid>`, `platform_user:<platform>:<id>`. -#}
{% macro identity_node(identifier_type, column, scope=none) -%}
    {%- if scope -%}
        concat('{{ identifier_type }}:', {{ scope }}, ':', {{ column }})
    {%- else -%}
        concat('{{ identifier_type }}:', {{ column }})
    {%- endif -%}
{%- endmacro %}

{#- The identity record key of a row: `<source.table>:<key>`, or for keyless
    (event) sources `<source.table>:<hash of the identifier combination>`. -#}
{% macro identity_record_key(source) -%}
    {%- if source.key -%}
        concat('{{ source.table }}:', {{ source.key }})
    {%- else -%}
        {%- set parts = [] -%}
        {%- for identifier_type, column, scope in source.identifiers -%}
            {%- do parts.append("coalesce(" ~ (scope ~ " || ':' || " if scope else "") ~ column ~ ", '')") -%}
        {%- endfor -%}
        concat('{{ source.table }}:', {{ dbt.hash(parts | join(" || '|' || ")) }})
    {%- endif -%}
{%- endmacro %}

{#- The relation a layer reads for one identity source: the staged model
    ('staging'), or every usable raw row before erasure ('base', for the
    erasure pre-pass). The pre-pass keeps exact copies of a raw row: a copy
    has the same record, identifiers and timestamp as the row it repeats, so
    it adds no edge and moves no first or last seen; only the row count would
    differ, and the pre-pass does not keep it. Not asking for is_duplicate
    spares the duplicate check (a window over every raw column) of each
    source, the event stream's above all. -#}
{% macro identity_source_rows(source, layer) -%}
    {%- if layer == 'base' -%}
        (select * from {{ ref('base_' ~ source.model) }}
         where quarantine_reason is null and {{ source.where }})
    {%- else -%}
        (select * from {{ ref('stg_' ~ source.model) }}
         where not is_duplicate and {{ source.where }})
    {%- endif -%}
{%- endmacro %}

{#- Every (record, identifier) pair of the identity sources, one row per
    record and node with first and last seen. A keyless (event) source is
    first grouped by its identifier columns: its record key is a hash of
    that combination, so each combination is one record, and the key is
    hashed once per combination instead of once per event and identifier. -#}
{% macro identity_edges_sql(layer) -%}
    {%- for source in identity_sources() %}
    {%- set combination_columns = [] -%}
    {%- for identifier_type, column, scope in source.identifiers -%}
        {%- for name in [column, scope] if name and name not in combination_columns -%}
            {%- do combination_columns.append(name) -%}
        {%- endfor -%}
    {%- endfor %}
    {%- for identifier_type, column, scope in source.identifiers %}
    select
        '{{ source.table }}' as source_table,
        {{ identity_record_key(source) }} as record_key,
        '{{ identifier_type }}' as identifier_type,
        {{ column }} as identifier_value,
        {{ identity_node(identifier_type, column, scope) }} as node_id,
        {%- if source.key %}
        min({{ source.seen_at }}) as first_seen_at,
        max({{ source.seen_at }}) as last_seen_at,
        count(*) as row_count
    from {{ identity_source_rows(source, layer) }} as rows_{{ loop.index }}
    where {{ column }} is not null
        {%- else %}
        min(first_seen_at) as first_seen_at,
        max(last_seen_at) as last_seen_at,
        cast(sum(row_count) as {{ dbt.type_bigint() }}) as row_count
    from (
        select
            {{ combination_columns | join(',\n            ') }},
            min({{ source.seen_at }}) as first_seen_at,
            max({{ source.seen_at }}) as last_seen_at,
            count(*) as row_count
        from {{ identity_source_rows(source, layer) }} as source_rows
        where {{ column }} is not null
        group by {% for name in combination_columns %}{{ loop.index }}{{ ', ' if not loop.last }}{% endfor %}
    ) as combinations_{{ loop.index }}
        {%- endif %}
    group by 1, 2, 3, 4, 5
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}

{#- The person map's records of the given source tables only: a model that
    looks up the persons of one or a few sources' rows reads these instead
    of every record, so its join hashes a fraction of the map (app events'
    records are 8% of it at 100,000 people). -#}
{% macro person_map_of(source_tables) -%}
    select * from {{ ref('int_identity_person_map') }}
    where source_table in (
        {%- for source_table in source_tables %}
        '{{ source_table }}'{{ ',' if not loop.last }}
        {%- endfor %}
    )
{%- endmacro %}
