#!/usr/bin/env python3
"""Generate tests/unit/objects_expected.txt: what CPython gives for each
expression that tests/unit/test_objects.c evaluates through Weft's C API.

Each line is `id<TAB>result`, where result is repr(value), or
`ExceptionName: message` when the expression raises.  The ids and the
expressions must match the CASE table of test_objects.c (the test fails
on an id with no expected line).  Run with python3 (3.11+):

    python3 tools/gen_objects_expected.py > tests/unit/objects_expected.txt
"""
import types
import warnings

CASES = [
    # str construction, repr, length, indexing by code point
    ("str_repr_ascii", "repr('abc')"),
    ("str_repr_quotes", "repr('a\\'b\"c')"),
    ("str_repr_escapes", "repr('t\\tn\\nnul\\x00del\\x7f')"),
    ("str_repr_unicode", "repr('h\\xe9llo \\u20ac \\U0001f600 \\u2028')"),
    ("str_len_ucs2", "len('h\\u20acllo')"),
    ("str_len_ucs4", "len('a\\U0001f600b')"),
    ("str_index", "'h\\xe9llo'[1]"),
    ("str_index_neg", "'h\\u20acllo'[-4]"),
    ("str_index_error", "'abc'[5]"),
    ("str_index_type", "'abc'['x']"),
    ("str_slice", "'abcdef'[1:5:2]"),
    ("str_slice_rev", "'ab\\u20acd'[::-1]"),
    ("str_slice_tail", "'h\\xe9llo'[-3:]"),
    ("str_slice_narrow", "'\\u20acabc'[1:]"),
    # operators
    ("str_concat", "'ab' + 'cd'"),
    ("str_concat_mixed", "'ab' + '\\u20ac'"),
    ("str_concat_int", "'ab' + 1"),
    ("int_plus_str", "1 + 'ab'"),
    ("str_repeat", "'ab' * 3"),
    ("str_repeat_left", "3 * 'ab'"),
    ("str_repeat_neg", "'ab' * -1"),
    ("str_repeat_float", "'ab' * 1.5"),
    ("str_lt", "'abc' < 'abd'"),
    ("str_lt_prefix", "'ab' < 'abc'"),
    ("str_lt_wide", "'z' < '\\xe9'"),
    ("str_gt_ucs4", "'\\U0001f600' > '\\u20ac'"),
    ("str_eq", "'abc' == 'ab' + 'c'"),
    ("str_ne_int", "'1' != 1"),
    ("str_lt_int", "'a' < 1"),
    ("str_hash_eq", "hash('abc') == hash('ab' + 'c')"),
    ("str_contains", "'\\xe9' in 'caf\\xe9'"),
    ("str_contains_not", "'x' in 'abc'"),
    ("str_contains_empty", "'' in 'abc'"),
    ("str_contains_int", "1 in 'abc'"),
    ("str_bool_empty", "bool('')"),
    # methods
    ("split_sep", "'a,b,,c'.split(',')"),
    ("split_ws", "'  a  b\\tc \\n'.split()"),
    ("split_max", "'a b c'.split(None, 1)"),
    ("split_kw", "'a-b-c'.split(sep='-', maxsplit=1)"),
    ("rsplit_ws", "' a b c '.rsplit(None, 1)"),
    ("rsplit_sep", "'a,b,c'.rsplit(',', 1)"),
    ("split_empty_sep", "'abc'.split('')"),
    ("split_unicode", "'x\\u20acy\\u20acz'.split('\\u20ac')"),
    ("join", "','.join(('a', 'b', 'c'))"),
    ("join_one", "','.join(('a',))"),
    ("join_empty", "','.join(())"),
    ("join_wide", "'\\u20ac'.join(('a', 'b'))"),
    ("join_bad", "','.join(('a', 1))"),
    ("find", "'hello'.find('l')"),
    ("rfind", "'hello'.rfind('l')"),
    ("find_missing", "'hello'.find('z')"),
    ("find_start", "'hello'.find('l', 3)"),
    ("find_neg_start", "'hello'.find('l', -2)"),
    ("find_empty_end", "'hello'.find('', 10)"),
    ("index_missing", "'hello'.index('z')"),
    ("rindex", "'hello'.rindex('l')"),
    ("count", "'hello'.count('l')"),
    ("count_empty", "'abc'.count('')"),
    ("replace", "'aaa'.replace('a', 'bb')"),
    ("replace_count", "'aaa'.replace('a', 'b', 2)"),
    ("replace_empty", "'abc'.replace('', '-')"),
    ("replace_narrow", "'a\\u20acb'.replace('\\u20ac', 'e')"),
    ("replace_missing", "'abc'.replace('x', 'y')"),
    ("startswith", "'hello'.startswith('he')"),
    ("startswith_tuple", "'hello'.startswith(('x', 'hel'))"),
    ("startswith_start", "'hello'.startswith('ll', 2)"),
    ("endswith", "'hello'.endswith('lo')"),
    ("endswith_end", "'hello'.endswith('l', 0, 4)"),
    ("startswith_bad", "'hello'.startswith(1)"),
    ("strip", "'  hi \\n'.strip()"),
    ("lstrip", "'  hi  '.lstrip()"),
    ("rstrip_chars", "'xxhixx'.rstrip('x')"),
    ("strip_chars", "'abhiba'.strip('ab')"),
    ("strip_unicode_space", "'\\u3000hi\\xa0'.strip()"),
    ("upper", "'Hello, World'.upper()"),
    ("lower", "'Hello, World'.lower()"),
    ("isspace", "' \\t\\n'.isspace()"),
    ("isdigit", "'123'.isdigit()"),
    ("isalpha_no", "'ab1'.isalpha()"),
    ("isidentifier", "'_ab1'.isidentifier()"),
    ("isidentifier_no", "'1ab'.isidentifier()"),
    ("str_of_str", "str('abc')"),
    ("str_getattr_missing", "'a'.nonexistent"),
    ("str_class", "'a'.__class__"),
    ("list_of_str", "list('h\\xe9y')"),
    ("tuple_of_str", "tuple('ab')"),
    # abstract protocol over int/float/bool/None
    ("int_add", "2 + 3"),
    ("int_big", "2 ** 100"),
    ("int_big_mul", "(2 ** 64) * (2 ** 64) - 1"),
    ("int_floordiv_neg", "7 // -2"),
    ("int_mod_neg", "-7 % 3"),
    ("int_truediv", "1 / 3"),
    ("int_div_zero", "1 / 0"),
    ("int_divmod", "divmod(7, -2)"),
    ("int_lshift", "1 << 70"),
    ("int_and", "12 & 10"),
    ("int_neg", "-(-5)"),
    ("int_invert", "~5"),
    ("int_abs", "abs(-3)"),
    ("float_add", "0.1 + 0.2"),
    ("float_mixed", "1 + 2.5"),
    ("float_pow", "2.0 ** 0.5"),
    ("float_floordiv", "7.5 // 2"),
    ("int_float_eq", "3 == 3.0"),
    ("int_float_lt", "1 < 2.5"),
    ("hash_int_float", "hash(3) == hash(3.0)"),
    ("bool_add", "True + True"),
    ("bool_and", "True & False"),
    ("none_add", "None + 1"),
    ("neg_str", "-'a'"),
    ("int_from_str", "int('  42 ')"),
    ("int_from_bad_str", "int('4x')"),
    ("int_from_float", "int(3.9)"),
    ("int_from_bool", "int(True)"),
    ("float_from_int", "float(7)"),
    ("float_from_str", "float('1.5')"),
    ("isinstance_bool_int", "isinstance(True, int)"),
    ("isinstance_tuple", "isinstance('a', (int, str))"),
    ("isinstance_no", "isinstance(1.5, int)"),
    ("issubclass_bool", "issubclass(bool, int)"),
    ("issubclass_bad", "issubclass(1, int)"),
    ("repr_none", "repr(None)"),
    ("repr_true", "repr(True)"),
    ("repr_big", "repr(2 ** 64)"),
    ("repr_float", "repr(1e22)"),
    ("str_float", "str(1.5)"),
    ("ascii_unicode", "ascii('\\xe9\\u20ac\\U0001f600')"),
    ("format_int", "format(42, '')"),
    ("format_str", "format('abc', '')"),
    ("truth_zero", "bool(0)"),
    ("truth_str", "bool('x')"),
    ("len_int", "len(5)"),
    ("subscript_int", "5[0]"),
    ("call_int_obj", "(5)()"),
    ("iter_int", "iter(5)"),
    ("hash_list_type_err", "hash(None) == hash(None)"),
    ("getattr_name_type", "getattr('a', 1)"),
    ("lt_unsupported", "None < 1"),
    ("eq_identity_fallback", "None == None"),
    ("ne_mixed", "None != 0"),
    ("method_call", "getattr('abc', 'upper')()"),
    # modules
    ("module_repr", "types.ModuleType('m')"),
    ("module_name", "types.ModuleType('m').__name__"),
    ("module_doc", "types.ModuleType('m').__doc__"),
    ("module_missing", "types.ModuleType('m').x"),
]


def main():
    warnings.simplefilter("ignore")  # eval of deliberately bad expressions
    env = {"types": types}
    for cid, expr in CASES:
        try:
            value = eval(expr, env)
            out = repr(value)
        except Exception as e:  # noqa: BLE001 - the exception is the result
            out = f"{type(e).__name__}: {e}"
        assert "\t" not in out and "\n" not in out, cid
        print(f"{cid}\t{out}")


if __name__ == "__main__":
    main()
