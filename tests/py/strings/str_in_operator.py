print("ell" in "hello", "" in "abc", "z" not in "abc", "abc" in "ab")
try:
    1 in "abc"
except TypeError as e:
    print(e)
