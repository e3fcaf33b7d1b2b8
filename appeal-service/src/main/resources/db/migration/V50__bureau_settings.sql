-- Bureau settings changed by the bureau's admin in the console (V50+ belong to the console/settings work).

-- A bureau's certification period policy; bureaus without a row use the configured one.
create table bureau_period_policy (
    bureau            text primary key,
    kind              text not null check (kind in ('FIXED_YEARLY', 'ROLLING')),
    window_start      text,
    window_end        text,
    rolling_months    int,
    rolling_open_days int,
    updated_at        timestamptz not null default now(),
    updated_by        text not null
);

-- A bureau's own calendar days on top of the national ones: extra holidays and worked weekend days.
create table bureau_calendar_day (
    bureau      text not null,
    day         date not null,
    kind        text not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name        text not null,
    imported_at timestamptz not null default now(),
    imported_by text not null,
    primary key (bureau, day)
);
