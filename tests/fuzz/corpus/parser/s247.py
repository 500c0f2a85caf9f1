lambda x=yield: 1
