# time.sleep detaches: 8 threads sleeping 0.2 s finish in well under 1.6 s.
import threading, time
start = time.monotonic()
ts = [threading.Thread(target=time.sleep, args=(0.2,)) for _ in range(8)]
for t in ts: t.start()
for t in ts: t.join()
elapsed = time.monotonic() - start
print("parallel sleeps:", elapsed < 1.0)
