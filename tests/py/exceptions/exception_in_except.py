try:
    try:
        raise ValueError("orig")
    except ValueError:
        undefined_name
except NameError as e:
    print(e, "| context:", repr(e.__context__))
