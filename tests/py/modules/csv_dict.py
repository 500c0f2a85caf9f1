# csv.DictReader / csv.DictWriter.
import csv
import io

data = "name,age,city\r\nAnn,31,Oslo\r\n\r\nBob,25\r\nCid,40,Rome,extra1,extra2\r\n"

print("-- DictReader")
r = csv.DictReader(io.StringIO(data, newline=""))
print(r.line_num, r.dialect, r.restkey, r.restval)
print(r.fieldnames, r.line_num)
for row in r:
    print(r.line_num, row)

r = csv.DictReader(io.StringIO(data, newline=""), restkey="more", restval="?")
print([dict(row) for row in r])

r = csv.DictReader(["1;2;3", "4;5"], fieldnames=["a", "b", "c"], delimiter=";")
print(r.fieldnames, list(r))

r = csv.DictReader(["x,y"], fieldnames=("p", "q"))
print(next(r), r.fieldnames)

r = csv.DictReader([])
print(r.fieldnames, list(r))

r = csv.DictReader(["only,header"])
print(r.fieldnames, list(r))

r = csv.DictReader(["a,b", "", "", "1,2", ""])
print(list(r), r.line_num)

r = csv.DictReader(["h1\th2", "v1\tv2"], dialect="excel-tab")
print(list(r))

r = csv.DictReader(["a,b", "1,2"])
r.fieldnames = ["X", "Y"]
print(list(r))

r = csv.DictReader(['k,"multi', 'line"', 'v1,v2'])
print(r.fieldnames, r.line_num, list(r), r.line_num)

r = csv.DictReader(["a,a,b", "1,2,3"])
print(list(r))

try:
    csv.DictReader(["a"], None, None, None, "excel", 5)
except TypeError as e:
    print("TypeError:", e)
try:
    next(csv.DictReader(['a', '"x'], strict=True))
except csv.Error as e:
    print("Error:", e)

print("-- DictWriter")
f = io.StringIO()
w = csv.DictWriter(f, ["name", "age", "note"])
print(w.writeheader())
print(w.writerow({"name": "Ann", "age": 31, "note": "likes, commas"}))
w.writerow({"name": "Bob"})
print(w.writerows([{"age": 1}, {"note": 'q"'}, {}]))
print(repr(f.getvalue()))

f = io.StringIO()
w = csv.DictWriter(f, ("a", "b"), restval="NA", dialect="unix")
w.writeheader()
w.writerow({"b": None})
print(repr(f.getvalue()))

f = io.StringIO()
w = csv.DictWriter(f, ["a"], extrasaction="ignore", delimiter=";")
w.writerow({"a": 1, "zzz": 2})
print(repr(f.getvalue()))

f = io.StringIO()
w = csv.DictWriter(f, ["a"])
try:
    w.writerow({"a": 1, "zzz": 2})
except ValueError as e:
    print("ValueError:", e)
try:
    w.writerows([{"a": 1}, {"b": 2}])
except ValueError as e:
    print("ValueError:", e)
print(repr(f.getvalue()))
try:
    w.writerow({"a": 1, 5: 2})
except ValueError as e:
    print("ValueError:", e)

for action in ("RAISE", "Ignore", "skip"):
    try:
        w = csv.DictWriter(io.StringIO(), ["a"], extrasaction=action)
        w.writerow({"a": 1, "b": 2})
        print(action, w.extrasaction, "accepted")
    except ValueError as e:
        print(action, "ValueError:", e)

f = io.StringIO()
w = csv.DictWriter(f, ("one", "two"))
w.writeheader()
print(repr(f.getvalue()), w.fieldnames)

f = io.StringIO()
w = csv.DictWriter(f, ["a", "b"], quoting=csv.QUOTE_NONNUMERIC)
w.writeheader()
w.writerow({"a": 1.5, "b": "x"})
print(repr(f.getvalue()))
print(type(w.writer).__name__, w.writer.dialect.quoting)

print("-- round trip")
rows = [{"id": "1", "text": "hello, world"}, {"id": "2", "text": 'she said "hi"\nthen left'}]
f = io.StringIO()
w = csv.DictWriter(f, ["id", "text"])
w.writeheader()
w.writerows(rows)
back = list(csv.DictReader(io.StringIO(f.getvalue(), newline="")))
print(back == rows, back)
