import mypkg.counter
import mypkg.counter
from mypkg import counter
mypkg.counter.count += 1
import mypkg.counter as c2
print(c2.count)
import importlib
importlib.reload(c2)
print(c2.count)
