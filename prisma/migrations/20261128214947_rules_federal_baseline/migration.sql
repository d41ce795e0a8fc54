-- Rules module: the seeded default rule set `federal-baseline` version 1 (its exact meaning is the
-- federal-baseline v1 specification), and immutability of published rule-set versions.

-- A published version is what past evaluation runs were computed with: changing it would silently
-- rewrite their meaning. Drafts stay editable, and publishing (DRAFT -> PUBLISHED) is an update of a
-- draft. ENABLE ALWAYS keeps the trigger firing under session_replication_role = replica.
-- The function body is an E'' string with \073 for each semicolon because Prisma's pg adapter runs
-- migration scripts by splitting them on every semicolon (so no semicolon may appear below either).

CREATE FUNCTION "rule_set_version_published_is_immutable"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF OLD."status" = ''PUBLISHED'' THEN
    RAISE EXCEPTION ''Rule set % version % is published and cannot be changed (%): create a new version instead'',
      OLD."ruleSetId", OLD."version", TG_OP
      USING ERRCODE = ''integrity_constraint_violation''\073
  END IF\073
  IF TG_OP = ''DELETE'' THEN
    RETURN OLD\073
  END IF\073
  RETURN NEW\073
END\073
';

CREATE TRIGGER "rule_set_version_published_is_immutable"
  BEFORE UPDATE OR DELETE ON "RuleSetVersion"
  FOR EACH ROW EXECUTE FUNCTION "rule_set_version_published_is_immutable"();

ALTER TABLE "RuleSetVersion" ENABLE ALWAYS TRIGGER "rule_set_version_published_is_immutable";

INSERT INTO "RuleSet" ("id", "name", "description") VALUES (
  'federal-baseline',
  'Línea base federal',
  'Default rule set: vetting coverage, failed vetting on duty, training compliance, serious abuse, human-rights recommendations, complaint rate against peers, corruption not reduced.'
);

INSERT INTO "RuleSetVersion" ("ruleSetId", "version", "status", "definition", "notes", "publishedAt") VALUES (
  'federal-baseline',
  1,
  'PUBLISHED',
  $json$
{"rules": [
  {"id": "vetting-coverage", "title": "Vetting coverage", "metric": "vettingCoverage", "params": {},
   "levels": [
     {"level": "WATCH", "when": {"figure": "V", "op": "<", "than": 90}},
     {"level": "REVIEW", "when": {"figure": "V", "op": "<", "than": 75}},
     {"level": "RECEIVERSHIP", "when": {"figure": "V", "op": "<", "than": 50}}]},
  {"id": "failed-vetting-on-duty", "title": "Failed vetting, still on duty", "metric": "failedVettingOnDuty",
   "params": {"minDaysSinceFailure": 90},
   "levels": [
     {"level": "REVIEW", "when": {"figure": "F", "op": ">=", "than": 1}},
     {"level": "RECEIVERSHIP", "when": {"all": [
       {"figure": "F", "op": ">=", "than": 3},
       {"figure": "share", "op": ">=", "than": 5}]}}]},
  {"id": "training-compliance", "title": "Training compliance", "metric": "trainingCompliance",
   "params": {"initialCourseCode": "FORMACION_INICIAL", "windowDays": 365, "minHours": 40},
   "levels": [
     {"level": "WATCH", "when": {"figure": "T", "op": "<", "than": 80}},
     {"level": "REVIEW", "when": {"figure": "T", "op": "<", "than": 60}}]},
  {"id": "serious-abuse", "title": "Sustained serious abuse", "metric": "complaintCount",
   "params": {"windowDays": 730, "filter": {
     "categories": ["TORTURE", "FORCED_DISAPPEARANCE", "EXTRAJUDICIAL_KILLING", "SEXUAL_ABUSE"],
     "statuses": ["SUSTAINED"], "resolvedByAsOf": true}},
   "levels": [
     {"level": "REVIEW", "when": {"figure": "count", "op": ">=", "than": 1}},
     {"level": "RECEIVERSHIP", "when": {"figure": "count", "op": ">=", "than": 3}}]},
  {"id": "human-rights-recommendations", "title": "Human-rights commission recommendations", "metric": "complaintCount",
   "params": {"windowDays": 365, "filter": {"sources": ["CNDH", "STATE_COMMISSION"], "excludeStatuses": ["WITHDRAWN"]}},
   "levels": [
     {"level": "REVIEW", "when": {"figure": "count", "op": ">=", "than": 2}}]},
  {"id": "complaint-rate", "title": "Complaint rate against peers", "metric": "complaintRate",
   "params": {"windowDays": 365, "filter": {"excludeStatuses": ["UNFOUNDED", "WITHDRAWN"]}, "peerGroup": "kind"},
   "levels": [
     {"level": "WATCH", "when": {"all": [
       {"figure": "Q", "op": ">=", "than": 3},
       {"figure": "C", "op": ">", "than": {"figure": "M", "times": 2}}]}}]},
  {"id": "corruption-not-reduced", "title": "Corruption complaints not reduced", "metric": "complaintTrend",
   "params": {"windowDays": 365, "filter": {
     "categories": ["CORRUPTION", "COLLUSION", "EXTORTION"], "excludeStatuses": ["UNFOUNDED", "WITHDRAWN"]}},
   "levels": [
     {"level": "REVIEW", "when": {"all": [
       {"figure": "K0", "op": ">=", "than": 3},
       {"figure": "K0", "op": ">=", "than": {"figure": "K1"}}]}},
     {"level": "RECEIVERSHIP", "when": {"all": [
       {"figure": "K0", "op": ">=", "than": 3},
       {"figure": "K0", "op": ">=", "than": {"figure": "K1"}},
       {"figure": "K1", "op": ">=", "than": 3},
       {"figure": "K1", "op": ">=", "than": {"figure": "K2"}}]}}]}
]}
$json$::jsonb,
  'Seeded default (federal baseline v1).',
  '2026-01-01T00:00:00Z'
);
