-- Scope discovery (issue 13), on PostgreSQL: the H2 migration of the same version with PostgreSQL's
-- ALTER COLUMN syntax and microsecond timestamps. A scope's status may now say why it holds nothing
-- (DISABLED: the Vertex AI API is off in the project; UNSUPPORTED: NAS is not offered in the region), and
-- each project's locations, as ListLocations answered, are remembered for a day so that a sync without
-- --locations does not ask again.
ALTER TABLE "aiplatform"."sync_scopes" ALTER COLUMN "status" TYPE VARCHAR(16);

CREATE TABLE "aiplatform"."project_locations" (
    "projectsId"   VARCHAR(128) NOT NULL,
    "locationsId"  VARCHAR(64)  NOT NULL,
    "discoveredAt" TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT "project_locations_pk" PRIMARY KEY ("projectsId", "locationsId")
);

-- json_value takes a quoted key after a dot too ($."cost-center"), as H2's alias (io.nasql.db.JsonPath) does
-- since the compare report quotes the label's key that way.
CREATE OR REPLACE FUNCTION public.json_value(doc jsonb, path text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    node jsonb := doc;
    rest text;
    step text[];
BEGIN
    IF doc IS NULL OR path IS NULL THEN
        RETURN NULL;
    END IF;
    IF left(path, 1) <> '$' THEN
        RAISE EXCEPTION 'json_value: a path starts with $, as in ''$.a.b[0]'': %', path;
    END IF;
    rest := substr(path, 2);
    WHILE rest <> '' LOOP
        -- one step: ."key", .key, ['key'], ["key"] or [index]
        step := regexp_match(rest, '^(\."([^"]*)"|\.([^.\[]*)|\[\s*''([^'']*)''\s*\]|\[\s*"([^"]*)"\s*\]|\[\s*(-?[0-9]+)\s*\])');
        IF step IS NULL THEN
            RAISE EXCEPTION 'json_value: unexpected ''%'' in path %', left(rest, 1), path;
        END IF;
        rest := substr(rest, length(step[1]) + 1);
        IF step[6] IS NOT NULL THEN
            IF jsonb_typeof(node) <> 'array' OR step[6]::int < 0 THEN
                RETURN NULL;
            END IF;
            node := node -> step[6]::int;
        ELSE
            IF jsonb_typeof(node) <> 'object' THEN
                RETURN NULL;
            END IF;
            node := node -> coalesce(step[2], step[3], step[4], step[5]);
        END IF;
        IF node IS NULL THEN
            RETURN NULL;
        END IF;
    END LOOP;
    RETURN CASE jsonb_typeof(node)
        WHEN 'null' THEN NULL
        WHEN 'string' THEN node #>> '{}'
        ELSE public.json_compact(node)
    END;
END;
$$;
