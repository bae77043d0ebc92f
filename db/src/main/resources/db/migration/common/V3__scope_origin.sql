-- How each scope came into the sync: named (--projects), discovered (Cloud Asset Inventory) or
-- fallback (Resource Manager and ListLocations), and the folder or organization it was found in.
-- Every scope synced before this column existed was named.
ALTER TABLE "aiplatform"."sync_scopes" ADD COLUMN "discoveredBy" VARCHAR(16) DEFAULT 'named' NOT NULL;
ALTER TABLE "aiplatform"."sync_scopes" ADD COLUMN "discoveredIn" VARCHAR(64);
