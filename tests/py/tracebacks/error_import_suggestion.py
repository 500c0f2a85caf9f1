import collections
collections.OrderDict()
