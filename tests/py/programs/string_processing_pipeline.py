records = """\
id,name,dept,salary
1,Ann,eng,120000
2,Bob,ops,85000
3,Cid,eng,99000
4,Dee,sales,70000
5,Eve,eng,150000"""
import csv, io
rows = list(csv.DictReader(io.StringIO(records)))
by_dept = {}
for r in rows:
    by_dept.setdefault(r["dept"], []).append(int(r["salary"]))
for dept, sal in sorted(by_dept.items()):
    print(f"{dept:<6}{len(sal):>3}{sum(sal) / len(sal):>12,.1f}{max(sal):>9}")
out = io.StringIO()
w = csv.writer(out)
w.writerow(["x", "y, z", 'q"uote'])
print(repr(out.getvalue()))
