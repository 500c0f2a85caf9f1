# csv.Sniffer: sniff() and has_header().
import csv
import io


def describe(d):
    return (d.__name__, d._name, repr(d.delimiter), d.quotechar,
            d.doublequote, bool(d.skipinitialspace), repr(d.lineterminator),
            d.quoting, d.escapechar)


samples = [
    "a,b,c\r\n1,2,3\r\n4,5,6\r\n",
    "name;age;city\nAnn;31;Oslo\nBob;25;Rome\n",
    "x\ty\tz\n1\t2\t3\n",
    "x|y|z\n1|2|3\n4|5|6\n",
    "a b c\n1 2 3\n",
    "a: b: c\n1: 2: 3\n",
    '"a","b","c"\n"1","2","3"\n',
    "'a';'b';'c'\n'1';'2';'3'\n",
    '"quoted, comma",plain\n"more, commas",x\n',
    'id, "name", "note"\n1, "Ann", "ok"\n2, "Bob", "fine"\n',
    '"a ""quoted"" word",b\n"c",d\n',
    '"single"\n"column"\n"data"\n',
    "first,\"x\"\nsecond,\"y\"\n",
    "a,b;c\nd,e;f\ng,h;i\n",
    "1/2/3\n4/5/6\n",
    "\n".join("row%d,%d,%d" % (i, i * 2, i * 3) for i in range(25)),
    "\n".join(("v%d;%d" % (i, i)) if i % 7 else "odd,one;x;y" for i in range(30)),
    "abc\ndef\n",
    "",
]
s = csv.Sniffer()
print(s.preferred)
for sample in samples:
    try:
        d = s.sniff(sample)
    except csv.Error as e:
        print(repr(sample[:30]), "Error:", e)
        continue
    print(repr(sample[:30]), describe(d))
    print("   ", list(csv.reader(io.StringIO(sample), d))[:3])

print("-- delimiters argument")
print(describe(s.sniff("a,b;c\nd,e;f\n", delimiters=";")))
print(describe(s.sniff("a,b;c\nd,e;f\n", delimiters=",")))
print(describe(s.sniff('"a";"b",c\n"d";"e",f\n', delimiters=",;")))
try:
    s.sniff("a,b\nc,d\n", delimiters="|")
except csv.Error as e:
    print("Error:", e)

print("-- preferred order")
s2 = csv.Sniffer()
s2.preferred = [";", ","]
print(describe(s2.sniff("a,b;c\nd,e;f\n")))
print(describe(s.sniff("a,b;c\nd,e;f\n")))

print("-- has_header")
heads = [
    "name,age,height\nAnn,31,1.70\nBob,25,1.82\nCid,40,1.65\n",
    "1,2,3\n4,5,6\n7,8,9\n",
    "code,label\nAB,xyz\nCD,uvw\nEF,rst\n",
    "ab,xyz\ncd,uvw\nef,rst\n",
    "id;value\n1;2.5\n2;3.5\n",
    '"id","desc"\n1,"one"\n2,"two"\n',
    "h1,h2\n1,2\n3\n4,5,6\n7,8\n",
    "x,y\n1,a\n2,bb\n3,ccc\n",
]
for sample in heads:
    try:
        print(repr(sample[:25]), s.has_header(sample))
    except csv.Error as e:
        print(repr(sample[:25]), "Error:", e)
try:
    s.has_header("nodelimiterhere\n")
except csv.Error as e:
    print("Error:", e)
d = s.sniff("a,b\n1,2\n")
print(issubclass(d, csv.Dialect), d().delimiter, csv.get_dialect("excel").delimiter)
w = io.StringIO()
csv.writer(w, d).writerow(["p", "q r"])
print(repr(w.getvalue()))
