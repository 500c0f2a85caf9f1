x = lambda: lambda: lambda: lambda: 1
