#include "engine/core/rsm_codec.h"

#include <stddef.h>
#include <string.h>

struct field {
    uint16_t id;
    uint16_t offset;
    uint16_t size;
};

#define F(id, member) { id, (uint16_t)offsetof(struct rsm_object, member), \
                        (uint16_t)sizeof(((struct rsm_object *)0)->member) }

/* Ids 1-99: the header, 100+: per type, in blocks of 100. Never renumber. */
static const struct field header_fields[] = {
    F(1, id), F(2, type), F(3, created), F(4, modified), F(5, enabled),
    F(6, operational_state), F(7, name), F(8, description),
};

static const struct field library_fields[] = {
    F(100, info.library.library_type), F(101, info.library.cleaner_slot),
    F(102, info.library.cleaner_slot_default), F(103, info.library.supports_drive_cleaning),
    F(104, info.library.barcode_reader_installed), F(105, info.library.inventory_method),
    F(106, info.library.cleaner_uses_remaining), F(107, info.library.first_drive_number),
    F(108, info.library.number_of_drives), F(109, info.library.first_slot_number),
    F(110, info.library.number_of_slots), F(111, info.library.first_door_number),
    F(112, info.library.number_of_doors), F(113, info.library.first_port_number),
    F(114, info.library.number_of_ports), F(115, info.library.first_changer_number),
    F(116, info.library.number_of_changers), F(117, info.library.number_of_media),
    F(118, info.library.number_of_media_types), F(119, info.library.number_of_lib_requests),
    F(120, info.library.auto_recovery), F(121, info.library.flags),
    F(150, info.library.device_path), F(151, info.library.serial_number), F(152, info.library.media_types),
};

static const struct field changer_fields[] = {
    F(200, info.changer.number), F(201, info.changer.changer_type), F(202, info.changer.serial_number),
    F(203, info.changer.revision), F(204, info.changer.device_name), F(205, info.changer.scsi_port),
    F(206, info.changer.scsi_bus), F(207, info.changer.scsi_target), F(208, info.changer.scsi_lun),
    F(209, info.changer.library), F(250, info.changer.transport_address),
};

static const struct field device_type_fields[] = {
    F(300, info.device_type.vendor), F(301, info.device_type.product),
    F(302, info.device_type.number_of_heads), F(303, info.device_type.device_type),
};

static const struct field drive_fields[] = {
    F(400, info.drive.number), F(401, info.drive.state), F(402, info.drive.drive_type),
    F(403, info.drive.device_name), F(404, info.drive.serial_number), F(405, info.drive.revision),
    F(406, info.drive.scsi_port), F(407, info.drive.scsi_bus), F(408, info.drive.scsi_target),
    F(409, info.drive.scsi_lun), F(410, info.drive.mount_count), F(411, info.drive.last_cleaned),
    F(412, info.drive.saved_partition), F(413, info.drive.library), F(414, info.drive.defer_dismount_delay),
    F(450, info.drive.element_address), F(451, info.drive.loaded_media), F(452, info.drive.dismount_due),
    F(453, info.drive.device_path), F(454, info.drive.holder), F(455, info.drive.tape_source),
};

static const struct field slot_fields[] = {
    F(500, info.slot.number), F(501, info.slot.state), F(502, info.slot.library),
    F(550, info.slot.element_address),
};

static const struct field iedoor_fields[] = {
    F(600, info.iedoor.number), F(601, info.iedoor.state), F(602, info.iedoor.max_open_secs),
    F(603, info.iedoor.library),
};

static const struct field ieport_fields[] = {
    F(700, info.ieport.number), F(701, info.ieport.content), F(702, info.ieport.position),
    F(703, info.ieport.max_extend_secs), F(704, info.ieport.library), F(750, info.ieport.element_address),
};

static const struct field media_fields[] = {
    F(800, info.media.current_library), F(801, info.media.media_pool), F(802, info.media.location),
    F(803, info.media.location_type), F(804, info.media.media_type), F(805, info.media.home_slot),
    F(806, info.media.barcode), F(807, info.media.barcode_state), F(808, info.media.sequence_number),
    F(809, info.media.media_state), F(810, info.media.number_of_partitions),
    F(811, info.media.media_type_code), F(812, info.media.density_code), F(813, info.media.mounted_partition),
};

static const struct field partition_fields[] = {
    F(900, info.partition.physical_media), F(901, info.partition.logical_media), F(902, info.partition.state),
    F(903, info.partition.side), F(904, info.partition.omid_label_id_length), F(905, info.partition.omid_label_id),
    F(906, info.partition.omid_label_type), F(907, info.partition.omid_label_info),
    F(908, info.partition.mount_count), F(909, info.partition.allocate_count), F(910, info.partition.capacity),
};

static const struct field logical_media_fields[] = {
    F(1000, info.logical_media.media_pool), F(1001, info.logical_media.number_of_partitions),
    F(1050, info.logical_media.partition),
};

static const struct field pool_fields[] = {
    F(1100, info.pool.pool_type), F(1101, info.pool.media_type), F(1102, info.pool.parent),
    F(1103, info.pool.allocation_policy), F(1104, info.pool.deallocation_policy),
    F(1105, info.pool.max_allocates), F(1106, info.pool.number_of_physical_media),
    F(1107, info.pool.number_of_logical_media), F(1108, info.pool.number_of_media_pools),
};

static const struct field media_type_fields[] = {
    F(1200, info.media_type.media_type), F(1201, info.media_type.number_of_sides),
    F(1202, info.media_type.read_write_characteristics), F(1203, info.media_type.device_type),
};

static const struct field computer_fields[] = {
    F(1300, info.computer.lib_request_purge_time), F(1301, info.computer.op_request_purge_time),
    F(1302, info.computer.lib_request_flags), F(1303, info.computer.op_request_flags),
    F(1304, info.computer.media_pool_policy),
};

static const struct field lib_request_fields[] = {
    F(1400, info.lib_request.operation_code), F(1401, info.lib_request.operation_option),
    F(1402, info.lib_request.state), F(1403, info.lib_request.partition), F(1404, info.lib_request.drive),
    F(1405, info.lib_request.physical_media), F(1406, info.lib_request.library), F(1407, info.lib_request.slot),
    F(1408, info.lib_request.time_queued), F(1409, info.lib_request.time_completed),
    F(1410, info.lib_request.application), F(1411, info.lib_request.user), F(1412, info.lib_request.computer),
    F(1413, info.lib_request.error_code), F(1414, info.lib_request.work_item), F(1415, info.lib_request.priority),
    F(1450, info.lib_request.requested_by), F(1451, info.lib_request.order),
    F(1452, info.lib_request.waits_for_drive),
};

static const struct field op_request_fields[] = {
    F(1500, info.op_request.request), F(1501, info.op_request.submitted), F(1502, info.op_request.state),
    F(1503, info.op_request.message), F(1504, info.op_request.arg1_type), F(1505, info.op_request.arg1),
    F(1506, info.op_request.arg2_type), F(1507, info.op_request.arg2), F(1508, info.op_request.application),
    F(1509, info.op_request.user), F(1510, info.op_request.computer),
    F(1550, info.op_request.completed), F(1551, info.op_request.raised_for),
};

struct field_table {
    const struct field *fields;
    size_t              count;
};

#define TABLE(t) { t, sizeof(t) / sizeof(t[0]) }

static struct field_table type_fields(uint32_t type)
{
    static const struct field_table none = { NULL, 0 };

    switch (type) {
    case RSM_LIBRARY:        return (struct field_table)TABLE(library_fields);
    case RSM_CHANGER:        return (struct field_table)TABLE(changer_fields);
    case RSM_CHANGER_TYPE:
    case RSM_DRIVE_TYPE:     return (struct field_table)TABLE(device_type_fields);
    case RSM_DRIVE:          return (struct field_table)TABLE(drive_fields);
    case RSM_STORAGESLOT:    return (struct field_table)TABLE(slot_fields);
    case RSM_IEDOOR:         return (struct field_table)TABLE(iedoor_fields);
    case RSM_IEPORT:         return (struct field_table)TABLE(ieport_fields);
    case RSM_PHYSICAL_MEDIA: return (struct field_table)TABLE(media_fields);
    case RSM_PARTITION:      return (struct field_table)TABLE(partition_fields);
    case RSM_LOGICAL_MEDIA:  return (struct field_table)TABLE(logical_media_fields);
    case RSM_MEDIA_POOL:     return (struct field_table)TABLE(pool_fields);
    case RSM_MEDIA_TYPE:     return (struct field_table)TABLE(media_type_fields);
    case RSM_COMPUTER:       return (struct field_table)TABLE(computer_fields);
    case RSM_LIBREQUEST:     return (struct field_table)TABLE(lib_request_fields);
    case RSM_OPREQUEST:      return (struct field_table)TABLE(op_request_fields);
    default:                 return none;
    }
}

#define FIELD_HEADER 4   /* id (2) + length (2), little-endian */

/* Fields are written without their trailing zero bytes (mostly unused
 * string space); decoding fills the rest with zeros. */
static uint16_t used_size(const struct rsm_object *object, const struct field *f)
{
    const uint8_t *bytes = (const uint8_t *)object + f->offset;
    uint16_t n = f->size;

    while (n > 0 && bytes[n - 1] == 0)
        n--;
    return n;
}

static size_t table_size(const struct rsm_object *object, struct field_table table)
{
    size_t total = 0;

    for (size_t i = 0; i < table.count; i++)
        total += FIELD_HEADER + used_size(object, &table.fields[i]);
    return total;
}

size_t rsm_encoded_size(const struct rsm_object *object)
{
    return table_size(object, (struct field_table)TABLE(header_fields)) + table_size(object, type_fields(object->type));
}

static uint8_t *put_fields(uint8_t *out, const struct rsm_object *object, struct field_table table)
{
    const uint8_t *base = (const uint8_t *)object;

    for (size_t i = 0; i < table.count; i++) {
        const struct field *f = &table.fields[i];
        uint16_t size = used_size(object, f);
        out[0] = (uint8_t)f->id;
        out[1] = (uint8_t)(f->id >> 8);
        out[2] = (uint8_t)size;
        out[3] = (uint8_t)(size >> 8);
        memcpy(out + FIELD_HEADER, base + f->offset, size);
        out += FIELD_HEADER + size;
    }
    return out;
}

size_t rsm_encode(const struct rsm_object *object, uint8_t *out, size_t capacity)
{
    size_t needed = rsm_encoded_size(object);

    if (capacity < needed)
        return 0;
    out = put_fields(out, object, (struct field_table)TABLE(header_fields));
    put_fields(out, object, type_fields(object->type));
    return needed;
}

static const struct field *find_field(struct field_table table, uint16_t id)
{
    for (size_t i = 0; i < table.count; i++)
        if (table.fields[i].id == id)
            return &table.fields[i];
    return NULL;
}

/* The type comes first so that the type's own fields can be found; a
 * record whose first field is not the id, then the type, is refused. */
static ntms_err read_type(const uint8_t *in, size_t length, uint32_t *type)
{
    if (length < FIELD_HEADER || in[0] != 1 || in[1] != 0 || in[3] != 0 || in[2] > sizeof(ntms_guid))
        return NTMS_E_DATABASE_FAILURE;
    size_t at = FIELD_HEADER + in[2];
    if (length < at + FIELD_HEADER || in[at] != 2 || in[at + 1] != 0 || in[at + 3] != 0
        || in[at + 2] > sizeof(uint32_t) || length - at - FIELD_HEADER < in[at + 2])
        return NTMS_E_DATABASE_FAILURE;
    uint8_t bytes[4] = { 0, 0, 0, 0 };
    memcpy(bytes, in + at + FIELD_HEADER, in[at + 2]);
    *type = (uint32_t)bytes[0] | (uint32_t)bytes[1] << 8 | (uint32_t)bytes[2] << 16 | (uint32_t)bytes[3] << 24;
    return *type < RSM_TYPE_COUNT ? NTMS_OK : NTMS_E_DATABASE_FAILURE;
}

ntms_err rsm_decode(const uint8_t *in, size_t length, struct rsm_object *object)
{
    uint32_t type;
    ntms_err status = read_type(in, length, &type);

    memset(object, 0, sizeof(*object));
    if (status != NTMS_OK)
        return status;
    struct field_table header = TABLE(header_fields), specific = type_fields(type);
    uint8_t *base = (uint8_t *)object;
    for (size_t at = 0; at < length;) {
        if (length - at < FIELD_HEADER)
            return NTMS_E_DATABASE_FAILURE;
        uint16_t id = (uint16_t)(in[at] | in[at + 1] << 8), size = (uint16_t)(in[at + 2] | in[at + 3] << 8);
        at += FIELD_HEADER;
        if (size > length - at)
            return NTMS_E_DATABASE_FAILURE;
        const struct field *f = id < 100 ? find_field(header, id) : find_field(specific, id);
        /* Unknown ids are from a newer engine; a known one never grows. */
        if (f && size > f->size)
            return NTMS_E_DATABASE_FAILURE;
        if (f)
            memcpy(base + f->offset, in + at, size);
        at += size;
    }
    return NTMS_OK;
}
