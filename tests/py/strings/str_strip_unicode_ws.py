s = "\u3000\u00a0 x \u2003\n"
print(repr(s.strip()), repr(s.split()), " ".isspace(), "\u00a0".isspace(), "\u200b".isspace())
