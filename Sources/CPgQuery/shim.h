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
