for c in ("5", "٥", "۵", "५", "①", "⑴", "½", "Ⅻ", "²", "𝟓", "〇", "十", "a", "Ⅷ"):
    print(repr(c), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isalnum(), c.isalpha())
