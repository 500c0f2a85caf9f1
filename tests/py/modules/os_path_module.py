import os.path as p
print(p.join("a", "b", "c.txt"), p.join("/abs", "x"), p.join("a", "/root"), p.basename("/x/y/z.py"), p.dirname("/x/y/z.py"))
print(p.split("/x/y/z"), p.splitext("archive.tar.gz"), p.splitext(".bashrc"), p.normpath("a//b/../c/./d"), p.isabs("/x"), p.isabs("x"))
print(p.commonprefix(["/usr/lib", "/usr/local"]), p.relpath("/a/b/c", "/a"), p.expanduser("~x"), p.sep if hasattr(p, "sep") else "/")
