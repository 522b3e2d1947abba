-- Sessions and their refresh tokens. Portable SQL, as V1.
-- No foreign key to account: starting or ending a session never waits on the account row.
create table user_session (
    id            uuid                     primary key,
    account_id    uuid                     not null,
    created_at    timestamp with time zone not null,
    -- The last refresh, or a request, recorded at most once a minute.
    last_used_at  timestamp with time zone not null,
    ended_at      timestamp with time zone,
    end_reason    varchar(32),
    constraint user_session_end_chk check ((ended_at is null) = (end_reason is null)),
    constraint user_session_reason_chk
        check (end_reason in ('SIGNED_OUT', 'ENDED_BY_ACCOUNT', 'REFRESH_TOKEN_REUSED', 'ACCOUNT_DISABLED'))
);
-- The per-request check reads one row by the primary key. Listing, sign-out-everywhere and
-- disabling an account find the account's sessions by this index; the purge by the other three.
create index user_session_account_idx on user_session (account_id, created_at);
create index user_session_ended_idx on user_session (ended_at);
create index user_session_last_used_idx on user_session (last_used_at);
create index user_session_created_idx on user_session (created_at);

-- Every refresh token a session was given, by hash; a spent one is kept (with spent_at) so that
-- presenting it again is recognised as a copy. They go with their session when it is purged.
create table refresh_token (
    token_hash  char(64)                 primary key,
    session_id  uuid                     not null references user_session (id) on delete cascade,
    issued_at   timestamp with time zone not null,
    spent_at    timestamp with time zone
);
create index refresh_token_session_idx on refresh_token (session_id);
