s = "hello World ßtraße ǅ"
print(s.upper(), s.lower(), s.capitalize(), s.title(), s.swapcase(), s.casefold())
print("ABC".isupper(), "abc".islower(), "Title Case".istitle(), "".isupper())
