for msg in ("text", 42, None, ["list"]):
    try:
        assert False, msg
    except AssertionError as e:
        print(repr(e), e.args)
