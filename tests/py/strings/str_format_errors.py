for fmt, a, k in [("{", (), {}), ("}", (), {}), ("{0} {}", (1, 2), {}), ("{} {0}", (1, 2), {}), ("{1}", (1,), {}), ("{x}", (), {}), ("{0:d}", ("s",), {}), ("{!x}", (1,), {})]:
    try:
        print(fmt.format(*a, **k))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
