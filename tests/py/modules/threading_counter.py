import threading
counter = 0
lock = threading.Lock()
def inc():
    global counter
    for _ in range(10000):
        with lock:
            counter += 1
threads = [threading.Thread(target=inc) for _ in range(4)]
[t.start() for t in threads]
[t.join() for t in threads]
print(counter)
