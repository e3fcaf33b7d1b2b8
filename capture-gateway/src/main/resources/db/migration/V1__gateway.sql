-- Projection of enrollment events: who may log in, and who may certify for whom (亲情服务).
create table person (
    person_id      uuid primary key,
    id_number_hash varchar(64)  not null unique,
    id_masked      varchar(40)  not null,
    bureau         varchar(100) not null,
    surname        varchar(40)  not null,
    given_name     varchar(40)  not null,
    status         varchar(30)  not null,
    updated_at     timestamptz  not null default now()
);

create table relative_link (
    link_id            uuid primary key,
    person_id          uuid        not null,
    relative_person_id uuid        not null,
    relationship       varchar(40),
    status             varchar(20) not null,
    updated_at         timestamptz not null default now()
);
create index relative_link_relative on relative_link (relative_person_id);

-- One-use captchas; the answer is not a secret from the server, only from the client.
create table captcha (
    captcha_id uuid primary key,
    answer     varchar(16) not null,
    expires_at timestamptz not null
);

-- Failed logins, counted per ID-number hash and per client address for the lockout.
create table login_failure (
    id        bigserial primary key,
    key       varchar(100) not null,
    failed_at timestamptz  not null default now()
);
create index login_failure_key_at on login_failure (key, failed_at);

create table capture_session (
    session_id       uuid primary key,
    person_id        uuid         not null,
    acting_person_id uuid,
    bureau           varchar(100) not null,
    actions          varchar(200) not null,
    action_seconds   int          not null,
    nonce            varchar(64)  not null,
    started_at       timestamptz  not null,
    deadline         timestamptz  not null,
    status           varchar(20)  not null,
    batch_count      int          not null default 0,
    frame_count      int          not null default 0,
    closed_at        timestamptz
);
create index capture_session_person on capture_session (person_id, started_at desc);
create index capture_session_open on capture_session (status, deadline);

-- Accepted frame batches: the batch id makes an upload idempotent.
create table frame_batch (
    batch_id     uuid primary key,
    session_id   uuid        not null references capture_session (session_id) on delete cascade,
    step_index   int         not null,
    frame_count  int         not null,
    content_hash varchar(64) not null,
    accepted_at  timestamptz not null default now()
);
create index frame_batch_session on frame_batch (session_id);

-- Best frames of each session for reviewers, deleted after the retention.
create table session_evidence (
    id          bigserial primary key,
    session_id  uuid        not null,
    bureau      varchar(100) not null,
    step_index  int         not null,
    action      varchar(20) not null,
    sequence    int         not null,
    captured_at timestamptz not null,
    score       bigint      not null,
    jpeg        bytea       not null,
    keep_until  timestamptz not null
);
create index session_evidence_session on session_evidence (session_id, step_index);
create index session_evidence_keep on session_evidence (keep_until);

-- The outcome appeal-service decided for a session, delivered to the waiting page.
create table session_result (
    session_id        uuid primary key,
    person_id         uuid        not null,
    outcome           varchar(20) not null,
    attempt_number    int,
    reasons           varchar(1000),
    next_period_start date,
    appeal_due_date   date,
    decided_at        timestamptz not null default now()
);
