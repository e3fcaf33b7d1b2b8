-- People of a bureau. The ID number is stored sealed (AES-GCM, key id beside it) and looked up by its
-- keyed hash; only the masked form is readable without the key.
create table person (
    id                  uuid primary key,
    bureau              varchar(64)  not null,
    id_number_hash      char(64)     not null,
    id_number_masked    varchar(32)  not null,
    id_number_sealed    text         not null,
    id_number_key_id    varchar(64)  not null,
    surname             varchar(20)  not null,
    given_name          varchar(20)  not null,
    sex                 varchar(8)   not null,
    birth_date          date         not null,
    benefit_type        varchar(32)  not null,
    pension_place       varchar(100) not null,
    phone               varchar(32)  not null,
    email               varchar(200),
    abroad              boolean      not null default false,
    nationality         varchar(100),
    passport_number     varchar(32),
    consulate           varchar(200),
    status              varchar(20)  not null,
    deactivation_reason varchar(500),
    source              varchar(16)  not null,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             bigint       not null default 0,
    constraint person_bureau_id_number unique (bureau, id_number_hash)
);
create index person_id_hash on person (id_number_hash);
create index person_bureau_search on person (bureau, status, benefit_type, abroad);

-- One collection (信息采集) per submission; PENDING until a reviewer decides.
create table collection (
    id           uuid primary key,
    person_id    uuid         not null references person (id),
    bureau       varchar(64)  not null,
    channel      varchar(16)  not null,
    submitted_by varchar(100) not null,
    submitted_at timestamptz  not null,
    status       varchar(16)  not null,
    reviewer     varchar(100),
    reason       varchar(500),
    reviewed_at  timestamptz
);
create index collection_bureau_status on collection (bureau, status, submitted_at);
create index collection_person on collection (person_id);

-- 亲情服务: person_id is certified by relative_person_id (RelativeLinked's meaning).
create table relative_link (
    id                   uuid primary key,
    bureau               varchar(64)  not null,
    person_id            uuid         not null references person (id),
    relative_person_id   uuid         not null references person (id),
    relationship         varchar(32)  not null,
    status               varchar(16)  not null,
    document_photo       bytea,
    document_purge_after timestamptz,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null
);
create index relative_link_relative on relative_link (relative_person_id);
create index relative_link_person on relative_link (person_id);

create table audit_entry (
    id          uuid primary key,
    bureau      varchar(64)  not null,
    actor       varchar(100) not null,
    action      varchar(48)  not null,
    target_type varchar(32)  not null,
    target_id   uuid         not null,
    detail      varchar(1000),
    at          timestamptz  not null
);
create index audit_entry_target on audit_entry (target_id, at);

create table reference_photo (
    id           uuid primary key,
    person_id    uuid         not null references person (id),
    bureau       varchar(64)  not null,
    content_type varchar(32)  not null,
    content      bytea,
    uploaded_at  timestamptz  not null,
    purge_after  timestamptz  not null
);
create index reference_photo_purge on reference_photo (purge_after) where content is not null;

create table face_template (
    id            uuid primary key,
    person_id     uuid         not null references person (id),
    bureau        varchar(64)  not null,
    model_version varchar(64)  not null,
    key_id        varchar(64)  not null,
    sealed        text         not null,
    photo_count   int          not null,
    quality       double precision not null,
    active        boolean      not null,
    created_at    timestamptz  not null
);
create index face_template_person on face_template (person_id, active);

create table roster_import (
    id            uuid primary key,
    bureau        varchar(64)  not null,
    file_name     varchar(200),
    file_sha256   char(64)     not null,
    charset       varchar(16)  not null,
    status        varchar(16)  not null,
    rows_read     int          not null default 0,
    created       int          not null default 0,
    unchanged     int          not null default 0,
    failed        int          not null default 0,
    submitted_by  varchar(100) not null,
    started_at    timestamptz  not null,
    finished_at   timestamptz,
    failure       varchar(500)
);

create table roster_import_error (
    import_id uuid         not null references roster_import (id),
    row_no    int          not null,
    field     varchar(32)  not null,
    message   varchar(200) not null
);
create index roster_import_error_import on roster_import_error (import_id, row_no);
