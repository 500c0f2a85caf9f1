for thing in (ValueError, ValueError("inst")):
    try:
        raise thing
    except ValueError as e:
        print(repr(e))
try:
    raise 5
except TypeError as e:
    print(e)
class NotExc: pass
try:
    raise NotExc
except TypeError as e:
    print(e)
try:
    raise ValueError from 5
except TypeError as e:
    print(e)
