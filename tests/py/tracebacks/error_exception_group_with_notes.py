try:
    raise ValueError("inner")
except ValueError as e:
    e.add_note("note on inner")
    eg = ExceptionGroup("group", [e, TypeError("other")])
    eg.add_note("group note")
    raise eg
