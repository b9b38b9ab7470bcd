#define _GNU_SOURCE
#include "st_drive.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "trace.h"

#define DRIVES_MAX 16

static pthread_mutex_t drives_lock = PTHREAD_MUTEX_INITIALIZER;
static struct st_drive drives[DRIVES_MAX];

struct st_drive *st_drive_acquire(const struct mapping *m)
{
    pthread_mutex_lock(&drives_lock);
    for (int i = 0; i < DRIVES_MAX; i++)
        if (!strcmp(drives[i].url, m->url))
            return &drives[i];
    for (int i = 0; i < DRIVES_MAX; i++) {
        if (drives[i].url[0])
            continue;
        memset(&drives[i], 0, sizeof(drives[i]));
        snprintf(drives[i].url, sizeof(drives[i].url), "%s", m->url);
        position_unknown(&drives[i]);   /* as st after open, until the tape is moved */
        return &drives[i];
    }
    pthread_mutex_unlock(&drives_lock);
    errno = ENOMEM;
    return NULL;
}

void st_drive_release(struct st_drive *d)
{
    (void)d;
    pthread_mutex_unlock(&drives_lock);
}

int st_errno_for(const struct ssc_outcome *o)
{
    if (!o->reached || !o->has_sense)
        return EIO;
    if (o->sense.key == KEY_NOT_READY && o->sense.asc == 0x3A)
        return ENOMEDIUM;
    if (o->sense.key == KEY_DATA_PROTECT)
        return EACCES;
    if (o->sense.key == KEY_VOLUME_OVERFLOW)
        return ENOSPC;
    return EIO;
}

bool st_drive_configure(struct st_drive *d)
{
    uint8_t data[64];
    struct ssc_outcome o;

    if (d->configured)
        return true;
    ssc_mode_sense(d->url, 0x00, data, sizeof(data), &o);
    if (!ssc_good(&o) || o.received < 4) {
        errno = st_errno_for(&o);
        return false;
    }
    d->write_protected = data[2] & 0x80;
    d->buffer_mode = (data[2] >> 4) & 0x07;
    if (data[3] >= 8 && o.received >= 12) {
        d->density = data[4];
        d->block_size = (uint32_t)data[9] << 16 | (uint32_t)data[10] << 8 | data[11];
    }
    d->configured = true;
    trace("configured %s: block size %u, density 0x%02x%s", d->url, d->block_size, d->density,
             d->write_protected ? ", write protected" : "");
    return true;
}

void position_at_bot(struct st_drive *d)
{
    d->file = 0;
    d->block = 0;
    d->logical = 0;
    d->mark = MARK_NONE;
    d->warning = WARNING_NONE;
}

void position_unknown(struct st_drive *d)
{
    d->file = -1;
    d->block = -1;
    d->logical = -1;
    d->mark = MARK_NONE;
}

void position_blocks(struct st_drive *d, long count)
{
    if (d->block >= 0)
        d->block = d->block + count >= 0 ? d->block + count : -1;
    if (d->logical >= 0)
        d->logical = d->logical + count >= 0 ? d->logical + count : -1;
}

void position_filemarks_ahead(struct st_drive *d, long count)
{
    if (d->file >= 0)
        d->file += count;
    d->block = 0;
    if (d->logical >= 0)
        d->logical += count;
}

bool st_close_written_file(struct st_drive *d)
{
    struct ssc_outcome o;

    if (!d->wrote_last)
        return true;
    ssc_write_filemarks(d->url, 1, false, false, &o);
    if (!ssc_good(&o) && !(o.has_sense && o.sense.end_of_medium && o.sense.key == KEY_NO_SENSE)) {
        errno = st_errno_for(&o);
        return false;
    }
    d->wrote_last = false;
    position_filemarks_ahead(d, 1);
    return true;
}
