import os.path as p
print(p.normpath("/a/./b/../../c/"), p.normpath(""), p.normpath("//a"), p.normpath("a/b/.."), p.join("", "x"), p.join("a", ""))
print(p.splitext("a.b/c"), p.splitext("x."), p.splitext("..hidden"), p.basename("a/b/"), p.dirname("a"), p.split("/"))
print(p.commonpath(["/usr/lib/x", "/usr/local"]), p.relpath("a/b", "a/c"), p.isabs(""), p.normcase("AbC"))
