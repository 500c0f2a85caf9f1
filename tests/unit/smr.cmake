# Safe memory reclamation: test_smr runs against the configured
# implementation, test_smr_xcheck against the other one (QSBR / ck_epoch).
weft_unit_test(test_smr unit/test_smr.c XCHECK)
target_compile_definitions(test_smr_xcheck PRIVATE WTEST_XCHECK=1)
