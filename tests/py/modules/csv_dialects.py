# csv dialects: the registry, Dialect classes, _csv.Dialect validation.
import csv
import io


def attempt(label, fn):
    try:
        result = fn()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", result)


def settings(d):
    return (d.delimiter, d.quotechar, d.escapechar, d.doublequote,
            d.skipinitialspace, d.lineterminator, d.quoting, d.strict)


print(csv.__version__, csv.QUOTE_MINIMAL, csv.QUOTE_ALL,
      csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE)
print(sorted(csv.__all__))
print(sorted(csv.list_dialects()))
for name in ("excel", "excel-tab", "unix"):
    d = csv.get_dialect(name)
    print(name, type(d).__module__, type(d).__name__, settings(d))
print(csv.get_dialect("excel") is csv.get_dialect("excel"))

print("-- register / unregister")
csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_ALL)
print(settings(csv.get_dialect("pipes")))
print(list(csv.reader(['"a"|b|"c|d"'], "pipes")))
f = io.StringIO()
csv.writer(f, "pipes").writerow(["x", 1])
print(repr(f.getvalue()))
csv.register_dialect("pipes2", "pipes", quotechar="'")
print(settings(csv.get_dialect("pipes2")))
csv.register_dialect("tabby", csv.excel_tab)
print(settings(csv.get_dialect("tabby")))
csv.register_dialect("pipes", delimiter="!")
print(settings(csv.get_dialect("pipes")))
print(sorted(csv.list_dialects()))
csv.unregister_dialect("pipes")
csv.unregister_dialect("pipes2")
csv.unregister_dialect("tabby")
print(sorted(csv.list_dialects()))
attempt("get missing", lambda: csv.get_dialect("pipes"))
attempt("unregister missing", lambda: csv.unregister_dialect("pipes"))
attempt("reader missing", lambda: csv.reader([], "pipes"))
attempt("writer missing", lambda: csv.writer(io.StringIO(), "nope"))
attempt("register int name", lambda: csv.register_dialect(1))
attempt("register 3 args", lambda: csv.register_dialect("a", "excel", 3))
attempt("register no args", lambda: csv.register_dialect())
attempt("register bad", lambda: csv.register_dialect("bad", delimiter=""))
print("bad" in csv.list_dialects())
attempt("get_dialect non-str", lambda: csv.get_dialect(5))
attempt("is Error an Exception", lambda: issubclass(csv.Error, Exception))
attempt("Error module", lambda: (csv.Error.__module__, csv.Error.__name__))

print("-- validation")
cases = [
    dict(delimiter=None), dict(delimiter=1), dict(delimiter=""),
    dict(delimiter="ab"), dict(quotechar=1), dict(quotechar="ab"),
    dict(quotechar=""), dict(quotechar=None),
    dict(quotechar=None, quoting=csv.QUOTE_MINIMAL),
    dict(quotechar=None, quoting=csv.QUOTE_NONE),
    dict(escapechar=1), dict(escapechar="ab"), dict(escapechar=None),
    dict(lineterminator=None), dict(lineterminator=1),
    dict(lineterminator=""), dict(lineterminator="END"),
    dict(quoting=None), dict(quoting=4), dict(quoting=-1),
    dict(quoting=True), dict(quoting=1.0), dict(quoting=2 ** 40),
    dict(doublequote=0), dict(skipinitialspace="yes"), dict(strict=[]),
    dict(bogus=1), dict(delimiter=" ", skipinitialspace=True),
    dict(delimiter=",", quotechar=","), dict(escapechar=","),
    dict(delimiter="\n"), dict(delimiter="\0"),
]
for kw in cases:
    attempt("reader %r" % (kw,), lambda: settings(csv.reader([], **kw).dialect))
attempt("writer bad", lambda: csv.writer(io.StringIO(), delimiter=5))

print("-- Dialect classes")


class Empty(csv.Dialect):
    pass


class OnlyDelim(csv.Dialect):
    delimiter = ";"


class Good(csv.Dialect):
    delimiter = ";"
    quotechar = "'"
    doublequote = False
    escapechar = "\\"
    skipinitialspace = True
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL


class BadQuoting(csv.excel):
    quoting = 9


class NoQuote(csv.excel):
    quotechar = None


class NoQuoteNone(csv.excel):
    quotechar = None
    quoting = csv.QUOTE_NONE


for cls in (csv.Dialect, Empty, OnlyDelim, BadQuoting, NoQuote):
    attempt(cls.__name__, lambda: cls())
g = Good()
print(g._valid, csv.Dialect._valid, csv.excel._name, g.delimiter)
print(settings(csv.reader([], Good).dialect))
print(settings(csv.reader([], g).dialect))
print(settings(csv.reader([], NoQuoteNone).dialect))
print(list(csv.reader(["'a;b';  c\\;d"], Good)))
attempt("reader Empty", lambda: csv.reader([], Empty))
attempt("reader NoQuote", lambda: csv.reader([], NoQuote))


class Duck:
    delimiter = ":"
    lineterminator = "\n"


print(settings(csv.reader([], Duck()).dialect))
print(settings(csv.reader([], Duck(), delimiter="#").dialect))
print(settings(csv.reader([], csv.excel, quoting=csv.QUOTE_NONE).dialect))

print("-- _csv.Dialect objects")
d = csv.get_dialect("excel")
attempt("set delimiter", lambda: setattr(d, "delimiter", ";"))
attempt("set quoting", lambda: setattr(d, "quoting", 1))
attempt("set other", lambda: setattr(d, "other", 1))
attempt("get other", lambda: d.other)
r = csv.reader([], d)
print(r.dialect is d, csv.writer(io.StringIO(), d).dialect is d)
r2 = csv.reader([], d, delimiter=";")
print(r2.dialect is d, r2.dialect.delimiter, d.delimiter)
print(type(csv.reader([])).__name__, type(csv.writer(io.StringIO())).__name__)
attempt("reader.dialect set", lambda: setattr(r, "dialect", d))
print(csv.excel.delimiter, csv.excel_tab.delimiter == "\t",
      csv.unix_dialect.quoting, csv.unix_dialect.lineterminator == "\n")
print(issubclass(csv.excel_tab, csv.excel), issubclass(csv.excel, csv.Dialect))
