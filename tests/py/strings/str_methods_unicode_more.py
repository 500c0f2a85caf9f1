print("ǅ".lower(), "ǅ".upper(), "ǅ".istitle(), "Σίσυφος".upper(), "ΣΊΣΥΦΟΣ".lower(), "ﬃ".upper(), len("ﬃ".upper()))
print("İstanbul".lower(), len("İ".lower()), "ß".casefold(), "ẞ".lower(), "ŉ".title(), "ᾳ".upper(), "ᾳ".title())
print("Ⅷ".lower(), "ⓐ".upper(), "𝐀".lower(), "x²".upper(), "ǰ".upper(), "Dž".swapcase())
