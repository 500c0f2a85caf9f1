# Iterating a dict while another thread resizes it: either a clean pass or
# "RuntimeError: dictionary changed size during iteration" — never a crash.
import threading
d = {i: i for i in range(100)}
stop = False
def writer():
    i = 100
    while not stop:
        d[i] = i
        del d[i - 100]
        i += 1
t = threading.Thread(target=writer)
t.start()
errors = 0
for _ in range(200):
    try:
        for k, v in d.items():
            assert k == v
    except RuntimeError as e:
        assert str(e) == "dictionary changed size during iteration", e
        errors += 1
stop = True
t.join()
print("ok", len(d))
