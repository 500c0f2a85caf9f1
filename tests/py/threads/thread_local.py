import threading
data = threading.local()
data.x = "main"
seen = {}
def work(i):
    print_missing = not hasattr(data, "x")
    data.x = i
    seen[i] = (print_missing, data.x)
ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(seen.items()))
print(data.x, sorted(data.__dict__))
try:
    data.missing
except AttributeError as e:
    print("AttributeError:", e)
del data.x
print(hasattr(data, "x"))
