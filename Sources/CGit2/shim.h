#ifndef SHIPSHAPE_CGIT2_SHIM_H
#define SHIPSHAPE_CGIT2_SHIM_H
#include <git2.h>
#endif
