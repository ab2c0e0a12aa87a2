#ifndef BIOSTORE_CLIBGIT2_SHIM_H
#define BIOSTORE_CLIBGIT2_SHIM_H

#include <git2.h>
#include <git2/sys/odb_backend.h>
#include <git2/sys/mempack.h>

/* git_libgit2_opts is variadic, which Swift cannot call: one wrapper per option we use. */
static inline int biostore_git_set_search_path(git_config_level_t level, const char *path) {
  return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path);
}

static inline int biostore_git_set_cache_max_size(ssize_t bytes) {
  return git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, bytes);
}

static inline int biostore_git_set_strict_hash_verification(int enabled) {
  return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

static inline int biostore_git_set_ssl_cert_locations(const char *file, const char *path) {
  return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, path);
}

/* The function pointers of git_odb_writepack, called through C so Swift need not spell the struct. */
static inline int biostore_git_writepack_append(git_odb_writepack *pack, const void *data, size_t size,
                                                git_indexer_progress *stats) {
  return pack->append(pack, data, size, stats);
}

static inline int biostore_git_writepack_commit(git_odb_writepack *pack, git_indexer_progress *stats) {
  return pack->commit(pack, stats);
}

static inline void biostore_git_writepack_free(git_odb_writepack *pack) {
  pack->free(pack);
}

#endif
