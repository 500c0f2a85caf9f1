for exc in (KeyError("k"), IndexError(1), ValueError("v"), TypeError("t")):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        print("lookup-ish", type(e).__name__, isinstance(e, LookupError))
    except ValueError:
        print("value")
    except Exception as e:
        print("generic", repr(e))
