class Node:
    def depth(self):
        return self.depth() + 1
Node().depth()
