-- Contact details and preferences of people (recipients and relatives), from enrollment events
-- and the preferences endpoint. Events carry no language: it is a preference (zh-CN by default).
create table person_contact (
    person_id    uuid primary key,
    bureau       varchar(64)  not null,
    surname      varchar(64),
    given_name   varchar(64),
    phone        varchar(32),
    email        varchar(254),
    language     varchar(8)   not null default 'zh-CN',
    channels     varchar(64)  not null default 'SMS,EMAIL,IN_APP',
    status       varchar(32)  not null default 'ACTIVE',
    updated_at   timestamptz  not null default now()
);

-- 亲情服务 links: who may certify for whom.
create table relative_link (
    link_id            uuid primary key,
    person_id          uuid        not null,
    relative_person_id uuid        not null,
    relationship       varchar(64),
    status             varchar(16) not null,
    updated_at         timestamptz not null default now()
);
create index relative_link_person on relative_link (person_id);

-- One row per message to one party on one channel. idempotency_key = event|recipient|channel:
-- UNIQUE, written in the consumer's transaction, so a redelivered event plans nothing new.
create table delivery (
    id              uuid primary key,
    idempotency_key varchar(200) not null unique,
    event_id        varchar(100) not null,
    event_type      varchar(64)  not null,
    kind            varchar(32)  not null,
    person_id       uuid         not null,
    bureau          varchar(64)  not null,
    party           varchar(16)  not null,
    recipient_id    varchar(100) not null,
    channel         varchar(16)  not null,
    language        varchar(8)   not null,
    address         varchar(1000),
    subject         varchar(500),
    body            text         not null,
    status          varchar(16)  not null,
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null default now(),
    lease_until     timestamptz,
    last_error      varchar(1000),
    last_status_code int,
    created_at      timestamptz  not null default now(),
    sent_at         timestamptz
);
create index delivery_due on delivery (channel, next_attempt_at) where status = 'PENDING';
create index delivery_inbox on delivery (recipient_id, created_at) where channel = 'IN_APP';
create index delivery_bureau_channel on delivery (bureau, channel, created_at);
create index delivery_rate on delivery (recipient_id, channel, sent_at) where status = 'SENT';

-- Deliveries that exhausted their attempts, for admins to inspect and retry.
create table dead_letter (
    id           uuid primary key,
    delivery_id  uuid         not null references delivery (id),
    bureau       varchar(64)  not null,
    channel      varchar(16)  not null,
    reason       varchar(1000),
    attempts     int          not null,
    created_at   timestamptz  not null default now(),
    retried_at   timestamptz
);

-- Webhook endpoint of each bureau. previous_secret still signs (second signature) until
-- previous_valid_until, so a bureau can roll its verifier after a rotation.
create table bureau_webhook (
    bureau               varchar(64) primary key,
    url                  varchar(1000) not null,
    secret               varchar(128)  not null,
    previous_secret      varchar(128),
    previous_valid_until timestamptz,
    enabled              boolean       not null default true,
    updated_at           timestamptz   not null default now()
);

-- Quiet hours (no SMS) per bureau, in the bureau's time zone.
create table bureau_settings (
    bureau       varchar(64) primary key,
    zone         varchar(64) not null default 'Asia/Shanghai',
    quiet_start  time,
    quiet_end    time
);

-- Open periods: reminders go only to people whose period is not certified.
create table certification_period (
    person_id   uuid         not null,
    period      varchar(32)  not null,
    bureau      varchar(64)  not null,
    deadline    date         not null,
    certified   boolean      not null default false,
    primary key (person_id, period)
);

-- Persisted reminder schedule: survives restarts; claimed with FOR UPDATE SKIP LOCKED under an
-- advisory lock, so several replicas fire each row once.
create table reminder (
    id         uuid primary key,
    person_id  uuid         not null,
    period     varchar(32)  not null,
    bureau     varchar(64)  not null,
    offset_key varchar(16)  not null,
    due_at     timestamptz  not null,
    deadline   date         not null,
    status     varchar(16)  not null default 'SCHEDULED',
    fired_at   timestamptz,
    unique (person_id, period, offset_key)
);
create index reminder_due on reminder (due_at) where status = 'SCHEDULED';
