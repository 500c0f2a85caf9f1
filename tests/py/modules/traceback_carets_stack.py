# traceback positions: extract_tb's FrameSummary fields, StackSummary.format,
# print_tb, TracebackException; stacks (print_stack, extract_stack) and
# summaries without columns print no markers, as CPython 3.11.
import sys
import traceback


def fail():
    items = []
    return items[0] + 1


def outer():
    return fail()


try:
    outer()
except IndexError as exc:
    tb = exc.__traceback__
    summary = traceback.extract_tb(tb)
    for frame in summary:
        print(frame.name, frame.lineno, frame.end_lineno, frame.colno,
              frame.end_colno, repr(frame.line))
    print(''.join(summary.format()), end='')
    print(''.join(traceback.format_list(summary)), end='')
    print('--- print_tb')
    traceback.print_tb(tb, file=sys.stdout)
    print('--- print_tb limit=1')
    traceback.print_tb(tb, limit=1, file=sys.stdout)
    print('--- TracebackException')
    te = traceback.TracebackException.from_exception(exc)
    print(''.join(te.format()), end='')
    print('--- StackSummary.extract(walk_tb): no columns')
    plain = traceback.StackSummary.extract(traceback.walk_tb(tb))
    print([f.colno for f in plain])
    print(''.join(plain.format()), end='')

print('--- from_list')
made = traceback.StackSummary.from_list([
    traceback.FrameSummary('made_up.py', 3, 'f', line='total = a + b',
                           end_lineno=3, colno=8, end_colno=13),
    traceback.FrameSummary('made_up.py', 4, 'g', line='x = d[k]',
                           end_lineno=4, colno=4, end_colno=8),
    traceback.FrameSummary('made_up.py', 5, 'h', line='call()',
                           end_lineno=5, colno=0, end_colno=6),
    ('made_up.py', 6, 'i', 'plain tuple'),
])
print(''.join(made.format()), end='')


def stack_here():
    traceback.print_stack(file=sys.stdout)
    print(''.join(traceback.format_stack()), end='')
    print([(f.name, f.colno) for f in traceback.extract_stack()])


def caller():
    return stack_here() or None


print('--- print_stack')
caller()


def recurse(n):
    return recurse(n - 1) if n else 1 + None


print('--- recursion cutoff')
try:
    recurse(8)
except TypeError as exc:
    print(''.join(traceback.format_exception(exc)), end='')
