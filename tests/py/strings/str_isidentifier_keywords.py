import keyword
for w in ("for", "foo", "_x", "1a", "match", "None", "async", "ñ", "a-b"):
    print(w, w.isidentifier(), keyword.iskeyword(w))
print(keyword.issoftkeyword("match") if hasattr(keyword, "issoftkeyword") else True)
