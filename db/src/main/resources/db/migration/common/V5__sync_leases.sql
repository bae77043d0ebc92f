-- Sharded sync workers (the same SQL on H2 and PostgreSQL). A worker holds a scope by a lease row
-- with an expiry: two workers never sync one scope at once, and a crashed worker's scopes are free
-- again once its leases expire.
CREATE TABLE "aiplatform"."sync_leases" (
    "projectsId"  VARCHAR(128) NOT NULL,
    "locationsId" VARCHAR(64)  NOT NULL,
    "worker"      VARCHAR(256) NOT NULL,
    "expiresAt"   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT "sync_leases_pk" PRIMARY KEY ("projectsId", "locationsId")
);

-- Each worker records its own run: who it was, which shard, and how many scopes other workers held.
ALTER TABLE "aiplatform"."sync_runs" ADD COLUMN "worker" VARCHAR(256);
ALTER TABLE "aiplatform"."sync_runs" ADD COLUMN "shard" VARCHAR(16);
ALTER TABLE "aiplatform"."sync_runs" ADD COLUMN "scopesHeld" INTEGER DEFAULT 0 NOT NULL;
