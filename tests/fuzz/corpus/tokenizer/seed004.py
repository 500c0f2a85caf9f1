a = b'x' rb'\d' Rb'y' bR'z' f'{x!r:>{w}}' rf'{a}' FR'x' u'u'
