-- Proxy (亲情) certification sessions seen on lifecert.capture.sessions.v1: the first passing face
-- match of such a session activates the pending link between the two people.
create table proxy_session (
    session_id       uuid primary key,
    person_id        uuid        not null,
    acting_person_id uuid        not null,
    started_at       timestamptz not null
);

-- Roster re-imports that change a known person's details.
alter table roster_import add column updated int not null default 0;
