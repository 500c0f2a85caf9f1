# csv.reader: the parser state machine, dialect options and its errors.
import csv
import io


def show(lines, **kw):
    r = csv.reader(lines, **kw)
    try:
        for row in r:
            print(r.line_num, [f if len(str(f)) < 40 else "<%d chars>" % len(f)
                               for f in row])
    except csv.Error as e:
        print(r.line_num, "Error:", e)
    except ValueError as e:
        print(r.line_num, "ValueError:", e)


print("-- basics")
show(["a,b,c\r\n", "1,2,3\n", "x,y\r", "\n", "", "last"])
show(['"quoted, comma",plain,"with ""doubled"" quotes"\r\n'])
show(['a,,b,\n', ',\n', '""\n', '"",""\n'])
show(["a,b"], delimiter=";")
show(["a;b;c", "'x;y';z"], delimiter=";", quotechar="'")

print("-- embedded newlines")
data = 'id,text\r\n1,"line one\r\nline two"\r\n2,"a\nb\rc"\r\n3,end\r\n'
show(io.StringIO(data, newline=""))
show(['1,"open\n', 'still open\n', 'closed",2\n', '3,4\n'])
show(["a,b\nc,d\n"])
show(["a\rb\n"])
show(["a,b\r\n\r\n"])

print("-- escapechar")
show(["a\\,b,c\\\\d,\"q\\\"x\"\n"], escapechar="\\")
show(["a\\\n", "b,c\n"], escapechar="\\")
show(["tail\\"], escapechar="\\")
show(['"x\\', 'y"'], escapechar="\\")
show(["a\\\nb\n", "c\n"], escapechar="\\")
show(['"a\\"b"'], escapechar="\\", doublequote=False)

print("-- doublequote off")
show(['"a""b",c'], doublequote=False)
show(['"a"b,c'], doublequote=False)

print("-- skipinitialspace")
show(['a,  b, "c, d",   '], skipinitialspace=True)
show(['a,  b, "c, d"'])
show(["a  b   c"], delimiter=" ", skipinitialspace=True)
show(["a  b   c"], delimiter=" ")

print("-- quoting")
show(['1,2.5,"3",x'], quoting=csv.QUOTE_NONNUMERIC)
show(['1,,-4e3, 7 ,"8"'], quoting=csv.QUOTE_NONNUMERIC)
show(['1,"two",three'], quoting=csv.QUOTE_NONNUMERIC)
show(['"a","b,c"'], quoting=csv.QUOTE_NONE)
show(['"a","b,c"'], quotechar=None)
show(["'a','b'"], quoting=csv.QUOTE_ALL, quotechar="'")

print("-- strict")
show(['"a"b,c'], strict=True)
show(['"a"b,c'])
show(['a;"b"x'], delimiter=";", strict=True)
show(['a,"unterminated'], strict=True)
show(['a,"unterminated'])
show(['a,"multi\n', 'line'], strict=True)
show(["a,b", "c,'d"], quotechar="'", strict=True)

print("-- end of data")
show(['"'])
show(['a,"'])
show(['a,'])
show([','])
show([''])
show(['x\\'], escapechar='\\')

print("-- NUL characters")
show(["a\0b,c\0\n", "\0\n", '"\0"'])
show(["x\0y"], escapechar="\0")

print("-- errors")
show([b"a,b\n"])
show(["ok\n", 3])
show(["a\rb,c"])
show(["a,b\r\nc\n"])
show(['"a"\rb'])
try:
    csv.reader(5)
except TypeError as e:
    print("TypeError:", e)
for args in [(), ([], "excel", 1)]:
    try:
        csv.reader(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    csv.reader([], "no-such-dialect")
except csv.Error as e:
    print("Error:", e)

print("-- field size limit")
print(csv.field_size_limit())
old = csv.field_size_limit(5)
print(old, csv.field_size_limit())
show(["12345,123456"])
show(['"12345","123456"'])
show(["abcdef"], escapechar="\\")
show(["1\\2345", "6"], escapechar="\\")
csv.field_size_limit(0)
show(["", "a"])
print(csv.field_size_limit(new_limit=old))
show(["x" * 131072])
show(["y" * 131073 + ",z"])
show(['"' + "z" * 131073 + '"'])
for bad in (1.5, "10", True, None):
    try:
        csv.field_size_limit(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    csv.field_size_limit(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(csv.field_size_limit())

print("-- line_num and reader attributes")
r = csv.reader(io.StringIO('a,"b\nc"\nd\n\ne\n'))
print(r.line_num, [(row, r.line_num) for row in r], r.line_num)
print(type(r).__name__, type(r.dialect).__name__)
print(iter(r) is r)
try:
    r.line_num = 7
except AttributeError as e:
    print("AttributeError:", e)
r = csv.reader(["a|b"], delimiter="|")
print(r.dialect.delimiter, next(r))
try:
    next(r)
except StopIteration:
    print("StopIteration")


class Text(str):
    pass


show([Text("sub,class"), Text('"q",r')])
show((line for line in ["gen,1", "gen,2"]))
