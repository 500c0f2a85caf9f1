/*
 * runtime/modules/time.c — the time module: clocks, sleep, struct_time,
 * localtime/gmtime/mktime/strftime/asctime/ctime and the timezone data.
 *
 * Thread-safety: no mutable module state.  timezone/altzone/daylight/
 * tzname are computed once in the module init (under the import lock).
 * localtime_r/gmtime_r/mktime are reentrant.  sleep() detaches the thread
 * for the whole wait (threads/thread.h), so stop-the-world and the GIL
 * never wait for a sleeper.  It sleeps in slices of at most 50 ms; after
 * EINTR, or when its eval breaker has WFT_EB_SIGNALS_PENDING, it runs the
 * Python-level handlers (wfv_handle_signals), so Ctrl-C interrupts a sleep
 * with KeyboardInterrupt; otherwise it sleeps for the time left.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime/modules/modules.h"
#include "runtime/modules/structseq.h"
#include "runtime/vm/vm.h"
#include "threads/thread.h"
#include "weft/objects.h"

extern int wfv_handle_signals(void) __attribute__((weak));

static double ts_to_double(const struct timespec *ts) {
    return (double)ts->tv_sec + (double)ts->tv_nsec * 1e-9;
}
static wf_object *clock_float(clockid_t id) {
    struct timespec ts;
    if (clock_gettime(id, &ts) < 0) return wf_err_format(&wf_exc_OSError, "clock_gettime failed");
    return wf_float_from_double(ts_to_double(&ts));
}
static wf_object *clock_ns(clockid_t id) {
    struct timespec ts;
    if (clock_gettime(id, &ts) < 0) return wf_err_format(&wf_exc_OSError, "clock_gettime failed");
    return wf_int_from_i64((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}

#define CLOCK_FUNCS(pyname, id)                                                    \
    static wf_object *t_##pyname(wf_object *m, wf_object *u) {                     \
        (void)m;                                                                   \
        (void)u;                                                                   \
        return clock_float(id);                                                    \
    }                                                                              \
    static wf_object *t_##pyname##_ns(wf_object *m, wf_object *u) {                \
        (void)m;                                                                   \
        (void)u;                                                                   \
        return clock_ns(id);                                                       \
    }
CLOCK_FUNCS(time, CLOCK_REALTIME)
CLOCK_FUNCS(monotonic, CLOCK_MONOTONIC)
CLOCK_FUNCS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FUNCS(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FUNCS(thread_time, CLOCK_THREAD_CPUTIME_ID)

static wf_object *t_sleep(wf_object *m, wf_object *arg) {
    (void)m;
    double secs;
    if (WF_INT_CHECK(arg)) {
        secs = wf_int_as_double(arg);
        if (secs == -1.0 && wf_err_occurred()) return NULL;
    } else if (WF_FLOAT_CHECK(arg)) {
        secs = ((wf_float *)arg)->ob_fval;
    } else {
        wf_object *f = NULL;
        if (wf_object_lookup_attr((wf_object *)WF_TYPE(arg), wf_str_intern_cstr("__float__"), &f) <= 0 &&
            !wf_index_check(arg)) {
            if (!wf_err_occurred())
                wf_err_format(&wf_exc_TypeError, "'%T' object cannot be interpreted as an integer", arg);
            return NULL;
        }
        wf_xdecref(f);
        secs = wf_float_as_double(arg);
        if (secs == -1.0 && wf_err_occurred()) return NULL;
    }
    if (isnan(secs)) {
        wf_err_set_string(&wf_exc_ValueError, "Invalid value NaN (not a number)");
        return NULL;
    }
    if (secs < 0) {
        wf_err_set_string(&wf_exc_ValueError, "sleep length must be non-negative");
        return NULL;
    }
    if (secs > 9.2e9) {
        wf_err_set_string(&wf_exc_OverflowError, "sleep length is too large");
        return NULL;
    }
    struct timespec now, deadline;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double whole = floor(secs);
    deadline.tv_sec = now.tv_sec + (time_t)whole;
    deadline.tv_nsec = now.tv_nsec + (long)((secs - whole) * 1e9);
    if (deadline.tv_nsec >= 1000000000) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000;
    }
    /* Sleep in slices of at most 50 ms: a signal delivered to another
     * thread does not interrupt this one's nanosleep, so between slices
     * the eval breaker's SIGNALS_PENDING bit is checked too. */
    wft_thread *t = wft_current();
    for (;;) {
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec > deadline.tv_sec ||
            (now.tv_sec == deadline.tv_sec && now.tv_nsec >= deadline.tv_nsec))
            break;
        struct timespec slice = now;
        slice.tv_nsec += 50000000;
        if (slice.tv_nsec >= 1000000000) {
            slice.tv_sec++;
            slice.tv_nsec -= 1000000000;
        }
        if (slice.tv_sec > deadline.tv_sec ||
            (slice.tv_sec == deadline.tv_sec && slice.tv_nsec > deadline.tv_nsec))
            slice = deadline;
        bool was = t ? wft_detach_if_attached(t) : false;
        int r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &slice, NULL);
        if (t) wft_reattach(t, was);
        if (r != 0 && r != EINTR)
            return wf_err_format(&wf_exc_OSError, "[Errno %d] %s", r, strerror(r));
        if (r == EINTR || (t && (wft_eval_breaker_get(t) & WFT_EB_SIGNALS_PENDING)))
            if (wfv_handle_signals && wfv_handle_signals() < 0) return NULL;
    }
    WF_RETURN_NONE;
}

/* --- struct_time ------------------------------------------------------------ */
#define ST_VISIBLE 9
#define ST_TOTAL 11
static const char *const st_fields[] = {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min",
                                        "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone",
                                        "tm_gmtoff"};
static wf_type struct_time_type;

static void st_dealloc(wf_object *o) { wfss_dealloc(o, ST_TOTAL); }
static wf_object *st_repr(wf_object *o) { return wfss_repr(o, "time.struct_time", st_fields); }
static wf_object *st_new(wf_type *type, wf_object *args, wf_object *kwargs) {
    (void)kwargs;
    if (!args || WF_TUPLE_SIZE(args) != 1)
        return wf_err_format(&wf_exc_TypeError, "struct_time() takes exactly 1 positional argument");
    return wfss_from_seq(type, WF_TUPLE_ITEM(args, 0), ST_VISIBLE, ST_TOTAL, "time.struct_time");
}
static wf_getset_def st_getset[] = {
    {"tm_year", wfss_get, NULL, NULL, (void *)0},  {"tm_mon", wfss_get, NULL, NULL, (void *)1},
    {"tm_mday", wfss_get, NULL, NULL, (void *)2},  {"tm_hour", wfss_get, NULL, NULL, (void *)3},
    {"tm_min", wfss_get, NULL, NULL, (void *)4},   {"tm_sec", wfss_get, NULL, NULL, (void *)5},
    {"tm_wday", wfss_get, NULL, NULL, (void *)6},  {"tm_yday", wfss_get, NULL, NULL, (void *)7},
    {"tm_isdst", wfss_get, NULL, NULL, (void *)8}, {"tm_zone", wfss_get, NULL, NULL, (void *)9},
    {"tm_gmtoff", wfss_get, NULL, NULL, (void *)10}, {NULL, NULL, NULL, NULL, NULL},
};
static wf_method_def st_methods[] = {
    {NULL, NULL, 0, NULL},
};
static wf_type struct_time_type = {
    .ob_base = WF_OBJECT_HEAD_INIT(&wf_type_type),
    .tp_name = "time.struct_time",
    .tp_basicsize = sizeof(wf_tuple),
    .tp_itemsize = sizeof(wf_object *),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = st_dealloc,
    .tp_repr = st_repr,
    .tp_base = &wf_tuple_type,
    .tp_new = st_new,
    .tp_methods = st_methods,
    .tp_getset = st_getset,
};

static wf_object *tm_to_struct(const struct tm *tm) {
    wf_object *o = wfss_new(&struct_time_type, ST_VISIBLE, ST_TOTAL);
    if (!o) return NULL;
    long vals[9] = {tm->tm_year + 1900L, tm->tm_mon + 1L, tm->tm_mday, tm->tm_hour, tm->tm_min,
                    tm->tm_sec, (tm->tm_wday + 6L) % 7, tm->tm_yday + 1L, tm->tm_isdst};
    for (int i = 0; i < 9; i++) {
        wf_object *v = wf_int_from_i64(vals[i]);
        if (!v) {
            wf_decref(o);
            return NULL;
        }
        wfss_set(o, i, v);
    }
    wf_object *zone = tm->tm_zone ? wf_str_from_cstr(tm->tm_zone) : wf_newref(wf_None);
    wf_object *off = wf_int_from_i64(tm->tm_gmtoff);
    if (!zone || !off) {
        wf_xdecref(zone);
        wf_xdecref(off);
        wf_decref(o);
        return NULL;
    }
    wfss_set(o, 9, zone);
    wfss_set(o, 10, off);
    return o;
}

/* A time_t from an optional seconds argument (None = now). */
static int arg_time_t(wf_object *arg, time_t *out) {
    if (!arg || arg == wf_None) {
        *out = time(NULL);
        return 0;
    }
    if (WF_FLOAT_CHECK(arg)) {
        double d = ((wf_float *)arg)->ob_fval;
        if (isnan(d)) {
            wf_err_set_string(&wf_exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        if (d >= 9.2e18 || d <= -9.2e18) {
            wf_err_set_string(&wf_exc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (time_t)(d < 0 ? ceil(d) : floor(d));
        return 0;
    }
    if (!wf_index_check(arg)) {
        wf_err_format(&wf_exc_TypeError, "'%T' object cannot be interpreted as an integer", arg);
        return -1;
    }
    int ov = 0;
    int64_t v = wf_int_as_i64_overflow(arg, &ov);
    if (ov) {
        wf_err_set_string(&wf_exc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    if (v == -1 && wf_err_occurred()) return -1;
    *out = (time_t)v;
    return 0;
}

static wf_object *t_localtime(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (wf_check_nargs("localtime", nargs, 0, 1) < 0) return NULL;
    time_t t;
    if (arg_time_t(nargs ? args[0] : NULL, &t) < 0) return NULL;
    struct tm tm;
    if (!localtime_r(&t, &tm)) return wf_err_format(&wf_exc_OverflowError, "timestamp out of range for platform time_t");
    return tm_to_struct(&tm);
}
static wf_object *t_gmtime(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (wf_check_nargs("gmtime", nargs, 0, 1) < 0) return NULL;
    time_t t;
    if (arg_time_t(nargs ? args[0] : NULL, &t) < 0) return NULL;
    struct tm tm;
    if (!gmtime_r(&t, &tm)) return wf_err_format(&wf_exc_OverflowError, "timestamp out of range for platform time_t");
    return tm_to_struct(&tm);
}

/* A struct tm from a struct_time or 9-tuple. */
static int struct_to_tm(wf_object *o, struct tm *tm, const char *fname) {
    if (!WF_TUPLE_CHECK(o)) {
        wf_err_format(&wf_exc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (WF_TUPLE_SIZE(o) != 9) {
        wf_err_format(&wf_exc_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    long v[9];
    for (int i = 0; i < 9; i++) {
        wf_object *x = WF_TUPLE_ITEM(o, i);
        if (!WF_INT_CHECK(x)) {
            wf_err_format(&wf_exc_TypeError, "'%T' object cannot be interpreted as an integer", x);
            return -1;
        }
        int ov = 0;
        v[i] = (long)wf_int_as_i64_overflow(x, &ov);
        if (ov) {
            wf_err_set_string(&wf_exc_OverflowError, "Python int too large to convert to C int");
            return -1;
        }
    }
    memset(tm, 0, sizeof *tm);
    tm->tm_year = (int)(v[0] - 1900);
    tm->tm_mon = (int)(v[1] - 1);
    tm->tm_mday = (int)v[2];
    tm->tm_hour = (int)v[3];
    tm->tm_min = (int)v[4];
    tm->tm_sec = (int)v[5];
    tm->tm_wday = (int)((v[6] + 1) % 7);
    tm->tm_yday = (int)(v[7] - 1);
    tm->tm_isdst = (int)v[8];
    if (WF_TYPE(o) == &struct_time_type) {
        wf_object *z = ((wf_tuple *)o)->ob_item[9];
        wf_object *g = ((wf_tuple *)o)->ob_item[10];
        if (z && WF_STR_CHECK(z)) tm->tm_zone = wf_str_utf8(z, NULL);
        if (g && WF_INT_CHECK(g)) tm->tm_gmtoff = (long)wf_int_as_ssize(g);
    }
    return 0;
}

/* strftime/asctime range checks as CPython's checktm. */
static int checktm(struct tm *tm) {
    if (tm->tm_mon == -1) tm->tm_mon = 0;
    else if (tm->tm_mon < 0 || tm->tm_mon > 11) {
        wf_err_set_string(&wf_exc_ValueError, "month out of range");
        return -1;
    }
    if (tm->tm_mday == 0) tm->tm_mday = 1;
    else if (tm->tm_mday < 0 || tm->tm_mday > 31) {
        wf_err_set_string(&wf_exc_ValueError, "day of month out of range");
        return -1;
    }
    if (tm->tm_hour < 0 || tm->tm_hour > 23) {
        wf_err_set_string(&wf_exc_ValueError, "hour out of range");
        return -1;
    }
    if (tm->tm_min < 0 || tm->tm_min > 59) {
        wf_err_set_string(&wf_exc_ValueError, "minute out of range");
        return -1;
    }
    if (tm->tm_sec < 0 || tm->tm_sec > 61) {
        wf_err_set_string(&wf_exc_ValueError, "seconds out of range");
        return -1;
    }
    if (tm->tm_wday < 0) {
        wf_err_set_string(&wf_exc_ValueError, "day of week out of range");
        return -1;
    }
    if (tm->tm_yday == -1) tm->tm_yday = 0;
    else if (tm->tm_yday < 0 || tm->tm_yday > 365) {
        wf_err_set_string(&wf_exc_ValueError, "day of year out of range");
        return -1;
    }
    return 0;
}

static int tm_from_arg_or_now(wf_object *const *args, wf_ssize_t nargs, int idx, struct tm *tm,
                              const char *fname) {
    if (nargs > idx && args[idx] != wf_None) {
        if (struct_to_tm(args[idx], tm, fname) < 0) return -1;
        return checktm(tm);
    }
    time_t t = time(NULL);
    localtime_r(&t, tm);
    return 0;
}

static wf_object *t_mktime(wf_object *m, wf_object *arg) {
    (void)m;
    struct tm tm;
    if (struct_to_tm(arg, &tm, "mktime") < 0) return NULL;
    tm.tm_wday = -1;
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1) {
        wf_err_set_string(&wf_exc_OverflowError, "mktime argument out of range");
        return NULL;
    }
    return wf_float_from_double((double)t);
}

static wf_object *t_strftime(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (wf_check_nargs("strftime", nargs, 1, 2) < 0) return NULL;
    if (!WF_STR_CHECK(args[0]))
        return wf_err_format(&wf_exc_TypeError, "strftime() argument 1 must be str, not %T", args[0]);
    struct tm tm;
    if (tm_from_arg_or_now(args, nargs, 1, &tm, "strftime") < 0) return NULL;
    wf_ssize_t flen;
    const char *fmt = wf_str_utf8(args[0], &flen);
    if (!fmt) return NULL;
    if (flen == 0) return wf_str_from_cstr("");
    size_t cap = 256 + (size_t)flen * 4;
    for (int tries = 0; tries < 12; tries++) {
        char *buf = malloc(cap);
        if (!buf) return wf_err_no_memory();
        /* A leading marker keeps "empty result" apart from "too small". */
        char *f2 = malloc((size_t)flen + 2);
        if (!f2) {
            free(buf);
            return wf_err_no_memory();
        }
        f2[0] = 'x';
        memcpy(f2 + 1, fmt, (size_t)flen + 1);
        size_t n = strftime(buf, cap, f2, &tm);
        free(f2);
        if (n > 0) {
            wf_object *r = wf_str_from_utf8(buf + 1, (wf_ssize_t)n - 1);
            free(buf);
            return r;
        }
        free(buf);
        cap *= 2;
    }
    return wf_str_from_cstr("");
}

static const char *const wday_names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const mon_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static wf_object *format_asctime(const struct tm *tm) {
    return wf_str_from_format("%s %s%3d %.2d:%.2d:%.2d %d", wday_names[tm->tm_wday % 7],
                              mon_names[tm->tm_mon % 12], tm->tm_mday, tm->tm_hour, tm->tm_min,
                              tm->tm_sec, 1900 + tm->tm_year);
}
static wf_object *t_asctime(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (wf_check_nargs("asctime", nargs, 0, 1) < 0) return NULL;
    struct tm tm;
    if (tm_from_arg_or_now(args, nargs, 0, &tm, "asctime") < 0) return NULL;
    return format_asctime(&tm);
}
static wf_object *t_ctime(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    if (wf_check_nargs("ctime", nargs, 0, 1) < 0) return NULL;
    time_t t;
    if (arg_time_t(nargs ? args[0] : NULL, &t) < 0) return NULL;
    struct tm tm;
    if (!localtime_r(&t, &tm)) return wf_err_format(&wf_exc_OverflowError, "timestamp out of range for platform time_t");
    return format_asctime(&tm);
}

static wf_object *t_strptime(wf_object *m, wf_object *const *args, wf_ssize_t nargs) {
    (void)m;
    wf_object *mod = wfv_import_module("_strptime");
    if (!mod) return NULL;
    wf_object *f = wf_object_getattr_string(mod, "_strptime_time");
    wf_decref(mod);
    if (!f) return NULL;
    wf_object *r = wf_object_vectorcall(f, args, (size_t)nargs, NULL);
    wf_decref(f);
    return r;
}


/* get_clock_info(name): types.SimpleNamespace(implementation, monotonic,
 * adjustable, resolution) as CPython reports them on Linux. */
static wf_object *t_get_clock_info(wf_object *m, wf_object *arg) {
    (void)m;
    if (!WF_STR_CHECK(arg))
        return wf_err_format(&wf_exc_TypeError, "get_clock_info() argument must be str, not %T", arg);
    static const struct {
        const char *name, *impl;
        int monotonic, adjustable;
        clockid_t id;
    } clocks[] = {
        {"time", "clock_gettime(CLOCK_REALTIME)", 0, 1, CLOCK_REALTIME},
        {"monotonic", "clock_gettime(CLOCK_MONOTONIC)", 1, 0, CLOCK_MONOTONIC},
        {"perf_counter", "clock_gettime(CLOCK_MONOTONIC)", 1, 0, CLOCK_MONOTONIC},
        {"process_time", "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", 1, 0, CLOCK_PROCESS_CPUTIME_ID},
        {"thread_time", "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", 1, 0, CLOCK_THREAD_CPUTIME_ID},
    };
    for (size_t i = 0; i < sizeof clocks / sizeof clocks[0]; i++) {
        if (!wf_str_eq_cstr(arg, clocks[i].name)) continue;
        struct timespec res;
        double r = clock_getres(clocks[i].id, &res) == 0 ? ts_to_double(&res) : 1e-9;
        wf_object *types = wfv_import_module("types");
        if (!types) return NULL;
        wf_object *ns = wf_object_getattr_string(types, "SimpleNamespace");
        wf_decref(types);
        if (!ns) return NULL;
        wf_object *impl = wf_str_from_cstr(clocks[i].impl), *res_o = wf_float_from_double(r);
        wf_object *kw = wf_tuple_pack(4, wf_str_intern_cstr("implementation"),
                                      wf_str_intern_cstr("monotonic"),
                                      wf_str_intern_cstr("adjustable"),
                                      wf_str_intern_cstr("resolution"));
        wf_object *out = NULL;
        if (impl && res_o && kw) {
            wf_object *vals[4] = {impl, wf_bool_from(clocks[i].monotonic),
                                  wf_bool_from(clocks[i].adjustable), res_o};
            out = wf_object_vectorcall(ns, vals, 0, kw);
        }
        wf_xdecref(impl);
        wf_xdecref(res_o);
        wf_xdecref(kw);
        wf_decref(ns);
        return out;
    }
    wf_err_set_string(&wf_exc_ValueError, "unknown clock");
    return NULL;
}

static wf_object *t_tzset(wf_object *m, wf_object *u) {
    (void)m;
    (void)u;
    tzset();
    WF_RETURN_NONE;
}

static wf_method_def time_functions[] = {
    {"time", (void *)t_time, WF_METH_NOARGS, NULL},
    {"time_ns", (void *)t_time_ns, WF_METH_NOARGS, NULL},
    {"monotonic", (void *)t_monotonic, WF_METH_NOARGS, NULL},
    {"monotonic_ns", (void *)t_monotonic_ns, WF_METH_NOARGS, NULL},
    {"perf_counter", (void *)t_perf_counter, WF_METH_NOARGS, NULL},
    {"perf_counter_ns", (void *)t_perf_counter_ns, WF_METH_NOARGS, NULL},
    {"process_time", (void *)t_process_time, WF_METH_NOARGS, NULL},
    {"process_time_ns", (void *)t_process_time_ns, WF_METH_NOARGS, NULL},
    {"thread_time", (void *)t_thread_time, WF_METH_NOARGS, NULL},
    {"thread_time_ns", (void *)t_thread_time_ns, WF_METH_NOARGS, NULL},
    {"sleep", (void *)t_sleep, WF_METH_O, NULL},
    {"localtime", (void *)t_localtime, WF_METH_FASTCALL, NULL},
    {"gmtime", (void *)t_gmtime, WF_METH_FASTCALL, NULL},
    {"mktime", (void *)t_mktime, WF_METH_O, NULL},
    {"strftime", (void *)t_strftime, WF_METH_FASTCALL, NULL},
    {"strptime", (void *)t_strptime, WF_METH_FASTCALL, NULL},
    {"asctime", (void *)t_asctime, WF_METH_FASTCALL, NULL},
    {"ctime", (void *)t_ctime, WF_METH_FASTCALL, NULL},
    {"tzset", (void *)t_tzset, WF_METH_NOARGS, NULL},
    {"get_clock_info", (void *)t_get_clock_info, WF_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static int add_int(wf_object *m, const char *name, int64_t v) {
    wf_object *o = wf_int_from_i64(v);
    if (!o) return -1;
    int r = wf_module_add_object(m, name, o);
    wf_decref(o);
    return r;
}

WF_MODULE_INIT(time) {
    if (wf_type_ready(&struct_time_type) < 0) return NULL;
    wf_object *m = wf_module_new("time");
    if (!m) return NULL;
    if (wf_module_add_functions(m, time_functions) < 0) goto fail;
    if (wf_module_add_object(m, "struct_time", (wf_object *)&struct_time_type) < 0) goto fail;
    /* Timezone data as CPython's init_timezone: from January and July. */
    tzset();
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    int year = tm.tm_year;
    struct tm jan = {0}, jul = {0};
    jan.tm_year = year;
    jan.tm_mday = 1;
    jan.tm_isdst = -1;
    jul = jan;
    jul.tm_mon = 6;
    time_t tjan = mktime(&jan), tjul = mktime(&jul);
    struct tm ljan, ljul;
    localtime_r(&tjan, &ljan);
    localtime_r(&tjul, &ljul);
    long janoff = -ljan.tm_gmtoff, juloff = -ljul.tm_gmtoff;
    char janname[16], julname[16];
    snprintf(janname, sizeof janname, "%s", ljan.tm_zone ? ljan.tm_zone : "UTC");
    snprintf(julname, sizeof julname, "%s", ljul.tm_zone ? ljul.tm_zone : "UTC");
    long tz, alt;
    const char *std, *dst;
    if (janoff < juloff) { /* southern hemisphere DST */
        tz = juloff;
        alt = janoff;
        std = julname;
        dst = janname;
    } else {
        tz = janoff;
        alt = juloff;
        std = janname;
        dst = julname;
    }
    if (add_int(m, "timezone", tz) < 0 || add_int(m, "altzone", alt) < 0 ||
        add_int(m, "daylight", janoff != juloff) < 0)
        goto fail;
    wf_object *a = wf_str_from_cstr(std), *b = wf_str_from_cstr(dst);
    wf_object *names = a && b ? wf_tuple_pack(2, a, b) : NULL;
    wf_xdecref(a);
    wf_xdecref(b);
    if (!names || wf_module_add_object(m, "tzname", names) < 0) {
        wf_xdecref(names);
        goto fail;
    }
    wf_decref(names);
    if (add_int(m, "CLOCK_REALTIME", CLOCK_REALTIME) < 0 ||
        add_int(m, "CLOCK_MONOTONIC", CLOCK_MONOTONIC) < 0 ||
        add_int(m, "CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID) < 0 ||
        add_int(m, "CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID) < 0)
        goto fail;
    return m;
fail:
    wf_decref(m);
    return NULL;
}
