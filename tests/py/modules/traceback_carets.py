# traceback's 3.11 position markers: '^' under the failing range, '~'/'^'
# for binary operations and subscripts, none when the range is the whole
# line, multi-line ranges marked to the end of their first line.
import sys
import traceback


def attribute():
    value = 12
    return value.missing_attribute


def binary():
    return 1 + None


def binary_parens():
    left = 2
    return (left) ** (None)


def division():
    a, b = 1, 0
    return a * 3 / b


def subscript():
    table = {'row': [1, 2]}
    return table['row'][7]


def call():
    handler = None
    return handler(1, key=2)


def multi_line():
    return (10 +
            None)


def multi_line_call():
    return int(
        'not a number')


def whole_line():
    raise ValueError('the whole line')


def nested():
    return binary()


def chained():
    try:
        subscript()
    except IndexError as exc:
        raise RuntimeError('wrapped') from exc


def in_handler():
    try:
        attribute()
    except AttributeError:
        call()


def show(func):
    try:
        func()
    except Exception as exc:
        print(f'--- {func.__name__}: format_exception')
        print(''.join(traceback.format_exception(exc)), end='')
        print(f'--- {func.__name__}: format_tb')
        print(''.join(traceback.format_tb(exc.__traceback__)), end='')


for func in (attribute, binary, binary_parens, division, subscript, call,
             multi_line, multi_line_call, whole_line, nested, chained,
             in_handler):
    show(func)

print('--- print_exc')
sys.stdout.flush()
try:
    [1, 2, 3][10]
except IndexError:
    traceback.print_exc(file=sys.stdout)

print('--- format_exc')
try:
    {}['key'] + 1
except KeyError:
    print(traceback.format_exc(), end='')

print('--- print_exception with limit')
try:
    nested()
except TypeError as exc:
    traceback.print_exception(exc, limit=-1, file=sys.stdout)
