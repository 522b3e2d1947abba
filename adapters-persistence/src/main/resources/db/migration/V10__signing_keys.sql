-- Access-token signing keys, shared by every instance on this database. The highest generation
-- signs; a rotation inserts the next generation, and the unique generation makes concurrent
-- rotations end with exactly one new key. Keys are base64 of their PKCS#8 (private) and X.509
-- (public) encodings.
CREATE TABLE signing_key (
    kid         varchar(64)              NOT NULL PRIMARY KEY,
    generation  bigint                   NOT NULL UNIQUE,
    algorithm   varchar(16)              NOT NULL,
    private_key varchar(8000)            NOT NULL,
    public_key  varchar(2000)            NOT NULL,
    created_at  timestamp with time zone NOT NULL,
    retired_at  timestamp with time zone
);
