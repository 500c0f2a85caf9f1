# traceback markers after non-ASCII text: columns are UTF-8 byte offsets
# turned into characters, and East Asian wide characters take two columns.
import sys
import traceback


def accented():
    café = 'crème'; return café + 1


def wide():
    名前 = '日本語'; return 名前[10]


def emoji():
    s = '🐍🐍'; t = None; return s + t


def after_string():
    return 'ÿ' * 2 + None


def tabs():
	value = None
	return value.attribute


for func in (accented, wide, emoji, after_string, tabs):
    try:
        func()
    except Exception as exc:
        print(''.join(traceback.format_exception(exc)), end='')
sys.stdout.flush()
