class Q:
    def filter(self):
        return self
    def first(self):
        return None
q = Q()
name = q.filter().filter().first().name
