import statistics as st
d = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(d), st.median(d), st.mode(d), st.pstdev(d), st.stdev(d), st.variance(d), st.median_low([1, 2, 3, 4]), st.median_high([1, 2, 3, 4]))
print(st.mean([1.5, 2.5]), st.fmean([1, 2]), st.multimode("aabbc"), st.harmonic_mean([1, 2, 4]), st.quantiles(range(1, 11), n=4))
try:
    st.mean([])
except st.StatisticsError as e:
    print(e)
