print("ß".upper(), "ﬁ".upper(), "İ".lower(), len("İ".lower()), "Σ".lower(), "ΑΣ".lower(), "ΑΣ Α".lower())
print("straße".casefold() == "STRASSE".casefold(), "ǆ".title(), "ǳ".upper(), "ŉ".upper())
