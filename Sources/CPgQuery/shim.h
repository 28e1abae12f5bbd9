#include <pg_query.h>
#include <pthread.h>
#include <stddef.h>

// glibc declares this only under _GNU_SOURCE, which a Swift module map cannot set for its Glibc import.
extern int pthread_getattr_np(pthread_t thread, pthread_attr_t *attr);

/// The lowest address and the size of the calling thread's stack; 0 on success.
static inline int shardplan_current_stack(void **lowest, size_t *size) {
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return -1;
    int rc = pthread_attr_getstack(&attr, lowest, size);
    pthread_attr_destroy(&attr);
    return rc;
}
