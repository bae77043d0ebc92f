-- Scope discovery: a scope's status may now say why it holds nothing (DISABLED: the Vertex AI API is off in the
-- project; UNSUPPORTED: NAS is not offered in the region), and each project's locations, as ListLocations
-- answered, are remembered for a day so that a sync without --locations does not ask again.
ALTER TABLE "aiplatform"."sync_scopes" ALTER COLUMN "status" SET DATA TYPE VARCHAR(16);

CREATE TABLE "aiplatform"."project_locations" (
    "projectsId"   VARCHAR(128) NOT NULL,
    "locationsId"  VARCHAR(64)  NOT NULL,
    "discoveredAt" TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT "project_locations_pk" PRIMARY KEY ("projectsId", "locationsId")
);
