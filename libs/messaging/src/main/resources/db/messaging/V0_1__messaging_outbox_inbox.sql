-- Outbox: a service writes its state change and the event that announces it in one transaction.
-- Debezium reads the inserts from the WAL and routes each row to the topic in aggregatetype.
create table outbox_event (
    id            uuid primary key,
    aggregatetype varchar(255) not null,
    aggregateid   varchar(255) not null,
    type          varchar(255) not null,
    payload       text         not null,
    created_at    timestamptz  not null default now()
);
create index outbox_event_created_at on outbox_event (created_at);

-- Only inserts are events: the janitor's later deletes of published rows are not.
create publication lifecert_outbox for table outbox_event with (publish = 'insert');

-- Inbox: the ids of events a consumer has applied, written in the transaction that applied them.
create table inbox_processed (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
create index inbox_processed_at on inbox_processed (processed_at);
