#define _GNU_SOURCE
#include "mapped_path.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "libc_next.h"

/* What was found behind a descriptor, valid while the descriptor still
 * names the same file (descriptors are reused after close, which the
 * preload does not see in every case, so the identity is checked). */
struct fd_verdict {
    dev_t   dev;
    ino64_t ino;
    bool    known, mapped;
    int     mapping;   /* index into mappings[] */
};

#define CACHED_FDS   1024
#define MAPPINGS_MAX 32

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static struct fd_verdict verdicts[CACHED_FDS];
static struct mapping mappings[MAPPINGS_MAX];
static int mapping_count;

static bool parse_first_line(int fd, struct mapping *m)
{
    char line[SGBRIDGE_URL_MAX + 64];
    size_t magic = sizeof(SGBRIDGE_FILE_MAGIC) - 1;

    ssize_t got = libc_pread64(fd, line, sizeof(line) - 1, 0);
    if (got <= (ssize_t)magic || memcmp(line, SGBRIDGE_FILE_MAGIC, magic))
        return false;
    line[got] = '\0';
    m->device_type = 0;
    return sscanf(line + magic, "%512s %d", m->url, &m->device_type) >= 1;
}

static int remember_mapping(const struct mapping *m)
{
    for (int i = 0; i < mapping_count; i++)
        if (!strcmp(mappings[i].url, m->url) && mappings[i].device_type == m->device_type)
            return i;
    if (mapping_count == MAPPINGS_MAX)
        return -1;
    mappings[mapping_count] = *m;
    return mapping_count++;
}

static bool lookup_regular_file(int fd, const struct stat64 *st, struct mapping *m)
{
    bool cacheable = fd >= 0 && fd < CACHED_FDS, mapped;

    pthread_mutex_lock(&cache_lock);
    struct fd_verdict *v = cacheable ? &verdicts[fd] : NULL;
    if (v && v->known && v->dev == st->st_dev && v->ino == st->st_ino) {
        mapped = v->mapped;
        if (mapped)
            *m = mappings[v->mapping];
        pthread_mutex_unlock(&cache_lock);
        return mapped;
    }
    mapped = parse_first_line(fd, m);
    int index = mapped ? remember_mapping(m) : 0;
    if (v && index >= 0)
        *v = (struct fd_verdict){ .dev = st->st_dev, .ino = st->st_ino, .known = true, .mapped = mapped,
                                  .mapping = index };
    pthread_mutex_unlock(&cache_lock);
    return mapped;
}

bool mapping_of_fd(int fd, struct mapping *m)
{
    struct stat64 st;
    int saved_errno = errno;
    bool mapped = !fstat64(fd, &st) && S_ISREG(st.st_mode) && lookup_regular_file(fd, &st, m);

    errno = saved_errno;
    return mapped;
}
