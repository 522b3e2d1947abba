-- A placeholder stands for a confirmation request that cannot bring a link (it mailed a notice
-- instead, or another account took the address since): spent, so no redemption can use it, yet
-- listed as pending for the requester until it expires.
-- Portable SQL, as V1.
alter table email_token add column placeholder boolean default false not null;
alter table email_token add constraint email_token_placeholder_spent_chk
    check (not placeholder or consumed_at is not null);
