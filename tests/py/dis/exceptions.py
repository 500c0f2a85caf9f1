def f(path):
    try:
        fh = open(path)
    except (OSError, ValueError) as e:
        return str(e)
    except Exception:
        raise
    else:
        pass
    finally:
        print("done")
    with fh:
        for line in fh:
            if line:
                return line


def g(eg):
    try:
        eg()
    except* TypeError as t:
        print(t)
    except* ValueError:
        pass
    assert eg, "message"
