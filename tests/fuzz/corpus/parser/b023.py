# vim: set fileencoding=ascii :
x = "é"
