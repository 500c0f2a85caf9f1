# csv.writer: quoting modes, escaping, value conversion and errors.
import csv
import io
from decimal import Decimal
from fractions import Fraction


def out(rows, **kw):
    f = io.StringIO()
    w = csv.writer(f, **kw)
    try:
        for row in rows:
            w.writerow(row)
    except csv.Error as e:
        print(repr(f.getvalue()), "Error:", e)
        return
    print(repr(f.getvalue()))


row = ["plain", "with,comma", 'q"uote', "new\nline", "cr\rhere", " lead",
       "trail ", "", None, 1, -2.5, 1e100, 0.1, True, 3 + 4j]

print("-- QUOTE_MINIMAL")
out([row])
out([["a", "b"], [], [""], [None], ["", ""], [None, None], ["", None, ""]])
out([["tab\there"]], dialect="excel-tab")
out([["x;y", "x,y"]], delimiter=";")
out([["it's", 'say "hi"']], quotechar="'")
out([["a!b", "c"]], lineterminator="!")
out([["a\nb"]], lineterminator="\n")
out([["a\rb", "c\nd"]], lineterminator="\r")

print("-- QUOTE_ALL")
out([row], quoting=csv.QUOTE_ALL)
out([[""], [None], []], quoting=csv.QUOTE_ALL)

print("-- QUOTE_NONNUMERIC")
out([row], quoting=csv.QUOTE_NONNUMERIC)
out([[Decimal("1.50"), Fraction(1, 3), 7, "7", None, ""]],
    quoting=csv.QUOTE_NONNUMERIC)

print("-- QUOTE_NONE")
out([["a", "b c", 1, 2.0]], quoting=csv.QUOTE_NONE)
out([["a,b"]], quoting=csv.QUOTE_NONE)
out([["a,b", 'q"x', "e\\s", "n\nl"]], quoting=csv.QUOTE_NONE, escapechar="\\")
out([['q"x']], quoting=csv.QUOTE_NONE)
out([['q"x']], quoting=csv.QUOTE_NONE, quotechar=None)
out([[""]], quoting=csv.QUOTE_NONE)
out([[None]], quoting=csv.QUOTE_NONE)
out([["", ""]], quoting=csv.QUOTE_NONE)

print("-- escapechar and doublequote")
out([['q"x', "a,b"]], doublequote=False, escapechar="\\")
out([['q"x']], doublequote=False)
out([["e\\s", "plain"]], escapechar="\\")
out([["e\\s,x"]], escapechar="\\")
out([['a"b']], escapechar="\\")
out([['a"b']], quoting=csv.QUOTE_ALL, doublequote=False, escapechar="!")

print("-- dialects")
out([["a", 1, None]], dialect="unix")
out([["a", 1, None]], dialect=csv.unix_dialect)
out([["a b", "c"]], dialect="excel", delimiter=" ")


class Semi(csv.excel):
    delimiter = ";"
    lineterminator = "\n"


out([["1;2", "3"]], dialect=Semi)
out([["1;2", "3"]], dialect=Semi())

print("-- writerows and return values")
f = io.StringIO()
w = csv.writer(f)
print(w.writerow(["abc", "de"]))
print(w.writerows([[1, 2], (3, 4), "xy", range(3), iter(["i", "t"])]))
print(w.writerows([]))
print(repr(f.getvalue()))
print(type(w).__name__, w.dialect.delimiter, repr(w.dialect.lineterminator))


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return "wrote %d" % len(s)


s = Sink()
w = csv.writer(s)
print(w.writerow(["x", "y"]), s.parts)


class Weird:
    def __str__(self):
        return "we,ird"


class BadStr:
    def __str__(self):
        raise RuntimeError("no str")


out([[Weird(), b"bytes", [1, 2], (3,)]])
try:
    csv.writer(io.StringIO()).writerow([BadStr()])
except RuntimeError as e:
    print("RuntimeError:", e)

print("-- errors")
for bad in (5, None, 2.5):
    try:
        csv.writer(io.StringIO()).writerow(bad)
    except csv.Error as e:
        print("Error:", e)
try:
    csv.writer(io.StringIO()).writerows(5)
except TypeError as e:
    print("TypeError:", e)
try:
    csv.writer(io.StringIO()).writerows([["ok"], 5])
except csv.Error as e:
    print("Error:", e)
for target in (5, object(), type("W", (), {"write": 3})()):
    try:
        csv.writer(target)
    except TypeError as e:
        print("TypeError:", e)
try:
    csv.writer()
except TypeError as e:
    print("TypeError:", e)


def gen():
    yield "a"
    raise ValueError("from generator")


try:
    csv.writer(io.StringIO()).writerow(gen())
except ValueError as e:
    print("ValueError:", e)

print("-- round trip")
rows = [["a", 'b "c"', "d,e", "f\r\ng", "", " h "], ["1", "2"], [""]]
for kw in ({}, {"quoting": csv.QUOTE_ALL}, {"delimiter": "\t"},
           {"escapechar": "\\", "doublequote": False}):
    f = io.StringIO()
    csv.writer(f, **kw).writerows(rows)
    back = list(csv.reader(io.StringIO(f.getvalue(), newline=""), **kw))
    print(kw, back == rows)
