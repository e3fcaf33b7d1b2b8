-- A bureau's own match threshold, set by its admin through the console API (issue 10). Bureaus without a row use
-- the configured default (lifecert.facematch.bureau-threshold."<bureau>" or lifecert.facematch.threshold).
create table bureau_match_threshold (
    bureau     varchar(100) primary key,
    threshold  double precision not null,
    updated_by varchar(100)     not null,
    updated_at timestamptz      not null default now()
);

-- Every change of a bureau's threshold: who, when, from which value to which.
create table match_threshold_audit (
    id         bigserial primary key,
    bureau     varchar(100)     not null,
    old_value  double precision not null,
    new_value  double precision not null,
    actor      varchar(100)     not null,
    at         timestamptz      not null default now()
);
create index match_threshold_audit_bureau on match_threshold_audit (bureau, id);
