def f(): yield
