# The marker line under a source line holding wide characters (CJK, emoji)
# is laid out in display columns: two marks under a wide character, as
# 3.11's printer does.
d = {'日本': 1, '🎉': 2, 'é': 3}


def f():
    return d['日本'] + d['🎉'] + d['é'] + d['x']


f()
