create table probe_state (id uuid primary key, label varchar(100) not null);
create table probe_applied (event_id uuid not null, label varchar(100) not null);
