x = '\n\t\r\\\'\"\a\b\f\v'
