/*
 * runtime/objects/format.h — the format-spec mini-language and printf-style
 * str formatting (format.c), shared with int.c, float.c and str.c which
 * install these as int/float/str.__format__ and str.__mod__.
 */
#ifndef WEFT_OBJECTS_FORMAT_H
#define WEFT_OBJECTS_FORMAT_H

#include "weft/objects.h"

/* type.__format__(self, spec) for int, float and str (WF_METH_O). */
wf_object *wfo_int_format(wf_object *self, wf_object *spec);
wf_object *wfo_float_format(wf_object *self, wf_object *spec);
wf_object *wfo_str_format(wf_object *self, wf_object *spec);
wf_object *wfo_complex_format(wf_object *self, wf_object *spec);

/* fmt % args (str.__mod__): NotImplemented when fmt is not a str. */
wf_object *wfo_str_mod(wf_object *fmt, wf_object *args);

#endif
