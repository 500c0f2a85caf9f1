e = TypeError("bad type")
e.add_note("while processing item 3")
e.add_note("check the input file")
raise e
