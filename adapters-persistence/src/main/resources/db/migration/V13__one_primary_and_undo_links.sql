-- Managing addresses. Portable SQL, as V1.

-- "An account has exactly one primary address", decided by the database as well as the code:
-- primary_of holds the account id on the primary row only, and the UNIQUE constraint admits one row
-- per value. NULLs are distinct on both databases, so every other row is free. (A partial unique
-- index on account_id WHERE is_primary says the same more directly, but H2 has none.) The check
-- keeps the two columns in step; it is written so that it is never NULL (a NULL check passes), so
-- a row cannot be primary without taking the account's one slot.
alter table email_identity add column primary_of uuid;
update email_identity set primary_of = account_id where is_primary;
alter table email_identity add constraint email_identity_one_primary_uq unique (primary_of);
alter table email_identity add constraint email_identity_primary_of_chk
    check ((is_primary and primary_of is not null and primary_of = account_id)
        or (not is_primary and primary_of is null));

-- The undo link mailed to the previous primary when another address becomes primary: single use,
-- only its hash stored, like every other token. No foreign key to account, as for email_token.
create table primary_undo (
    token_hash      char(64)                 primary key,
    account_id      uuid                     not null,
    previous_email  varchar(254)             not null,
    issued_at       timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    consumed_at     timestamp with time zone,
    constraint primary_undo_expiry_chk check (expires_at > issued_at)
);
create index primary_undo_expires_idx on primary_undo (expires_at);
create index primary_undo_consumed_idx on primary_undo (consumed_at);
