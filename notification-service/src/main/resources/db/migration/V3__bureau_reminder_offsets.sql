-- A bureau's own reminder offsets (days before the period end, e.g. "30,7,1"), set by its admin;
-- bureaus without a row use lifecert.notification.reminders.offsets.
create table bureau_reminder_offsets (
    bureau     varchar(64) primary key,
    days       varchar(200) not null,
    updated_at timestamptz not null default now(),
    updated_by varchar(200) not null
);
