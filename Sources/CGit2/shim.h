#ifndef SHIPSHAPE_CGIT2_SHIM_H
#define SHIPSHAPE_CGIT2_SHIM_H
#include <git2.h>

/* git_libgit2_opts is variadic, which Swift cannot call; these wrappers expose the
 * few options GitStore sets, each with its fixed argument list. */

/** Replaces the CA certificates libgit2's TLS stream trusts (process-wide). */
static inline int shipshape_git_set_ssl_cert_locations(const char *file, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, path);
}

/** Turns repository ownership validation on or off (process-wide). */
static inline int shipshape_git_set_owner_validation(int enabled) {
    return git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, enabled);
}

/** Sets the search path for global/system/xdg configuration (process-wide). */
static inline int shipshape_git_set_search_path(int level, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path);
}

#endif
