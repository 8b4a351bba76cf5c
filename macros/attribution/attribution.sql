{#- Attribution: exact time windows, the business-rule vars as SQL literals,
    and the array arithmetic of the Markov power iteration (the only
    engine-specific part: DuckDB lists with `lambda` syntax, Spark arrays
    with `->` higher-order functions). -#}

{#- The attribution models, in the order reports show them. -#}
{% macro attribution_model_names() -%}
    {{ return([
        'first_touch', 'last_touch', 'last_non_direct', 'key_touch', 'linear',
        'time_decay', 'position_based', 'w_shaped', 'markov'
    ]) }}
{%- endmacro %}

{#- Microseconds since the Unix epoch of a naive UTC timestamp, as a whole
    number: windows compare integers, so an interval edge is exact to the
    microsecond on both engines (Spark's unix_timestamp drops the fraction of
    a second that app events carry). -#}
{% macro epoch_microseconds(expression) -%}
    {{ return(adapter.dispatch('epoch_microseconds', 'precision_marketing')(expression)) }}
{%- endmacro %}

{% macro duckdb__epoch_microseconds(expression) -%}
    epoch_us({{ expression }})
{%- endmacro %}

{% macro spark__epoch_microseconds(expression) -%}
    unix_micros({{ expression }})
{%- endmacro %}

{#- The lookback var as a whole number of microseconds (30 days =
    2,592,000 s = 2,592,000,000,000 us). -#}
{% macro attribution_lookback_microseconds() -%}
    {{ (var('attribution_lookback_days') * 86400 * 1000000) | int }}
{%- endmacro %}

{#- The half-life var in seconds (7 days = 604,800 s). -#}
{% macro attribution_half_life_seconds() -%}
    {{ var('attribution_half_life_days') * 86400 }}
{%- endmacro %}

{#- The key-event var checked against the app's event names and written as
    a SQL list of literals. -#}
{% macro attribution_key_events_sql() -%}
    {%- set allowed = ['session_start', 'view_product', 'favourite',
                       'add_to_cart', 'search', 'share'] -%}
    {%- set events = var('attribution_key_events') -%}
    {%- if events is string or events is not iterable or events | length == 0 -%}
        {{ exceptions.raise_compiler_error(
            "attribution_key_events is '" ~ events ~ "'; expected a non-empty list of app event names, e.g. [view_product, add_to_cart]") }}
    {%- endif -%}
    {%- for event in events -%}
        {%- if event not in allowed -%}
            {{ exceptions.raise_compiler_error(
                "attribution_key_events holds '" ~ event ~ "'; expected app event names from " ~ allowed | join(', ')) }}
        {%- endif -%}
    {%- endfor -%}
    {%- for event in events -%}
        '{{ event }}'{{ ", " if not loop.last }}
    {%- endfor -%}
{%- endmacro %}

{#- A share var and its complement spread over `parts`, as literals rounded
    to 12 decimals so that 1 - 2 x 0.4 is written 0.2, not 0.19999999999999996. -#}
{% macro attribution_share(var_name) -%}
    {{ var(var_name) | float | round(12) }}
{%- endmacro %}

{% macro attribution_remaining_share(var_name, parts) -%}
    {{ (1 - parts * (var(var_name) | float)) | round(12) }}
{%- endmacro %}

{#- Values of a group as an array ordered by `order_by` (an integer). -#}
{% macro markov_ordered_array(value, order_by) -%}
    {{ return(adapter.dispatch('markov_ordered_array', 'precision_marketing')(value, order_by)) }}
{%- endmacro %}

{% macro duckdb__markov_ordered_array(value, order_by) -%}
    list({{ value }} order by {{ order_by }})
{%- endmacro %}

{% macro spark__markov_ordered_array(value, order_by) -%}
    transform(
        array_sort(collect_list(named_struct('k', {{ order_by }}, 'v', {{ value }}))),
        item -> item.v
    )
{%- endmacro %}

{#- Element `index` (counted from 0) of an array. -#}
{% macro markov_array_element(array, index) -%}
    {{ return(adapter.dispatch('markov_array_element', 'precision_marketing')(array, index)) }}
{%- endmacro %}

{% macro duckdb__markov_array_element(array, index) -%}
    list_extract({{ array }}, ({{ index }}) + 1)
{%- endmacro %}

{% macro spark__markov_array_element(array, index) -%}
    element_at({{ array }}, ({{ index }}) + 1)
{%- endmacro %}

{#- The sum of the first `count` elements of an array of doubles. -#}
{% macro markov_prefix_sum(array, count) -%}
    {{ return(adapter.dispatch('markov_prefix_sum', 'precision_marketing')(array, count)) }}
{%- endmacro %}

{% macro duckdb__markov_prefix_sum(array, count) -%}
    list_sum(list_transform(
        range({{ count }}),
        lambda i: list_extract({{ array }}, i + 1)
    ))
{%- endmacro %}

{% macro spark__markov_prefix_sum(array, count) -%}
    aggregate(
        slice({{ array }}, 1, {{ count }}),
        cast(0 as double),
        (total, x) -> total + x
    )
{%- endmacro %}

{#- A probability vector of `size` elements with all its mass at `index`. -#}
{% macro markov_unit_vector(size, index) -%}
    {{ return(adapter.dispatch('markov_unit_vector', 'precision_marketing')(size, index)) }}
{%- endmacro %}

{% macro duckdb__markov_unit_vector(size, index) -%}
    list_transform(
        range({{ size }}),
        lambda i: cast(case when i = {{ index }} then 1.0 else 0.0 end as double)
    )
{%- endmacro %}

{% macro spark__markov_unit_vector(size, index) -%}
    transform(
        sequence(0, {{ size }} - 1),
        i -> cast(case when i = {{ index }} then 1.0 else 0.0 end as double)
    )
{%- endmacro %}

{#- One step of the chain: the row vector times the row-major `size` x
    `size` matrix, summed over the states in index order (the same order on
    both engines, so the same rounding). -#}
{% macro markov_vector_times_matrix(vector, matrix, size) -%}
    {{ return(adapter.dispatch('markov_vector_times_matrix', 'precision_marketing')(vector, matrix, size)) }}
{%- endmacro %}

{% macro duckdb__markov_vector_times_matrix(vector, matrix, size) -%}
    list_transform(
        range({{ size }}),
        lambda j: list_sum(list_transform(
            range({{ size }}),
            lambda i: list_extract({{ vector }}, i + 1)
                * list_extract({{ matrix }}, i * {{ size }} + j + 1)
        ))
    )
{%- endmacro %}

{% macro spark__markov_vector_times_matrix(vector, matrix, size) -%}
    transform(
        sequence(0, {{ size }} - 1),
        j -> aggregate(
            sequence(0, {{ size }} - 1),
            cast(0 as double),
            (total, i) -> total
                + element_at({{ vector }}, i + 1)
                * element_at({{ matrix }}, i * {{ size }} + j + 1)
        )
    )
{%- endmacro %}

{#- The header of a recursive CTE that may run `levels` levels deep: Spark
    stops a recursion at 100 levels unless told otherwise, DuckDB has no
    limit (the recursive term carries its own bound). -#}
{% macro recursive_cte_header(name, columns, levels) -%}
    {{ return(adapter.dispatch('recursive_cte_header', 'precision_marketing')(name, columns, levels)) }}
{%- endmacro %}

{% macro default__recursive_cte_header(name, columns, levels) -%}
    {{ name }} ({{ columns | join(', ') }})
{%- endmacro %}

{% macro spark__recursive_cte_header(name, columns, levels) -%}
    {{ name }} ({{ columns | join(', ') }}) max recursion level {{ levels }}
{%- endmacro %}

{#- The attribution models as a relation of one column, attribution_model
    (a select per model joined by union all). -#}
{% macro attribution_models_select() -%}
    {%- for model in attribution_model_names() -%}
        select '{{ model }}' as attribution_model
        {%- if not loop.last %} union all {% endif -%}
    {%- endfor -%}
{%- endmacro %}

{#- A relation with one weight column per attribution model (named after the
    model) turned into one row per conversion, touch and model: the
    carried columns, attribution_model and weight. Joins belong before the
    unpivot (on the wide relation, one row per touch), not after it on nine
    times as many rows. -#}
{% macro attribution_weights_unpivoted(relation, carried_columns=['conversion_id', 'touch_id']) -%}
    {{ return(adapter.dispatch('attribution_weights_unpivoted', 'precision_marketing')(relation, carried_columns)) }}
{%- endmacro %}

{#- DuckDB: each wide row unnests into its nine rows, one after another, so
    a touch's rows are written side by side and its ids compress as runs.
    One union of nine copies wrote them model after model, and writing the
    long ids far apart took half the time of fct_attribution_credits
    (100,000 people: 24.5 s against 13.3 s, half the file size, the same
    rows). -#}
{% macro duckdb__attribution_weights_unpivoted(relation, carried_columns) -%}
    select
        {{ carried_columns | join(', ') }},
        unnest([
            {%- for model in attribution_model_names() %}
            '{{ model }}'{{ "," if not loop.last }}
            {%- endfor %}
        ]) as attribution_model,
        unnest([
            {%- for model in attribution_model_names() %}
            {{ model }}{{ "," if not loop.last }}
            {%- endfor %}
        ]) as weight
    from {{ relation }}
{%- endmacro %}

{% macro default__attribution_weights_unpivoted(relation, carried_columns) -%}
    {%- for model in attribution_model_names() -%}
        select {{ carried_columns | join(', ') }}, '{{ model }}' as attribution_model,
        {{ model }} as weight from {{ relation }}
        {%- if not loop.last %} union all {% endif -%}
    {%- endfor -%}
{%- endmacro %}

{#- One column per attribution model, `<model>_<suffix>`: the sum of
    `value` over the rows of that model (a pivot of a long table). -#}
{% macro attribution_models_pivoted(value, model_column, suffix) -%}
    {%- for model in attribution_model_names() -%}
        sum(case when {{ model_column }} = '{{ model }}' then {{ value }}
        else 0 end) as {{ model }}_{{ suffix }}
        {%- if not loop.last %}, {% endif -%}
    {%- endfor -%}
{%- endmacro %}
