for s in ("plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n", "\x00\x1f\x7f", "é", "\u200b", "\U0001F600", "\\", "\udc80", "\x80\xa0\xff"):
    print(repr(s), ascii(s))
