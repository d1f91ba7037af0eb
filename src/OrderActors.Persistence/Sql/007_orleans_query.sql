-- The Orleans ADO.NET providers read their SQL from this table at start (SELECT QueryKey, QueryText FROM
-- OrleansQuery): unquoted, so the name folds to lower case. Each provider's migration adds its rows.
CREATE TABLE orleansquery (
    querykey  varchar(64) PRIMARY KEY,
    querytext text        NOT NULL
);
