x = await y ** 2
