#include <pg_query.h>
#include <pthread.h>
#include <stddef.h>

// glibc declares this only under _GNU_SOURCE, which a Swift module map cannot set for its Glibc import.
extern int pthread_getattr_np(pthread_t thread, pthread_attr_t *attr);

/// The lowest address and the size of the calling thread's stack; 0 on success.
/// Cached per thread: for the main thread glibc finds the stack by reading /proc/self/maps.
static inline int shardplan_current_stack(void **lowest, size_t *size) {
    static __thread void *cached_lowest = 0;
    static __thread size_t cached_size = 0;
    if (cached_lowest == 0) {
        pthread_attr_t attr;
        if (pthread_getattr_np(pthread_self(), &attr) != 0) return -1;
        int rc = pthread_attr_getstack(&attr, &cached_lowest, &cached_size);
        pthread_attr_destroy(&attr);
        if (rc != 0) { cached_lowest = 0; return rc; }
    }
    *lowest = cached_lowest;
    *size = cached_size;
    return 0;
}

// libpg_query's raw parse (exported by the library, declared in pg_query_internal.h, which needs
// PostgreSQL's server headers): the parse tree as PostgreSQL's own C structs, in the memory context
// the caller entered. SQLSyntax's TreeReader walks it (Sources/SQLSyntax/Reader/TreeReader.swift).
typedef struct {
    void *tree;            // List * of RawStmt, NULL for no statements
    char *stderr_buffer;   // malloc'ed; free()
    PgQueryError *error;   // malloc'ed; pg_query_free_error()
} ShardplanRawParse;

extern ShardplanRawParse pg_query_raw_parse(const char *input);
extern void *pg_query_enter_memory_context(void);
extern void pg_query_exit_memory_context(void *context);
extern void pg_query_free_error(PgQueryError *error);
