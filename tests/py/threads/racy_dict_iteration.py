# Iterating a dict while another thread resizes it: either a clean pass or
# a RuntimeError ("dictionary changed size during iteration", or "dictionary
# keys changed during iteration" when the size is back to what it was) —
# never a crash.
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
try:
    for _ in range(200):
        try:
            for k, v in d.items():
                assert k == v
        except RuntimeError as e:
            assert str(e) in ("dictionary changed size during iteration",
                              "dictionary keys changed during iteration"), e
            errors += 1
finally:
    stop = True
    t.join()
print("ok", len(d))
