x = u'\u00e9'
