-- A recommendation that raises the instances of the one in force before it is a scale-up: what it raised from, and
-- once its after-window has closed, its measured effect on the tenant's operations.
ALTER TABLE scaling_recommendations ADD COLUMN previous_instances int;
ALTER TABLE scaling_recommendations ADD COLUMN effect text;
CREATE INDEX scaling_recommendations_scale_ups ON scaling_recommendations (effective_from)
    WHERE previous_instances IS NOT NULL AND instances > previous_instances AND NOT emergency;
