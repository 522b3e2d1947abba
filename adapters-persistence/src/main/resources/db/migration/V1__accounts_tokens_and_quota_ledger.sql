-- Portable SQL: runs unchanged on PostgreSQL 13+ and on H2 2.5 with
-- MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH.
-- Timestamps are written by the adapter in UTC, truncated to microseconds (PostgreSQL's precision).

create table account (
    id          uuid                     primary key,
    created_at  timestamp with time zone not null,
    disabled    boolean                  not null default false
);

-- The primary key on the canonical address is the rule "an address is a verified identity of at
-- most one account": the database decides it, whatever runs concurrently.
create table email_identity (
    email_canonical  varchar(254)             primary key,
    email            varchar(254)             not null,
    account_id       uuid                     not null references account (id),
    is_primary       boolean                  not null,
    verified_at      timestamp with time zone not null
);
create index email_identity_account_idx on email_identity (account_id);

-- Tokens and ledger entries are short-lived and purged, so they carry no foreign key to account:
-- recording a request or a token never waits on, or fails because of, the account row.
create table email_token (
    token_hash       char(64)                 primary key,
    purpose          varchar(32)              not null,
    account_id       uuid,
    email            varchar(254)             not null,
    email_canonical  varchar(254)             not null,
    issued_at        timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    consumed_at      timestamp with time zone,
    constraint email_token_purpose_chk check (purpose in ('EMAIL_CONFIRMATION', 'SIGN_IN')),
    constraint email_token_confirmation_has_account_chk
        check (purpose <> 'EMAIL_CONFIRMATION' or account_id is not null),
    constraint email_token_expiry_chk check (expires_at > issued_at)
);
create index email_token_email_idx on email_token (email_canonical);
create index email_token_account_idx on email_token (account_id, purpose, issued_at);
-- The purge deletes by either instant; one index each keeps it off a full scan.
create index email_token_expires_idx on email_token (expires_at);
create index email_token_consumed_idx on email_token (consumed_at);

-- Only the canonical address is kept: the ledger counts, it never mails.
create table email_request (
    id               uuid                     primary key,
    email_canonical  varchar(254)             not null,
    purpose          varchar(32)              not null,
    account_id       uuid,
    accepted_at      timestamp with time zone not null,
    constraint email_request_purpose_chk check (purpose in ('EMAIL_CONFIRMATION', 'SIGN_IN'))
);
create index email_request_email_idx on email_request (email_canonical, purpose, accepted_at);
create index email_request_account_idx on email_request (account_id, accepted_at);
create index email_request_accepted_idx on email_request (accepted_at);

-- One row per (address, purpose) whose quota was ever checked; a transaction that holds the row
-- lock is the only one counting and recording for that address, on every instance.
create table email_quota_lock (
    email_canonical  varchar(254) not null,
    purpose          varchar(32)  not null,
    primary key (email_canonical, purpose)
);
