# csv from several threads: the shared dialect registry, plus per-thread
# readers and writers (each object used by one thread).
import csv
import io
import threading

N = 8
results = [None] * N
errors = []


def work(i):
    try:
        delim = ";|:#!%&~"[i]
        name = "dialect-%d" % i
        out = []
        for rep in range(20):
            csv.register_dialect(name, delimiter=delim, quoting=csv.QUOTE_MINIMAL)
            f = io.StringIO()
            w = csv.writer(f, name)
            rows = [[i, rep, "a%sb" % delim, 'q"%d' % rep, "plain"]
                    for _ in range(5)]
            w.writerows(rows)
            back = list(csv.reader(io.StringIO(f.getvalue(), newline=""), name))
            expect = [[str(x) for x in row] for row in rows]
            out.append(back == expect)
            d = csv.get_dialect(name)
            out.append(d.delimiter == delim)
            csv.unregister_dialect(name)
            try:
                csv.get_dialect(name)
                out.append(False)
            except csv.Error:
                out.append(True)
        results[i] = all(out)
    except Exception as e:          # reported below
        errors.append(repr(e))


threads = [threading.Thread(target=work, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
print(errors)
print(sorted(csv.list_dialects()))

# many threads reading one shared excel dialect object
shared = csv.get_dialect("excel")
data = ['%d,"x,%d",y\r\n' % (k, k) for k in range(200)]
counts = [0] * N


def read(i):
    n = 0
    for row in csv.reader(data, shared):
        if row[1] == "x," + row[0]:
            n += 1
    counts[i] = n


threads = [threading.Thread(target=read, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counts)
