'single' "double" """triple""" \'\'\'tri\'\'\'
