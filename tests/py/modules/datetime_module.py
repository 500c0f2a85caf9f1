import datetime as dt
d = dt.date(2024, 2, 28)
print(d, d + dt.timedelta(days=2), d.weekday(), d.isoformat(), d.strftime("%d/%m/%Y"), d.replace(year=2023))
t = dt.datetime(2020, 1, 1, 12, 30, 15)
print(t, t.isoformat(), t - dt.datetime(2019, 12, 31), repr(dt.timedelta(hours=25)), t.timestamp() if t.tzinfo else "naive")
print(dt.date.fromisoformat("2021-03-04"), (dt.date(2024, 3, 1) - dt.date(2024, 2, 1)).days, dt.timedelta(seconds=3661))
