import time
t = time.gmtime(1700000000)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst)
print(time.strftime("%Y-%m-%dT%H:%M:%SZ %a %b %j %%", t), time.asctime(t))
print(time.struct_time((2020, 1, 2, 3, 4, 5, 3, 2, 0)).tm_mday, tuple(time.gmtime(0))[:3], time.calendar if hasattr(time, "calendar") else "ok")
print(type(time.monotonic_ns()).__name__, time.perf_counter_ns() > 0, isinstance(time.process_time(), float))
