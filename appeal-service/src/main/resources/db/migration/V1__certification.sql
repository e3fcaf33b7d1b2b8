-- One row per person: the folded facts as JSON (doc) plus the columns queries need.
create table certification_record (
    person_id        uuid primary key,
    bureau           text,
    state            text not null,
    period_id        text,
    period_start     date,
    period_end       date,
    channel          text,
    certified_at     timestamptz,
    failed_attempts  int not null default 0,
    appeal_id        uuid,
    appeal_status    text,
    appeal_opened_at timestamptz,
    appeal_due       date,
    suspended_since  date,
    -- earliest deadline + grace of an attempt still missing a verdict (timeout sweep)
    pending_deadline timestamptz,
    -- first day the period job may have something to do for this person
    advance_on       date,
    doc              jsonb not null,
    updated_at       timestamptz not null default now()
);
create index certification_record_bureau_state on certification_record (bureau, state);
create unique index certification_record_appeal on certification_record (appeal_id) where appeal_id is not null;
create index certification_record_appeal_queue on certification_record (bureau, appeal_status, appeal_due);
create index certification_record_pending on certification_record (pending_deadline) where pending_deadline is not null;
create index certification_record_advance on certification_record (advance_on) where advance_on is not null;

-- Outcome of every period a person had (current one included), for rates per bureau/period/channel.
create table period_result (
    person_id    uuid not null,
    period_id    text not null,
    bureau       text,
    state        text not null,
    channel      text,
    certified_at timestamptz,
    primary key (person_id, period_id)
);
create index period_result_bureau on period_result (bureau, period_id);

-- Benefit suspensions (待遇停发): from the day after the missed deadline until the late certification.
create table suspension (
    person_id      uuid not null,
    period_id      text not null,
    bureau         text,
    suspended_from date not null,
    restored_on    date,
    months_missed  int,
    primary key (person_id, period_id)
);
create index suspension_bureau on suspension (bureau, suspended_from);

-- Every reviewer/clerk decision and every look at an appeal's evidence: who, when, what they saw.
create table review_audit (
    id        uuid primary key,
    at        timestamptz not null,
    actor     text not null,
    bureau    text not null,
    action    text not null,
    appeal_id uuid,
    person_id uuid not null,
    approved  boolean,
    reason    text,
    seen      jsonb
);
create index review_audit_person on review_audit (person_id, at);

-- One runner for the period job among replicas: whoever holds the unexpired lease.
create table scheduler_lease (
    name   text primary key,
    holder text,
    until  timestamptz not null
);
insert into scheduler_lease (name, holder, until) values ('period-job', null, '-infinity');
