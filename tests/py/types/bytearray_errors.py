ba = bytearray(b"abc")
try:
    ba[0] = 300
except ValueError as e:
    print(e)
try:
    ba.remove(120)
except ValueError as e:
    print(e)
try:
    bytearray().pop()
except IndexError as e:
    print(e)
try:
    ba[10]
except IndexError as e:
    print(e)
try:
    hash(ba)
except TypeError as e:
    print(e)
