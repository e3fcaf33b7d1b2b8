-- The persisted record of each certification session's liveness check: its working state after the last
-- committed batch (JSON), and its verdict once decided. A restarted worker continues from here.
create table liveness_session (
    session_id      uuid primary key,
    person_id       uuid         not null,
    bureau          varchar(100) not null,
    deadline        timestamptz,
    status          varchar(10)  not null,  -- OPEN, DONE
    state           text         not null,
    version         integer      not null default 0,
    worker_instance uuid         not null,
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    decision        varchar(10),
    reasons         text,
    verdict         text
);
create index liveness_session_open on liveness_session (deadline) where status = 'OPEN';

-- Hashes of every frame seen, for replay detection across sessions.
create table frame_hash (
    hash       char(64)    primary key,
    session_id uuid        not null,
    seen_at    timestamptz not null default now()
);
create index frame_hash_seen_at on frame_hash (seen_at);
