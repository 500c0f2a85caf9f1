print(None is None, True is True, [] is [], () is (), "" is "" or True)
a = []
print(a is a, a is not a, a is not [])
