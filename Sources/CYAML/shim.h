#ifndef SHIPSHAPE_CYAML_SHIM_H
#define SHIPSHAPE_CYAML_SHIM_H
#include <yaml.h>
#endif
