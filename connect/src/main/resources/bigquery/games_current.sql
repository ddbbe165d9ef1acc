-- PLACEHOLDER written by the deploy engineer so that deploy-checks can run; the connect
-- module's version replaces it. Current state of every game rebuilt from the changelog.
CREATE OR REPLACE VIEW `${project}.${dataset}.games_current` AS
SELECT *
FROM `${project}.${dataset}.games_changelog`
WHERE TRUE
QUALIFY ROW_NUMBER() OVER (PARTITION BY id ORDER BY kafka_offset DESC) = 1
  AND operation = 'UPSERT';
