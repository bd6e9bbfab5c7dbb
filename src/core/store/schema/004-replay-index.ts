/** Migration 004: find a job's replays (the detail pane links a job to them). */
export const REPLAY_INDEX = `
CREATE INDEX jobs_replay_of ON jobs (replay_of, seq) WHERE replay_of IS NOT NULL;
`
