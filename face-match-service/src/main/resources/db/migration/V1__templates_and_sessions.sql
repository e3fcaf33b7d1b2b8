-- Reference templates as received from enrollment (still sealed with TemplateCipher: biometric data stays encrypted
-- at rest), plus templates refreshed from certified sessions.
create table reference_template (
    template_id        uuid primary key,
    person_id          uuid         not null,
    model_version      varchar(100) not null,
    key_id             varchar(50)  not null,
    encrypted_template text         not null,
    photo_count        integer      not null,
    quality            double precision not null,
    origin             varchar(20)  not null,  -- ENROLLMENT, REFRESH
    session_id         uuid,
    created_at         timestamptz  not null default now()
);
create index reference_template_person on reference_template (person_id);

-- Who changed which template when, and why.
create table template_audit (
    id          bigserial primary key,
    person_id   uuid        not null,
    template_id uuid        not null,
    action      varchar(20) not null,  -- REGISTERED, REFRESHED, RETIRED
    session_id  uuid,
    actor       varchar(100) not null,
    detail      text,
    at          timestamptz not null default now()
);
create index template_audit_person on template_audit (person_id);

-- A session's match working state (best frames' embeddings, sealed) and its verdict.
create table match_session (
    session_id  uuid primary key,
    person_id   uuid         not null,
    bureau      varchar(100) not null,
    deadline    timestamptz,
    status      varchar(10)  not null,  -- OPEN, DONE
    state       text         not null,
    worker_instance uuid     not null,
    updated_at  timestamptz  not null default now(),
    decision    varchar(10),
    score       double precision,
    reason      varchar(50)
);
create index match_session_open on match_session (deadline) where status = 'OPEN';
