print("é".center(5, "é"), "日本".ljust(4, "*"), "日本".rjust(4) + "|", len("日本"))
