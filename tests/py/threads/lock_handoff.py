# Threads take turns through a chain of locks: a strict ping-pong.
import threading
ping, pong = threading.Lock(), threading.Lock()
pong.acquire()
log = []
def player(name, mine, theirs, n):
    for i in range(n):
        mine.acquire()
        log.append(name)
        theirs.release()
a = threading.Thread(target=player, args=("ping", ping, pong, 1000))
b = threading.Thread(target=player, args=("pong", pong, ping, 1000))
a.start(); b.start(); a.join(); b.join()
print(len(log), log[:4], all(log[i] != log[i + 1] for i in range(len(log) - 1)))
